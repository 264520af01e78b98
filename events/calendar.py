"""What the calendar page shows for a query string: filters, list or month view, archive.

Filters live in the URL (?format=workshop&producer=slug&language=tr&view=month&month=2026-12&archive=1)
so they work without JavaScript and can be shared and bookmarked."""

import calendar as pycalendar
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from directory.filters import visible_producers
from madebybochum.routing import public_pages

from .models import BERLIN, FORMAT_KEYS, FORMATS, SPOKEN, EventException, EventPage, OpenDayPage
from .recurrence import FAR_YEARS, occurrences

LANGUAGE_FLAGS = {"de": "in_german", "en": "in_english", "tr": "in_turkish", "ar": "in_arabic"}
LIST_DAYS = 120
ARCHIVE_DAYS = 730
# Dates per page in the list and archive: 500 events give ~400 dates in the next 120 days.
LIST_PAGE_SIZE = 30


def live_events(index=None, format=None, producer=None, language=None):
    events = public_pages(EventPage.objects.all())
    if index is not None:
        events = events.child_of(index)
    if format in FORMAT_KEYS:
        events = events.filter(format=format)
    if producer is not None:
        # A subquery, not a join: no DISTINCT over every column (PostgreSQL spent ~20 ms planning that).
        hosted = EventPage.hosts.through.objects.filter(producerpage=producer).values("eventpage_id")
        events = events.filter(Q(pk__in=hosted) | Q(venue_producer=producer))
    if language in LANGUAGE_FLAGS:
        events = events.filter(**{LANGUAGE_FLAGS[language]: True})
    return events.prefetch_related("exceptions").select_related("venue_producer")


def in_window(events, after, before):
    """Events that may have a date in [after, before): not those that ended before or start after it.
    A month of slack on each side, as occurrences() allows moved dates; repeats are checked in Python."""
    slack = timedelta(days=31)
    single = Q(repeat="", ends_at__gt=after - slack)
    repeating = ~Q(repeat="") & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=(after - slack).date()))
    return events.filter(single | repeating, starts_at__lt=before + slack)


# What the recurrence rules read (events.recurrence), plus the German title to order dates that start together.
SCHEDULE_FIELDS = ("pk", "title_de", "starts_at", "ends_at", "repeat", "repeat_interval", "repeat_until",
                   "repeat_weekday", "repeat_week_of_month")


def schedules(events, after, before):
    """(schedule, exceptions) of each event that may have a date in the window: plain rows, because a
    calendar expands hundreds of events and shows a page of them."""
    rows = list(in_window(events.prefetch_related(None), after, before).values(*SCHEDULE_FIELDS))
    exceptions = {}
    for exception in EventException.objects.filter(event_id__in=[row["pk"] for row in rows]):
        exceptions.setdefault(exception.event_id, []).append(exception)
    return [(SimpleNamespace(**row), exceptions.get(row["pk"], [])) for row in rows]


def expand(events, after, before):
    """The dates in [after, before), sorted. Each occurrence's `event` is only its schedule: pass the
    ones to show through with_pages()."""
    found = []
    for schedule, exceptions in schedules(events, after, before):
        found.extend(occurrences(schedule, after, before, exceptions=exceptions))
    return sorted(found, key=lambda o: (o.start, o.event.title_de))


def with_pages(found):
    """The occurrences with their event pages, read in one query for just these."""
    pages = EventPage.objects.select_related("venue_producer").in_bulk({occurrence.event.pk for occurrence in found})
    return [replace(occurrence, event=pages[occurrence.event.pk]) for occurrence in found]


def parse_month(value, today):
    """The month `value` ("2026-12") names, or the current month for anything else."""
    try:
        year, month = (int(part) for part in value.split("-"))
    except (AttributeError, ValueError):
        return today.replace(day=1)
    # Checked before date() is built, which raises OverflowError beyond a C int. Far-off months (up to
    # the year 9999, where no next month exists) would only expand rules for nothing.
    if abs(year - today.year) > FAR_YEARS or not 1 <= month <= 12:
        return today.replace(day=1)
    return date(year, month, 1)


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
    # The filter offers the producers with events in this calendar, not every producer in the directory.
    with_events = live_events(index).prefetch_related(None).select_related(None)
    producers = list(
        visible_producers()
        .filter(Q(pk__in=with_events.values("hosts")) | Q(pk__in=with_events.values("venue_producer")))
        .order_by("title").only("pk", "title", "slug")
    )
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
        "open_days": public_pages(OpenDayPage.objects.child_of(index)).order_by("-day") if index else [],
    }
    if view == "month":
        first = parse_month(params.get("month"), today)
        last_day = pycalendar.monthrange(first.year, first.month)[1]
        start = datetime.combine(first, datetime.min.time(), BERLIN)
        end = start + timedelta(days=last_day)
        found = with_pages(expand(events, start, end))
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = first + timedelta(days=last_day)
        context.update(
            month=first,
            weeks=month_grid(first, found),
            occurrences=found,
            previous_query=urlencode({**query, "view": "month", "month": previous_month.strftime("%Y-%m")}),
            next_query=urlencode({**query, "view": "month", "month": next_month.strftime("%Y-%m")}),
        )
    else:
        if archive:
            found = expand(events, now - timedelta(days=ARCHIVE_DAYS), now)
            found = [o for o in reversed(found) if o.end <= now]
        else:
            found = expand(events, now, now + timedelta(days=LIST_DAYS))
        page_obj = Paginator(found, LIST_PAGE_SIZE).get_page(params.get("page"))
        context.update(
            occurrences=with_pages(page_obj.object_list),
            page_obj=page_obj,
            page_query=urlencode({**query, "archive": "1"} if archive else query),
        )
    context["month_query"] = urlencode({**query, "view": "month"})
    context["archive_query"] = urlencode({**query, "archive": "1"})
    return context
