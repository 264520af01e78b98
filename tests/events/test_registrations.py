"""Registering (a hold until the emailed link confirms it), the waiting list, cancelling by emailed link,
the form's honeypot and rate limit, and what visitors see on bad input."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from events import registrations
from events.models import Registration
from events.recurrence import next_occurrences

from .conftest import local


@pytest.fixture(autouse=True)
def _no_honeypot_wait(settings):
    settings.HONEYPOT_MIN_SECONDS = 0


@pytest.fixture
def workshop(make_event):
    return make_event(title="Geigen-Workshop", start=local(2030, 5, 3, 15), end=local(2030, 5, 3, 18),
                      registration_required=True, capacity=3, waiting_list=True)


def first_date(event):
    return next_occurrences(event, local(2030, 1, 1))[0]


def cancel_link(message):
    return re.search(r"https?://\S+/events/cancel/\S+/", message.body).group(0)


def confirm_path(message):
    return re.search(r"https?://[^/\s]+(/\w\w/events/confirm/\S+/)", message.body).group(1)


def form_data(client, event, **fields):
    """What the browser sends: the typed fields plus the form's hidden ones (date, honeypot)."""
    html = client.get(event.url).content.decode()
    hidden = dict(re.findall(r'type="hidden" name="(date|shown_at)" value="([^"]*)"', html))
    return {**hidden, "website": "", **fields}


def lapse(registration):
    Registration.objects.filter(pk=registration.pk).update(hold_expires_at=timezone.now() - timedelta(seconds=1))


def test_registering_holds_the_seats_until_the_link_in_the_one_email_confirms(client, workshop, settings):
    settings.EVENTS_CONFIRM_MINUTES = 30
    registration = registrations.register(workshop, first_date(workshop), "Ayşe", "Ayse@Example.org", 2)
    assert registration.status == Registration.PENDING and not registration.confirmed_at
    assert timedelta(minutes=29) < registration.hold_expires_at - timezone.now() <= timedelta(minutes=30)
    assert registration.email == "ayse@example.org"
    assert registrations.seats_left(workshop, first_date(workshop).planned_start) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ayse@example.org"]
    assert "30 Minuten" in mail.outbox[0].body
    assert registration.token in cancel_link(mail.outbox[0])

    page = client.get(confirm_path(mail.outbox[0])).content.decode()
    assert "Ihre Anmeldung ist bestätigt" in page and "2 Plätze sind für Sie reserviert" in page
    registration.refresh_from_db()
    assert registration.status == Registration.CONFIRMED and registration.confirmed_at
    # The link opened again (or by a mail scanner first): the same page, nothing else happens.
    assert "Ihre Anmeldung ist bestätigt" in client.get(confirm_path(mail.outbox[0])).content.decode()
    assert len(mail.outbox) == 1
    assert registrations.seats_left(workshop, first_date(workshop).planned_start) == 1


def test_an_unconfirmed_hold_lapses_and_frees_its_seats_before_any_cleanup(client, workshop, in_english):
    date = first_date(workshop)
    bot = registrations.register(workshop, date, "Erfunden", "erfunden@example.org", 3)
    assert registrations.seats_left(workshop, date.planned_start) == 0
    lapse(bot)
    assert registrations.seats_left(workshop, date.planned_start) == 3
    # The seats are free for the next visitor, and the same address may register again.
    registrations.register(workshop, date, "Anna", "anna@example.org", 3)
    registrations.register(workshop, date, "Erfunden", "erfunden@example.org", 1, waiting_ok=True)
    page = client.get(confirm_path(mail.outbox[0])).content.decode()
    assert "Dieser Link ist abgelaufen" in page and "deshalb sind die Plätze wieder frei" in page
    bot.refresh_from_db()
    assert bot.status == Registration.PENDING and registrations.is_lapsed(bot)

    call_command("release_event_holds", stdout=open("/dev/null", "w"))
    assert not Registration.objects.filter(pk=bot.pk).exists()
    assert Registration.objects.count() == 2
    # Clicked after the cleanup: still told what happened.
    response = client.get(confirm_path(mail.outbox[0]))
    assert response.status_code == 404
    assert "Dieser Link ist abgelaufen" in response.content.decode() and "erneut anmelden" in response.content.decode()


def test_seats_of_a_lapsed_hold_go_to_the_waiting_list_first(workshop, in_english):
    date = first_date(workshop)
    anna = registrations.register(workshop, date, "Anna", "anna@example.org", 3)
    ben = registrations.register(workshop, date, "Ben", "ben@example.org", 1, waiting_ok=True)
    assert ben.for_waiting_list
    registrations.confirm(ben)
    ben.refresh_from_db()
    assert ben.status == Registration.WAITING
    lapse(anna)
    mail.outbox.clear()

    # Whoever registers next finds Ben already moved up into the freed seats.
    registrations.register(workshop, date, "Cem", "cem@example.org", 2)
    ben.refresh_from_db()
    assert ben.status == Registration.CONFIRMED and ben.promoted_at
    assert [m.to for m in mail.outbox] == [["ben@example.org"], ["cem@example.org"]]
    assert registrations.seats_left(workshop, date.planned_start) == 0


def test_the_cleanup_moves_the_waiting_list_up_into_lapsed_holds(workshop, in_english):
    date = first_date(workshop)
    anna = registrations.register(workshop, date, "Anna", "anna@example.org", 3)
    ben = registrations.confirm(registrations.register(workshop, date, "Ben", "ben@example.org", 2, waiting_ok=True))
    assert ben.status == Registration.WAITING
    lapse(anna)
    mail.outbox.clear()
    assert registrations.release_expired() == 1
    ben.refresh_from_db()
    assert ben.status == Registration.CONFIRMED
    assert [m.to for m in mail.outbox] == [["ben@example.org"]]


def test_confirming_a_waiting_list_request_when_a_seat_is_free_again_gives_the_seat(client, workshop):
    date = first_date(workshop)
    anna = registrations.confirm(registrations.register(workshop, date, "Anna", "anna@example.org", 3))
    ben = registrations.register(workshop, date, "Ben", "ben@example.org", 1, waiting_ok=True)
    registrations.cancel(anna)
    page = client.get(confirm_path(mail.outbox[-1])).content.decode()
    ben.refresh_from_db()
    assert ben.status == Registration.CONFIRMED and "Ihre Anmeldung ist bestätigt" in page


@pytest.fixture
def in_english():
    """Messages and emails in English, so the assertions read as the text a visitor gets."""
    with translation.override("en"):
        yield


def test_full_event_offers_the_waiting_list_and_promotes_on_cancellation(workshop, in_english):
    date = first_date(workshop)
    first = registrations.confirm(registrations.register(workshop, date, "Anna", "anna@example.org", 3))
    with pytest.raises(registrations.RegistrationError, match="waiting list"):
        registrations.register(workshop, date, "Ben", "ben@example.org", 1)
    waiting = registrations.confirm(registrations.register(workshop, date, "Ben", "ben@example.org", 1, waiting_ok=True))
    too_big = registrations.confirm(registrations.register(workshop, date, "Cem", "cem@example.org", 3, waiting_ok=True))
    assert waiting.status == too_big.status == Registration.WAITING
    mail.outbox.clear()

    _cancelled, promoted = registrations.cancel(first)

    waiting.refresh_from_db()
    too_big.refresh_from_db()
    first.refresh_from_db()
    assert first.status == Registration.CANCELLED and first.cancelled_at
    # Ben came first and fits; Cem (3 seats) no longer fits next to Ben and keeps waiting.
    assert promoted == [waiting]
    assert waiting.status == Registration.CONFIRMED and waiting.promoted_at
    assert too_big.status == Registration.WAITING
    assert [m.to for m in mail.outbox] == [["ben@example.org"]]
    assert "Warteliste" in mail.outbox[0].body  # in the language the visitor registered in (German)


def test_same_email_twice_is_caught_politely(workshop, in_english):
    date = first_date(workshop)
    registrations.register(workshop, date, "Anna", "anna@example.org", 1)
    with pytest.raises(registrations.RegistrationError, match="already registered"):
        registrations.register(workshop, date, "Anna", " ANNA@example.org ", 1)


def test_cancel_link_only_cancels_its_own_registration(client, workshop):
    date = first_date(workshop)
    anna = registrations.register(workshop, date, "Anna", "anna@example.org", 1)
    ben = registrations.register(workshop, date, "Ben", "ben@example.org", 1)
    assert len(anna.token) >= 40 and anna.token != ben.token
    # A guessed or altered token finds nothing.
    assert client.post(f"/de/events/cancel/{anna.token[:-1]}x/").status_code == 404
    assert client.post(f"/de/events/cancel/{anna.pk}/").status_code == 404
    response = client.post(f"/de/events/cancel/{anna.token}/")
    assert response.status_code == 302
    anna.refresh_from_db()
    ben.refresh_from_db()
    assert anna.status == Registration.CANCELLED
    assert ben.status == Registration.PENDING


def test_registration_form_keeps_what_was_typed_and_explains(client, workshop):
    url = workshop.url + "?date=" + first_date(workshop).key
    response = client.post(url, {"date": first_date(workshop).key, "name": "Jörg Müller", "email": "not-an-email", "seats": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jörg Müller" in html and "not-an-email" in html
    assert "Enter a valid email address" in html or "gültige E-Mail" in html
    assert not Registration.objects.exists()


def test_form_on_a_full_event_offers_the_waiting_list_with_input_kept(client, workshop):
    date = first_date(workshop)
    registrations.register(workshop, date, "Anna", "anna@example.org", 3)
    data = form_data(client, workshop, name="Ben", email="ben@example.org", seats="1")
    response = client.post(workshop.url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Join the waiting list" in html or "Warteliste" in html
    assert 'value="ben@example.org"' in html
    response = client.post(workshop.url, {**data, "waiting_ok": "on"})
    assert response.status_code == 302
    ben = Registration.objects.get(email="ben@example.org")
    assert ben.status == Registration.PENDING and ben.for_waiting_list
    page = client.get(response["Location"]).content.decode()
    assert "Bitte sehen Sie in Ihr E-Mail-Postfach" in page and "Platz auf der Warteliste" in page
    client.get(confirm_path(mail.outbox[-1]))
    ben.refresh_from_db()
    assert ben.status == Registration.WAITING


def test_nonsense_input_never_breaks_the_page(client, workshop):
    for data in ({"date": "1999-99-99T99:99", "seats": "x"}, {"seats": "-4", "name": "A", "email": "a@b.de"}, {}):
        assert client.post(workshop.url, data).status_code in (200, 302)
    assert client.get(workshop.url + "?date=nonsense").status_code == 200
    assert not Registration.objects.exists()


def test_event_page_with_a_form_is_cached_and_each_visitor_gets_a_working_token(workshop):
    from django.test import Client

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    assert first.get(workshop.url)["X-Cache"] == "MISS"
    page = second.get(workshop.url)
    assert page["X-Cache"] == "HIT"
    # The visitor's own token in the form, their own cookie, and no shared copy anywhere else.
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', page.content.decode()).group(1)
    assert "csrftoken" in page.cookies and "private" in page["Cache-Control"] and "ETag" not in page
    assert "csrf-token-of-the-visitor" not in page.content.decode()
    shown_at = re.search(r'name="shown_at" value="([^"]*)"', page.content.decode()).group(1)
    response = second.post(workshop.url, {"csrfmiddlewaretoken": token, "date": first_date(workshop).key,
                                          "shown_at": shown_at, "name": "Ada", "email": "ada@example.org", "seats": "1"})
    assert response.status_code == 302
    assert Registration.objects.get().email == "ada@example.org"
    # Ada's token does not work with another visitor's cookie.
    third = Client(enforce_csrf_checks=True)
    third.get(workshop.url)
    assert third.post(workshop.url, {"csrfmiddlewaretoken": token, "date": first_date(workshop).key, "shown_at": shown_at,
                                     "name": "Eve", "email": "eve@example.org", "seats": "1"}).status_code == 403


def test_after_submitting_the_page_says_check_your_email_and_offers_no_second_form(client, workshop):
    response = client.post(workshop.url, form_data(client, workshop, name="Ada", email="ada@example.org", seats="2"))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    main = page[page.index("<main"):]
    # The first heading of the page is the one thing left to do.
    assert re.search(r"<h1[^>]*>(.*?)</h1>", main, re.S).group(1).strip() == "Bitte sehen Sie in Ihr E-Mail-Postfach"
    assert "30 Minuten lang für Sie reserviert" in page and "Geigen-Workshop" in page
    assert 'name="email"' not in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@example.org"]


def test_bots_filling_the_honeypot_or_sending_at_once_register_nobody(client, workshop, settings):
    data = form_data(client, workshop, name="Bot", email="bot@example.org", seats="3")
    for attempt in ({**data, "website": "http://spam.example"}, {key: value for key, value in data.items() if key != "shown_at"}):
        response = client.post(workshop.url, attempt)
        assert response.status_code == 200
        assert "Das Formular konnte nicht gesendet werden" in response.content.decode()
    settings.HONEYPOT_MIN_SECONDS = 60
    assert client.post(workshop.url, form_data(client, workshop, name="Bot", email="bot@example.org", seats="3")).status_code == 200
    assert not Registration.objects.exists() and not mail.outbox


def test_registration_posts_are_rate_limited_per_client(client, workshop):
    for number in range(10):
        data = form_data(client, workshop, name=f"Gast {number}", email=f"gast{number}@example.org", seats="1", waiting_ok="on")
        assert client.post(workshop.url, data).status_code == 302
    response = client.post(workshop.url, form_data(client, workshop, name="Gast", email="gast@example.org", seats="1"))
    assert response.status_code == 429
    assert Registration.objects.count() == 10
