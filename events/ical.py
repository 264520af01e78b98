"""iCalendar feeds (RFC 5545), written with `icalendar`.

Each event is one VEVENT with a stable UID; a recurring event carries its RRULE, cancelled dates as
EXDATE and each moved date as an extra VEVENT with the same UID and a RECURRENCE-ID. Times are given
in Europe/Berlin with a VTIMEZONE, so calendar apps keep 19:00 at 19:00 across daylight saving."""

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur, vText

from .models import BERLIN, EventException, EventPage
from .recurrence import local_naive

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Control characters other than tab and line feed: RFC 5545 allows none in a TEXT value.
CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), 127])


def text(value):
    """Every text the feeds carry (titles, places, descriptions, calendar names) goes through here:
    line breaks become the escaped \\n of RFC 5545 (a raw one would end the line and start another
    property), other control characters are dropped. icalendar escapes its known TEXT properties but
    writes an X- property such as X-WR-CALNAME as it is."""
    return vText(value.replace("\r\n", "\n").replace("\r", "\n").translate(CONTROL))


def recurrence_rule(event):
    rule = {"FREQ": event.repeat.upper(), "INTERVAL": max(event.repeat_interval or 1, 1)}
    start = local_naive(event.starts_at)
    if event.repeat == EventPage.FREQ_WEEKLY:
        weekday = event.repeat_weekday if event.repeat_weekday is not None else start.weekday()
        rule["BYDAY"] = WEEKDAY_CODES[weekday]
    elif event.repeat_weekday is not None and event.repeat_week_of_month is not None:
        rule["BYDAY"] = f"{event.repeat_week_of_month}{WEEKDAY_CODES[event.repeat_weekday]}"
    else:
        rule["BYMONTHDAY"] = start.day
    if event.repeat_until:
        # UNTIL must be UTC when DTSTART has a time zone (RFC 5545 3.3.10).
        rule["UNTIL"] = datetime.combine(event.repeat_until, time(23, 59, 59), BERLIN).astimezone(UTC)
    return vRecur(rule)


def location(event):
    if event.venue_kind == EventPage.VENUE_PRODUCER and event.venue_producer:
        return event.venue_producer.title
    parts = [event.venue_name, ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())]
    return ", ".join(part for part in parts if part) or "Showroom Made by Bochum"


def vevents(event, base_url):
    start = event.starts_at.astimezone(BERLIN)
    end = event.ends_at.astimezone(BERLIN)
    main = Event()
    main.add("uid", event.uid())
    main.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    main.add("summary", text(event.title))
    main.add("dtstart", start)
    main.add("dtend", end)
    main.add("location", text(location(event)))
    main.add("url", base_url + event.url)
    main.add("categories", [text(event.get_format_display())])
    description = strip_tags(event.description).strip()
    if description:
        main.add("description", text(description))
    if event.latitude is not None and event.longitude is not None:
        main.add("geo", (float(event.latitude), float(event.longitude)))
    components = [main]
    if not event.repeat:
        return components
    main.add("rrule", recurrence_rule(event))
    duration = end - start
    for exception in event.exceptions.all():
        planned = datetime.combine(exception.original_date, start.time(), BERLIN)
        if exception.kind == EventException.CANCELLED:
            main.add("exdate", planned)
        elif exception.new_starts_at:
            moved = Event()
            moved.add("uid", event.uid())
            moved.add("dtstamp", main["dtstamp"].dt)
            moved.add("recurrence-id", planned)
            moved.add("summary", text(event.title))
            moved.add("dtstart", exception.new_starts_at.astimezone(BERLIN))
            moved.add("dtend", (exception.new_ends_at or exception.new_starts_at + duration).astimezone(BERLIN))
            moved.add("location", text(location(event)))
            components.append(moved)
    return components


def berlin_vtimezone():
    """Europe/Berlin as yearly rules (the EU switch: last Sunday of March and October).

    Rules rather than a list of dates, because several readers (vobject among them) ignore RDATE in a
    VTIMEZONE and would put summer dates an hour off."""
    zone = Timezone()
    zone.add("tzid", "Europe/Berlin")
    zone.add("x-lic-location", "Europe/Berlin")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def feed(events, name, base_url):
    cal = Calendar()
    cal.add("prodid", "-//Made by Bochum//Showroom calendar//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", text(name))
    cal.add("x-wr-timezone", "Europe/Berlin")
    cal.add_component(berlin_vtimezone())
    for event in events:
        for component in vevents(event, base_url):
            cal.add_component(component)
    return cal.to_ical()
