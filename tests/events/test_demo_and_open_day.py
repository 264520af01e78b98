"""The demo calendar seeds once, in four languages, and the open-door day programme prints as a list."""

import io

from events import demo
from events.models import EventPage, Exhibition, OpenDayPage, Registration
from events.selectors import exhibitions_now


def test_demo_seed_is_idempotent_and_complete(home, client):
    logins = demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert logins == [("geigenbau", "geigenbau", "member (violin maker, events)")]
    events = EventPage.objects.live()
    assert events.count() == 12
    assert all(e.title_en and e.title_tr and e.title_ar for e in events)
    assert {"network", "workshop", "evening_at", "open_day", "market"} <= set(events.values_list("format", flat=True))
    first_friday = events.get(slug="erster-freitag")
    assert first_friday.repeat == "monthly" and first_friday.starts_at.hour in (18, 19)  # 19:00 Berlin, stored in UTC
    nearly_full = events.get(slug="geigenbau-werkstatt")
    assert Registration.objects.filter(event=nearly_full).count() == nearly_full.capacity - 1
    assert len(exhibitions_now()) == 2 and Exhibition.objects.count() == 2

    calendar = client.get("/ar/veranstaltungen/")
    assert calendar.status_code == 200 and "الفعاليات" in calendar.content.decode()
    assert "Vorbereitung ab 18:45" in client.get("/de/veranstaltungen/mein-abend-bei-kaffeeroesterei/").content.decode()


def test_open_day_programme_lists_producers_with_time_slots(home, client):
    demo.seed(io.StringIO())
    programme = OpenDayPage.objects.get()
    html = client.get(f"/de/veranstaltungen/{programme.slug}/").content.decode()
    assert "Geigenbau Brückstraße" in html and "Eismanufaktur Kohlenpott" in html
    assert "11:00–13:00" in html.replace("</time>–<time>", "–")
    assert "events/events.css" in html and "ev-brochure" in html
