"""The feeds, read back with vobject (not the library that wrote them)."""

from datetime import timedelta

import vobject

from events.models import BERLIN, EventException, EventPage

from .conftest import local


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return vobject.readOne(response.content.decode())


def test_recurring_event_round_trips_across_daylight_saving(client, make_event, make_producer):
    host = make_producer("geigenbau-hellweg", "Geigenbau Brückstraße")
    event = make_event(title="Erster Freitag", start=local(2031, 10, 3, 19), end=local(2031, 10, 3, 22), hosts=[host],
                       repeat=EventPage.FREQ_MONTHLY, repeat_weekday=4, repeat_week_of_month=1)
    EventException.objects.create(event=event, original_date=local(2031, 11, 7).date(), kind=EventException.CANCELLED)
    EventException.objects.create(event=event, original_date=local(2031, 12, 5).date(), kind=EventException.MOVED,
                                  new_starts_at=local(2031, 12, 12, 18))

    calendar = parse(client.get(f"/events/{event.pk}.ics"))
    assert calendar.vtimezone.tzid.value == "Europe/Berlin"
    vevents = calendar.vevent_list
    main = next(v for v in vevents if not hasattr(v, "recurrence_id"))
    moved = next(v for v in vevents if hasattr(v, "recurrence_id"))
    assert main.uid.value == moved.uid.value == f"event-{event.pk}@madebybochum.de"
    assert main.summary.value == "Erster Freitag"

    dates = list(main.getrruleset(addRDate=True).between(local(2031, 10, 1), local(2032, 4, 30), inc=True))
    # November is cancelled (EXDATE); December is replaced by the moved VEVENT.
    assert [d.date().isoformat() for d in dates] == [
        "2031-10-03", "2031-12-05", "2032-01-02", "2032-02-06", "2032-03-05", "2032-04-02",
    ]
    assert {d.astimezone(BERLIN).hour for d in dates} == {19}
    assert dates[0].utcoffset() == timedelta(hours=2) and dates[2].utcoffset() == timedelta(hours=1)
    assert moved.dtstart.value == local(2031, 12, 12, 18)
    assert moved.recurrence_id.value == local(2031, 12, 5, 19)


def test_uids_are_stable_and_feeds_filter(client, make_event, make_producer):
    roastery = make_producer("roesterei-kortum", "Kaffeerösterei")
    talk = make_event(title="Vortrag", format="talk", start=local(2031, 3, 4, 19))
    tasting = make_event(title="Verkostung", format="workshop", start=local(2031, 3, 5, 16), hosts=[roastery])
    past = make_event(title="Vorbei", format="talk", start=local(2020, 3, 5, 16))

    everything = parse(client.get("/events/calendar.ics"))
    assert sorted(v.summary.value for v in everything.vevent_list) == ["Verkostung", "Vortrag"]
    again = parse(client.get("/events/calendar.ics", HTTP_ACCEPT_LANGUAGE="ar"))
    assert sorted(v.uid.value for v in everything.vevent_list) == sorted(v.uid.value for v in again.vevent_list)

    assert [v.summary.value for v in parse(client.get("/events/format/talk.ics")).vevent_list] == ["Vortrag"]
    producer_feed = parse(client.get("/events/producer/roesterei-kortum.ics"))
    assert [v.uid.value for v in producer_feed.vevent_list] == [tasting.uid()]
    assert client.get("/events/format/nonsense.ics").status_code == 404
    assert client.get("/events/producer/nobody.ics").status_code == 404
    assert talk.uid() != past.uid()


def test_a_members_feed_shows_a_cancelled_date_at_once(client, make_event, admin_user):
    weekly = make_event(title="Werkstattabend", start=local(2031, 3, 4, 19), repeat=EventPage.FREQ_WEEKLY)
    client.force_login(admin_user)
    assert "exdate" not in parse(client.get("/events/calendar.ics")).vevent.contents
    EventException.objects.create(event=weekly, original_date=local(2031, 3, 11).date(), kind=EventException.CANCELLED)
    cancelled = parse(client.get("/events/calendar.ics")).vevent.exdate.value
    assert [value.astimezone(BERLIN).date() for value in cancelled] == [local(2031, 3, 11).date()]


def test_line_breaks_and_control_characters_in_texts_cannot_break_or_inject_lines(client, make_event, make_producer):
    """A CR/LF in a title answered 500 in the per-event feed (X-WR-CALNAME went out unescaped)."""
    host = make_producer("geigenbau-zeile", "Geigen\rbau\r\nX-INJECTED:1")
    event = make_event(title="Werkstatt\r\nX-INJECTED:1\rEND:VCALENDAR\x1b", start=local(2031, 3, 4, 19), hosts=[host],
                       venue_name="Hof\r\nLOCATION:anders", venue_address="Brückstraße 1\r\n44787 Bochum",
                       description="<p>Erste Zeile\r\nATTACH:x\x07</p>")
    for url in (f"/events/{event.pk}.ics", "/events/producer/geigenbau-zeile.ics", "/events/calendar.ics"):
        response = client.get(url)
        body = response.content
        # Every line ends in CRLF; no bare CR or LF, no other control character, no injected property.
        assert b"\r" not in body.replace(b"\r\n", b"") and b"\n" not in body.replace(b"\r\n", b""), url
        assert not any(byte < 32 and byte not in (9, 10, 13) for byte in body), url
        lines = body.decode().replace("\r\n ", "").split("\r\n")
        assert not any(line.startswith(("X-INJECTED", "END:VCALENDAR\\", "LOCATION:anders", "ATTACH")) for line in lines), url
        calendar = parse(response)
        assert calendar.vevent.summary.value == "Werkstatt\nX-INJECTED:1\nEND:VCALENDAR"
        assert calendar.vevent.location.value == "Hof\nLOCATION:anders, Brückstraße 1, 44787 Bochum"
    assert parse(client.get(f"/events/{event.pk}.ics")).x_wr_calname.value == "Werkstatt\nX-INJECTED:1\nEND:VCALENDAR"
    feed = parse(client.get("/events/producer/geigenbau-zeile.ics"))
    assert feed.x_wr_calname.value == "Made by Bochum: Geigen\nbau\nX-INJECTED:1"
