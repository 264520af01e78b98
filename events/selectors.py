"""Read-only questions other apps ask the events app.

Contract used by the directory profile and the home page:
- upcoming_for_producer(producer, limit=5): the next occurrences of events this producer hosts.
- exhibitions_now(producer=None): who exhibits in the showroom now (optionally only this producer).
Templates: events/includes/producer_events.html (context: producer_events, producer_exhibitions)
and events/includes/showroom_now.html (context: exhibitions). Filled in by the events app.
"""


def upcoming_for_producer(producer, limit=5):
    return []


def exhibitions_now(producer=None):
    return []
