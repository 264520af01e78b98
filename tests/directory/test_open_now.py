"""Open now is judged in Bochum's local time, across DST changes and closure days."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from directory.filters import is_open, open_at, visible_producers
from directory.models import Closure

UTC = ZoneInfo("UTC")


def test_open_now_follows_local_time_across_the_spring_dst_change(make_producer):
    # Open Saturdays and Sundays 10:00-11:00 local time. 2026-03-29 (Sunday) clocks go from CET to CEST.
    shop = make_producer("Sonntagsladen", hours=[(5, time(10), time(11)), (6, time(10), time(11))])
    # Saturday 09:30 UTC = 10:30 CET: open. Sunday 09:30 UTC = 11:30 CEST: closed; 08:30 UTC = 10:30 CEST: open.
    assert is_open(shop, datetime(2026, 3, 28, 9, 30, tzinfo=UTC))
    assert not is_open(shop, datetime(2026, 3, 29, 9, 30, tzinfo=UTC))
    assert is_open(shop, datetime(2026, 3, 29, 8, 30, tzinfo=UTC))
    assert list(open_at(visible_producers(), datetime(2026, 3, 29, 8, 30, tzinfo=UTC))) == [shop]
    assert list(open_at(visible_producers(), datetime(2026, 3, 29, 9, 30, tzinfo=UTC))) == []


def test_open_now_across_the_autumn_dst_change(make_producer):
    # 2026-10-25 (Sunday) clocks go back: 09:30 UTC is 10:30 CET on Sunday, 11:30 CEST on Saturday.
    shop = make_producer("Herbstladen", hours=[(5, time(10), time(11)), (6, time(10), time(11))])
    assert not is_open(shop, datetime(2026, 10, 24, 9, 30, tzinfo=UTC))
    assert is_open(shop, datetime(2026, 10, 25, 9, 30, tzinfo=UTC))


def test_a_closure_day_overrides_opening_hours(make_producer):
    shop = make_producer("Bäckerei", hours=[(day, time(6), time(18)) for day in range(7)])
    christmas = datetime(2026, 12, 25, 10, 0, tzinfo=UTC)
    assert is_open(shop, christmas)
    Closure.objects.create(producer=shop, start_date=date(2026, 12, 24), end_date=date(2026, 12, 26), note="Weihnachten")
    assert not is_open(shop, christmas)
    assert list(open_at(visible_producers(), christmas)) == []
    assert is_open(shop, datetime(2026, 12, 27, 10, 0, tzinfo=UTC))


def test_the_end_of_an_interval_is_closed(make_producer):
    shop = make_producer("Mittagspause", hours=[(0, time(9), time(12)), (0, time(14), time(18))])
    monday = lambda h, m: datetime(2026, 6, 1, h, m, tzinfo=ZoneInfo("Europe/Berlin"))  # noqa: E731
    assert is_open(shop, monday(11, 59))
    assert not is_open(shop, monday(12, 0))
    assert not is_open(shop, monday(13, 0))
    assert is_open(shop, monday(14, 0))


def test_next_opening_skips_closures_and_reads_local_time(make_producer):
    from directory.filters import next_opening

    berlin = ZoneInfo("Europe/Berlin")
    # Tuesdays and Fridays 09:00-12:00 and 14:00-18:00.
    shop = make_producer("Töpferei", hours=[(1, time(9), time(12)), (1, time(14), time(18)), (4, time(9), time(12))])
    tuesday_lunch = datetime(2026, 12, 1, 12, 30, tzinfo=berlin)
    assert next_opening(shop, tuesday_lunch) == datetime(2026, 12, 1, 14, 0, tzinfo=berlin)
    assert next_opening(shop, datetime(2026, 12, 1, 18, 0, tzinfo=berlin)) == datetime(2026, 12, 4, 9, 0, tzinfo=berlin)
    Closure.objects.create(producer=shop, start_date=date(2026, 12, 4), end_date=date(2026, 12, 10))
    assert next_opening(shop, datetime(2026, 12, 1, 18, 0, tzinfo=berlin)) == datetime(2026, 12, 11, 9, 0, tzinfo=berlin)
    assert next_opening(make_producer("Ohne Zeiten"), tuesday_lunch) is None


def test_a_closed_profile_says_when_it_opens(client, make_producer):
    from django.utils import timezone

    in_three_days = timezone.localdate() + timedelta(days=3)
    shop = make_producer("Weberei", hours=[(in_three_days.weekday(), time(9, 30), time(12))])
    weekday = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][in_three_days.weekday()]
    page = client.get(shop.url).content.decode()
    assert f"Geschlossen, öffnet {weekday} um 09:30" in page
    assert "Jetzt geöffnet" not in page
