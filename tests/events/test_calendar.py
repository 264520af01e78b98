"""The calendar page (list, month, archive, filters in the URL), the event page, and what other apps embed."""

import json
import re
from datetime import timedelta

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import BERLIN, EventException, EventPage, Exhibition
from events.selectors import exhibitions_now, upcoming_for_producer

from .conftest import local


def soon(days, hour=19):
    day = (timezone.now() + timedelta(days=days)).astimezone(BERLIN).date()
    return local(day.year, day.month, day.day, hour)


def test_list_filters_live_in_the_url(client, calendar_page, make_event, make_producer):
    roastery = make_producer("kaffeeroesterei", "Kaffeerösterei")
    make_event(title="Röstkurs", format="workshop", start=soon(3), hosts=[roastery], in_turkish=True)
    make_event(title="Vortrag Stadt", format="talk", start=soon(4))
    make_event(title="Alter Kurs", format="workshop", start=soon(-30))
    url = calendar_page.url

    page = client.get(url).content.decode()
    assert "Röstkurs" in page and "Vortrag Stadt" in page and "Alter Kurs" not in page
    assert "Vortrag Stadt" not in client.get(url + "?format=workshop").content.decode()
    assert "Vortrag Stadt" not in client.get(url + "?producer=kaffeeroesterei").content.decode()
    by_language = client.get(url + "?language=tr").content.decode()
    assert "Röstkurs" in by_language and "Vortrag Stadt" not in by_language
    archive = client.get(url + "?archive=1").content.decode()
    assert "Alter Kurs" in archive and "Röstkurs" not in archive
    # Rubbish in the URL shows everything rather than an error.
    assert client.get(url + "?format=<b>&producer=nobody&language=xx&view=month&month=2026-13").status_code == 200


def test_month_view_shows_cancelled_dates_as_cancelled(client, calendar_page, make_event):
    event = make_event(title="Erster Freitag", start=local(2027, 1, 1, 19), end=local(2027, 1, 1, 22),
                       repeat=EventPage.FREQ_MONTHLY, repeat_weekday=4, repeat_week_of_month=1)
    EventException.objects.create(event=event, original_date=local(2027, 3, 5).date(), kind=EventException.CANCELLED)
    march = client.get(calendar_page.url + "?view=month&month=2027-03").content.decode()
    assert "19:00 Erster Freitag" in march
    assert "ev-item--cancelled" in march
    april = client.get(calendar_page.url + "?view=month&month=2027-04").content.decode()
    assert "19:00 Erster Freitag" in april and "ev-item--cancelled" not in april
    assert "month=2027-03" in april and "month=2027-05" in april


def test_event_page_shows_the_facts_and_json_ld(client, make_event, make_producer):
    host = make_producer("geigenbau", "Geigenbau Brückstraße")
    event = make_event(title="Wie entsteht eine Geige?", start=soon(5, 15), hosts=[host], price="15.00",
                       accessibility="Zwei Stufen am Eingang", in_english=True, latitude="51.4843", longitude="7.2178")
    html = client.get(event.url).content.decode()
    assert "Geigenbau Brückstraße" in html and "Zwei Stufen am Eingang" in html and "15,00 €" in html
    assert f"/events/{event.pk}.ics" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "Wie entsteht eine Geige?"
    assert data["startDate"].endswith("15:00:00+01:00") or data["startDate"].endswith("15:00:00+02:00")
    assert data["inLanguage"] == ["de", "en"]
    assert data["offers"]["price"] == "15.00"
    assert data["location"]["geo"]["latitude"] == 51.4843


def test_event_titles_are_translated_with_german_fallback(client, make_event):
    event = make_event(title="Filmabend", start=soon(6))
    event.title_ar = "أمسية فيلم"
    event.save_revision().publish()
    assert "أمسية فيلم" in client.get(f"/ar/veranstaltungen/{event.slug}/").content.decode()
    assert "Filmabend" in client.get(f"/tr/veranstaltungen/{event.slug}/").content.decode()


def test_producer_profile_contract_and_showroom_now_tag(make_event, make_producer, django_assert_max_num_queries):
    ice = make_producer("eis", "Eismanufaktur")
    make_event(title="Eis-Workshop", start=soon(2), hosts=[ice])
    make_event(title="Anderes", start=soon(2))
    today = timezone.now().astimezone(BERLIN).date()
    Exhibition.objects.create(producer=ice, starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=9), what="Wintereis")
    Exhibition.objects.create(producer=ice, starts_on=today + timedelta(days=20), ends_on=today + timedelta(days=29), what="Später")

    assert [o.event.title for o in upcoming_for_producer(ice)] == ["Eis-Workshop"]
    assert [e.what for e in exhibitions_now()] == ["Wintereis"]
    assert exhibitions_now(producer=make_producer("andere")) == []
    with django_assert_max_num_queries(2):
        html = Template("{% load events_tags %}{% showroom_now %}").render(Context({}))
    assert "Wintereis" in html and "Eismanufaktur" in html and "Später" not in html


def calendar_queries(client, url):
    # A session cookie bypasses the anonymous page cache: this counts what rendering the page costs.
    client.cookies["sessionid"] = "no-session"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_calendar_query_budget_does_not_grow_with_events(client, calendar_page, make_event, make_producer):
    host = make_producer("geigenbau", "Geigenbau Brückstraße")
    make_event(title="Erster", start=soon(3), hosts=[host])
    views = [calendar_page.url, calendar_page.url + "?view=month", calendar_page.url + "?format=workshop&language=de"]
    few = [calendar_queries(client, url) for url in views]
    for number in range(12):
        make_event(title=f"Kurs {number}", start=soon(number + 1), hosts=[host], format="workshop",
                   repeat=EventPage.FREQ_WEEKLY if number % 3 == 0 else "")
    many = [calendar_queries(client, url) for url in views]
    assert few == many
    assert max(many) <= 15, many


def test_long_lists_are_paged_and_page_links_keep_the_filters(client, calendar_page, make_event):
    # Six weekly courses: 103 to 108 dates in the next 120 days, four pages of 30.
    make_event(title="Vormittagskurs", format="workshop", start=soon(1, hour=10),
               repeat=EventPage.FREQ_WEEKLY, repeat_interval=1)
    for weekday in range(1, 6):
        make_event(title=f"Abendkurs {weekday}", format="workshop", start=soon(weekday, hour=18),
                   repeat=EventPage.FREQ_WEEKLY, repeat_interval=1)
    url = calendar_page.url + "?format=workshop"

    first = client.get(url).content.decode()
    assert first.count('<li class="ev-item') == 30
    assert "Seite 1 von 4" in first
    assert 'href="?format=workshop&amp;page=2"' in first
    second = client.get(url + "&page=2").content.decode()
    assert second.count('<li class="ev-item') == 30
    assert 'href="?format=workshop&amp;page=1"' in second
    # The first dates of page 2 come after the last date of page 1.
    last_on_first = re.findall(r'datetime="([^"]+)"', first)[-1]
    first_on_second = re.findall(r'datetime="([^"]+)"', second)[0]
    assert first_on_second >= last_on_first
    # A page number beyond the end or rubbish shows a page of dates rather than an error.
    assert "Seite 4 von 4" in client.get(url + "&page=99").content.decode()
    assert "Seite 1 von 4" in client.get(url + "&page=x").content.decode()


def test_archive_pages_keep_the_archive(client, calendar_page, make_event):
    make_event(title="Alter Kurs", start=soon(-400, hour=10), end=soon(-400, hour=12),
               repeat=EventPage.FREQ_WEEKLY, repeat_until=(timezone.now() - timedelta(days=2)).date())
    archive = client.get(calendar_page.url + "?archive=1").content.decode()
    assert 'href="?archive=1&amp;page=2"' in archive
    assert "Alter Kurs" in client.get(calendar_page.url + "?archive=1&page=2").content.decode()


def test_out_of_range_months_dates_and_pages_show_the_current_month_or_the_first_page(client, calendar_page, make_event):
    """Numbers beyond what a date holds (year 99999999999, month 10**30) answered 500 (OverflowError)."""
    event = make_event(title="Werkstattabend", start=soon(3))
    this_month = f'name="month" value="{timezone.now().astimezone(BERLIN):%Y-%m}"'
    for month in ("99999999999-1", "2026-99999999999", "-99999999999-1", f"{10**30}-{10**30}", "9" * 1500 + "-1",
                  "2026-0", "2026--1", "0-1", "9999-12", "1e309-1"):
        response = client.get(calendar_page.url, {"view": "month", "month": month})
        assert response.status_code == 200, month
        assert this_month in response.content.decode(), month
    for page in ("99999999999999999999", "-99999999999", "9" * 1500, "1e309", "NaN", "-1", "0"):
        response = client.get(calendar_page.url, {"page": page})
        assert response.status_code == 200 and "Werkstattabend" in response.content.decode(), page
    for date in ("99999999999-01-01T19:00", "2026-99-99T19:00", "9" * 1500):
        assert client.get(event.url, {"date": date}).status_code == 200, date
