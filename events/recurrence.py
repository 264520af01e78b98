"""Expanding an event into its dates, in Bochum's local time.

The rule runs on naive local times and each date is then placed in Europe/Berlin, so a 19:00 event
stays at 19:00 on both sides of the daylight-saving switch (the UTC offset changes, the wall clock
does not)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from dateutil import rrule

from .models import BERLIN, EventException, EventPage

WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
# Without an end date, a recurring event is expanded this far ahead (feeds carry the RRULE itself).
HORIZON = timedelta(days=400)
# Dates asked for in a URL (an event's date, a calendar month) more than this many years away are ignored.
FAR_YEARS = 10


@dataclass(frozen=True)
class Occurrence:
    event: EventPage
    start: datetime
    end: datetime
    planned_start: datetime  # the date the rule gives; differs from start when moved
    status: str = "scheduled"  # or EventException.CANCELLED / EventException.MOVED
    note: str = ""

    @property
    def cancelled(self):
        return self.status == EventException.CANCELLED

    @property
    def moved(self):
        return self.status == EventException.MOVED

    @property
    def key(self):
        """Identifies the date in URLs: the planned local start, e.g. 2026-03-06T19:00."""
        return self.planned_start.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M")


def local_naive(value):
    return value.astimezone(BERLIN).replace(tzinfo=None)


def build_rule(event):
    """The dateutil rule for a recurring event (naive local times), or None for a one-off."""
    if not event.repeat:
        return None
    start = local_naive(event.starts_at)
    until = datetime.combine(event.repeat_until, time.max) if event.repeat_until else None
    kwargs = {"dtstart": start, "interval": max(event.repeat_interval or 1, 1), "until": until}
    if event.repeat == EventPage.FREQ_WEEKLY:
        weekday = event.repeat_weekday if event.repeat_weekday is not None else start.weekday()
        return rrule.rrule(rrule.WEEKLY, byweekday=WEEKDAYS[weekday], **kwargs)
    if event.repeat_weekday is not None and event.repeat_week_of_month is not None:
        return rrule.rrule(rrule.MONTHLY, byweekday=WEEKDAYS[event.repeat_weekday](event.repeat_week_of_month), **kwargs)
    return rrule.rrule(rrule.MONTHLY, bymonthday=start.day, **kwargs)


def occurrences(event, after, before, exceptions=None):
    """The event's dates that overlap [after, before), cancelled and moved ones included and marked.

    `exceptions` may be passed in when they were prefetched for many events at once."""
    duration = event.ends_at - event.starts_at
    rule = build_rule(event)
    if rule is None:
        planned = [local_naive(event.starts_at)]
    else:
        # Look back by the duration so a date that started before `after` but still runs is kept;
        # moved dates can land anywhere, so widen the window by a month on each side.
        slack = duration + timedelta(days=31)
        planned = rule.between(local_naive(after) - slack, local_naive(before) + slack, inc=True)
    if exceptions is None:
        exceptions = list(event.exceptions.all())
    by_date = {exception.original_date: exception for exception in exceptions}
    result = []
    for naive in planned:
        planned_start = naive.replace(tzinfo=BERLIN)
        start, end = planned_start, planned_start + duration
        exception = by_date.get(naive.date())
        status, note = "scheduled", ""
        if exception:
            status, note = exception.kind, exception.note
            if exception.kind == EventException.MOVED and exception.new_starts_at:
                start = exception.new_starts_at.astimezone(BERLIN)
                end = exception.new_ends_at.astimezone(BERLIN) if exception.new_ends_at else start + duration
        if end > after and start < before:
            result.append(Occurrence(event, start, end, planned_start, status, note))
    return result


def find_occurrence(event, key):
    """The occurrence whose planned local start is `key` (see Occurrence.key), or None."""
    try:
        naive = datetime.strptime(key, "%Y-%m-%dT%H:%M")
    except (TypeError, ValueError):
        return None
    # Keys are links to dates the site has shown. One far off (typed or forged, up to the year 9999) is
    # no date of ours, and expanding a weekly rule that far would take seconds.
    if abs(naive.year - datetime.now().year) > FAR_YEARS:
        return None
    planned = naive.replace(tzinfo=BERLIN)
    for occurrence in occurrences(event, planned - timedelta(days=62), planned + timedelta(days=62)):
        if occurrence.planned_start == planned:
            return occurrence
    return None


def next_occurrences(event, now, count=1):
    # A one-off far ahead is still found; a series is looked at for the horizon.
    before = max(now + HORIZON, event.ends_at + timedelta(minutes=1))
    upcoming = occurrences(event, now, before)
    return sorted(upcoming, key=lambda o: o.start)[:count]


def has_dates_ahead(event, now):
    if not event.repeat:
        return event.ends_at > now
    return event.repeat_until is None or event.repeat_until >= now.astimezone(BERLIN).date()
