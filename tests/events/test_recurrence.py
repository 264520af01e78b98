"""Recurring events expand in Bochum's local time, with cancelled and moved dates shown as such."""

from datetime import timedelta

from events.models import BERLIN, EventException, EventPage
from events.recurrence import occurrences

from .conftest import local


def test_first_friday_stays_at_19_00_across_both_daylight_saving_switches(make_event):
    event = make_event(start=local(2026, 10, 2, 19), end=local(2026, 10, 2, 22), repeat=EventPage.FREQ_MONTHLY,
                       repeat_weekday=4, repeat_week_of_month=1)
    found = occurrences(event, local(2026, 10, 1), local(2027, 5, 1))
    assert [o.start.date().isoformat() for o in found] == [
        "2026-10-02", "2026-11-06", "2026-12-04", "2027-01-01", "2027-02-05", "2027-03-05", "2027-04-02",
    ]
    assert {o.start.astimezone(BERLIN).strftime("%H:%M") for o in found} == {"19:00"}
    # The wall clock stays, the UTC offset moves: summer time in October and April, winter in between.
    offsets = [o.start.utcoffset() for o in found]
    assert offsets[0] == offsets[-1] == timedelta(hours=2)
    assert offsets[1] == offsets[5] == timedelta(hours=1)
    assert all(o.end - o.start == timedelta(hours=3) for o in found)


def test_weekly_workshop_keeps_its_time_over_the_spring_switch(make_event):
    event = make_event(start=local(2027, 3, 17, 17), end=local(2027, 3, 17, 19), repeat=EventPage.FREQ_WEEKLY)
    found = occurrences(event, local(2027, 3, 1), local(2027, 4, 10))
    assert [o.start.day for o in found] == [17, 24, 31, 7]
    assert {o.start.hour for o in found} == {17}


def test_cancelled_and_moved_dates_are_kept_and_marked(make_event):
    event = make_event(start=local(2026, 10, 2, 19), end=local(2026, 10, 2, 22), repeat=EventPage.FREQ_MONTHLY,
                       repeat_weekday=4, repeat_week_of_month=1)
    EventException.objects.create(event=event, original_date=local(2026, 11, 6).date(), kind=EventException.CANCELLED, note="Umbau")
    EventException.objects.create(event=event, original_date=local(2026, 12, 4).date(), kind=EventException.MOVED,
                                  new_starts_at=local(2026, 12, 11, 18))
    found = occurrences(event, local(2026, 10, 1), local(2027, 1, 31))
    by_plan = {o.planned_start.date().isoformat(): o for o in found}
    assert by_plan["2026-11-06"].cancelled and by_plan["2026-11-06"].note == "Umbau"
    moved = by_plan["2026-12-04"]
    assert moved.moved and moved.start == local(2026, 12, 11, 18) and moved.end == local(2026, 12, 11, 21)
    assert not by_plan["2027-01-01"].cancelled


def test_repeat_until_ends_the_series(make_event):
    event = make_event(start=local(2026, 1, 7, 17), repeat=EventPage.FREQ_WEEKLY, repeat_until=local(2026, 1, 21).date())
    assert len(occurrences(event, local(2026, 1, 1), local(2026, 12, 31))) == 3
