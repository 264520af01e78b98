"""State changes of a producer profile, each recording who did it and when."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log


@transaction.atomic
def withdraw(producer, by):
    """Take a profile off the site for good without deleting it: revisions and history stay."""
    producer.withdrawn_at = timezone.now()
    producer.withdrawn_by = by
    producer.save(update_fields=["withdrawn_at", "withdrawn_by"], clean=False)
    if producer.live:
        producer.unpublish(user=by, log_action="wagtail.unpublish")
    log(instance=producer, action="directory.withdraw", user=by)
    return producer


@transaction.atomic
def restore(producer, by):
    """Undo a withdrawal. The profile stays unpublished until someone publishes it again, so nothing
    reappears on the site by accident."""
    producer.withdrawn_at = None
    producer.withdrawn_by = None
    producer.save(update_fields=["withdrawn_at", "withdrawn_by"], clean=False)
    log(instance=producer, action="directory.restore", user=by)
    return producer
