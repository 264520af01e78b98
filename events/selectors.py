"""Read-only questions other apps ask the events app.

Contract used by the directory profile and the home page:
- upcoming_for_producer(producer, limit=5): the next occurrences of events this producer hosts.
- exhibitions_now(producer=None): who exhibits in the showroom now (optionally only this producer).
Templates: events/includes/producer_events.html (context: producer_events, producer_exhibitions)
and events/includes/showroom_now.html (context: exhibitions).
"""

from datetime import timedelta

from django.utils import timezone

from directory.filters import visible_producers

from .calendar import expand, live_events, with_pages
from .models import BERLIN, Exhibition


def upcoming_for_producer(producer, limit=5):
    """Occurrences (see events.recurrence.Occurrence) of events the producer hosts or holds at their place."""
    now = timezone.now()
    found = expand(live_events(producer=producer), now, now + timedelta(days=180))
    return with_pages([occurrence for occurrence in found if not occurrence.cancelled][:limit])


def exhibitions_now(producer=None):
    today = timezone.now().astimezone(BERLIN).date()
    exhibitions = Exhibition.objects.filter(starts_on__lte=today, ends_on__gte=today).select_related("producer")
    if producer is not None:
        exhibitions = exhibitions.filter(producer=producer)
    return list(exhibitions.filter(producer__in=visible_producers()).order_by("starts_on", "pk"))
