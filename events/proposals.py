"""Members' event proposals: an admin's approval publishes them as event pages. Each records who and when."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from .models import EventIndexPage, EventPage, EventProposal


def may_review(user):
    """Admins and whoever holds the permission to change proposals decide on them."""
    return user.is_superuser or user.has_perm("events.change_eventproposal")


def propose(producer, user, **fields):
    return EventProposal.objects.create(producer=producer, proposed_by=user, **fields)


def approve(proposal, admin):
    """Create and publish the event page. Approving twice returns the same page."""
    with transaction.atomic():
        proposal = EventProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status == EventProposal.APPROVED and proposal.event:
            return proposal.event
        index = EventIndexPage.objects.first()
        base_slug = slugify(proposal.title)[:40] or "event"
        slug = f"{base_slug}-{proposal.starts_at:%Y%m%d}-{proposal.pk}"
        event = EventPage(
            slug=slug,
            title=proposal.title,
            title_de=proposal.title,
            description=f"<p>{escape(proposal.description)}</p>",
            description_de=f"<p>{escape(proposal.description)}</p>",
            format=proposal.format,
            starts_at=proposal.starts_at,
            ends_at=proposal.ends_at,
            venue_kind=EventPage.VENUE_PRODUCER if proposal.at_producer else EventPage.VENUE_SHOWROOM,
            venue_producer=proposal.producer if proposal.at_producer else None,
        )
        index.add_child(instance=event)
        event.hosts.add(proposal.producer)
        event.save_revision(user=admin).publish(user=admin)
        proposal.status = EventProposal.APPROVED
        proposal.event = event
        proposal.decided_by = admin
        proposal.decided_at = timezone.now()
        proposal.save()
    return event


def reject(proposal, admin):
    proposal.status = EventProposal.REJECTED
    proposal.decided_by = admin
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    return proposal
