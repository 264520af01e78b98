"""What the calendar page shows for a query string: filters, list or month view, archive.

Filters live in the URL (?format=workshop&producer=slug&language=tr&view=month&month=2026-12&archive=1)
so they work without JavaScript and can be shared and bookmarked."""

import calendar as pycalendar
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone

from directory.models import ProducerPage

from .models import BERLIN, FORMAT_KEYS, FORMATS, SPOKEN, EventPage, OpenDayPage
from .recurrence import FAR_YEARS, occurrences

LANGUAGE_FLAGS = {"de": "in_german", "en": "in_english", "tr": "in_turkish", "ar": "in_arabic"}
LIST_DAYS = 120
ARCHIVE_DAYS = 730


def live_events(index=None, format=None, producer=None, language=None):
    events = EventPage.objects.live()
    if index is not None:
        events = events.child_of(index)
    if format in FORMAT_KEYS:
        events = events.filter(format=format)
    if producer is not None:
        events = events.filter(Q(hosts=producer) | Q(venue_producer=producer)).distinct()
    if language in LANGUAGE_FLAGS:
        events = events.filter(**{LANGUAGE_FLAGS[language]: True})
    return events.prefetch_related("exceptions", "hosts").select_related("venue_producer")


def expand(events, after, before):
    found = []
    for event in events:
        found.extend(occurrences(event, after, before, exceptions=list(event.exceptions.all())))
    return sorted(found, key=lambda o: (o.start, o.event.title))


def parse_month(value, today):
    try:
        year, month = (int(part) for part in value.split("-"))
        first = date(year, month, 1)
    except (AttributeError, ValueError):
        return today.replace(day=1)
    # Far-off months (up to the year 9999, where no next month exists) would only expand rules for nothing.
    return first if abs(year - today.year) <= FAR_YEARS else today.replace(day=1)


def month_grid(first, found):
    """Weeks of the month (Monday first), each day with its occurrences; days outside are None."""
    by_day = {}
    for occurrence in found:
        by_day.setdefault(occurrence.start.astimezone(BERLIN).date(), []).append(occurrence)
    weeks = []
    for week in pycalendar.Calendar().monthdatescalendar(first.year, first.month):
        weeks.append([(day, by_day.get(day, [])) if day.month == first.month else (None, []) for day in week])
    return weeks


def calendar_context(index, params):
    now = timezone.now()
    today = now.astimezone(BERLIN).date()
    format = params.get("format", "")
    language = params.get("language", "")
    producers = list(ProducerPage.objects.live().order_by("title").only("pk", "title", "slug"))
    producer = next((p for p in producers if p.slug == params.get("producer")), None)
    view = "month" if params.get("view") == "month" else "list"
    archive = params.get("archive") == "1" and view == "list"
    events = live_events(index, format, producer, language)

    filters = {"format": format if format in FORMAT_KEYS else "", "producer": producer.slug if producer else "",
               "language": language if language in LANGUAGE_FLAGS else ""}
    query = {key: value for key, value in filters.items() if value}

    context = {
        "formats": FORMATS,
        "spoken_languages": SPOKEN,
        "producers": producers,
        "filters": filters,
        "view": view,
        "archive": archive,
        "filter_query": urlencode(query),
        "open_days": OpenDayPage.objects.live().child_of(index).order_by("-day") if index else [],
    }
    if view == "month":
        first = parse_month(params.get("month"), today)
        last_day = pycalendar.monthrange(first.year, first.month)[1]
        start = datetime.combine(first, datetime.min.time(), BERLIN)
        end = start + timedelta(days=last_day)
        found = expand(events, start, end)
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = first + timedelta(days=last_day)
        context.update(
            month=first,
            weeks=month_grid(first, found),
            occurrences=found,
            previous_query=urlencode({**query, "view": "month", "month": previous_month.strftime("%Y-%m")}),
            next_query=urlencode({**query, "view": "month", "month": next_month.strftime("%Y-%m")}),
        )
    elif archive:
        found = expand(events, now - timedelta(days=ARCHIVE_DAYS), now)
        context["occurrences"] = [o for o in reversed(found) if o.end <= now]
    else:
        context["occurrences"] = expand(events, now, now + timedelta(days=LIST_DAYS))
    context["month_query"] = urlencode({**query, "view": "month"})
    context["archive_query"] = urlencode({**query, "archive": "1"})
    return context
