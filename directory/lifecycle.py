"""State changes of a producer profile, each recording who did it and when."""

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def withdraw(producer, by):
    """Take a profile off the site for good without deleting it: revisions and history stay."""
    producer.withdrawn_at = timezone.now()
    producer.withdrawn_by = by
    producer.save(update_fields=["withdrawn_at", "withdrawn_by"], clean=False)
    if producer.live:
        producer.unpublish(user=by, log_action="wagtail.unpublish")
    return producer
