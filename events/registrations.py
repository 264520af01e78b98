"""Registrations: one function per state change (register, confirm, cancel, promote, release_expired),
each recording when.

Capacity holds under concurrency: every change that counts seats first locks the event's row with
SELECT … FOR UPDATE inside a transaction, so two requests for the last seat queue up and the second
sees the first's seat taken."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import EventPage, Registration

log = logging.getLogger(__name__)


class RegistrationError(Exception):
    """A registration that cannot be made; the message is shown to the visitor as it is."""


def can_see_participants(user, event):
    """Participants' names and addresses are for admins (superusers) and the members of a producer
    hosting the event: on the site and in every admin view (see visible_registrations)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or event.hosts.filter(members=user).exists()


def visible_registrations(user):
    """The registrations `user` may see, by the rule of can_see_participants."""
    if not (user.is_authenticated and user.is_active):
        return Registration.objects.none()
    if user.is_superuser:
        return Registration.objects.all()
    return Registration.objects.filter(event__in=EventPage.objects.filter(hosts__members=user).values("pk"))


def holding(now=None):
    """Registrations whose seats count against capacity: confirmed ones and holds not yet lapsed,
    whether or not release_expired() has run."""
    now = now or timezone.now()
    held = Q(status=Registration.PENDING, for_waiting_list=False, hold_expires_at__gt=now)
    return Registration.objects.filter(Q(status=Registration.CONFIRMED) | held)


def lapsed(now=None):
    return Registration.objects.filter(status=Registration.PENDING, hold_expires_at__lte=now or timezone.now())


def seats_taken(event, occurrence_start):
    taken = holding().filter(event=event, occurrence_start=occurrence_start).aggregate(total=Sum("seats"))["total"]
    return taken or 0


def seats_left(event, occurrence_start):
    if not event.capacity:
        return None
    return max(event.capacity - seats_taken(event, occurrence_start), 0)


def _lock(event):
    # of=("self",) locks only the event's own row, not Wagtail's page row shared with the page tree.
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def register(event, occurrence, name, email, seats, language="de", waiting_ok=False):
    """Hold `seats` for one date until the address is confirmed (confirm()), or, full and `waiting_ok`,
    ask for a place on the waiting list. Sends the one e-mail with the confirmation link. Returns the
    PENDING Registration."""
    if not event.registration_required:
        raise RegistrationError(_("This event needs no registration: just come along."))
    if occurrence.cancelled:
        raise RegistrationError(_("This date has been cancelled."))
    if occurrence.end <= timezone.now():
        raise RegistrationError(_("This date is over."))
    email = email.strip().lower()
    with transaction.atomic():
        event = _lock(event)
        # Seats freed by lapsed holds go to the waiting list first, not to whoever registers next.
        promoted = promote(event, occurrence.planned_start)
        now = timezone.now()
        duplicate = Registration.objects.filter(
            event=event, occurrence_start=occurrence.planned_start, email=email
        ).exclude(status=Registration.CANCELLED).exclude(pk__in=lapsed(now).values("pk"))
        if duplicate.exists():
            raise RegistrationError(
                _("This email address is already registered for this date. Check your inbox for the confirmation with its cancel link.")
            )
        left = seats_left(event, occurrence.planned_start)
        if left is None or seats <= left:
            for_waiting_list = False
        elif event.waiting_list and waiting_ok:
            for_waiting_list = True
        elif event.waiting_list:
            raise RegistrationError(
                _("Not enough seats left (%(left)s). You can join the waiting list instead.") % {"left": left}
            )
        else:
            raise RegistrationError(_("Not enough seats left (%(left)s).") % {"left": left})
        registration = Registration.objects.create(
            event=event,
            occurrence_start=occurrence.planned_start,
            occurrence_end=occurrence.end,
            name=name.strip(),
            email=email,
            seats=seats,
            status=Registration.PENDING,
            for_waiting_list=for_waiting_list,
            hold_expires_at=now + timedelta(minutes=settings.EVENTS_CONFIRM_MINUTES),
            language=language,
        )
    for moved_up in promoted:
        _mail(moved_up, "promoted")
    _mail(registration, "confirm")
    return registration


def confirm(registration):
    """The visitor clicked the link in their e-mail: the hold becomes a seat, or a place on the waiting
    list (where it may move up at once). Confirming twice is harmless; a lapsed hold stays PENDING
    (is_lapsed) and holds nothing. Returns the Registration as it now is."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.PENDING or is_lapsed(registration):
            return registration
        if registration.for_waiting_list:
            registration.status = Registration.WAITING
            registration.save(update_fields=["status"])
            promoted = promote(event, registration.occurrence_start)
        else:
            registration.status = Registration.CONFIRMED
            registration.confirmed_at = timezone.now()
            registration.save(update_fields=["status", "confirmed_at"])
            promoted = []
    for moved_up in promoted:
        if moved_up.pk == registration.pk:
            registration = moved_up  # the confirmation page tells them; no second e-mail
        else:
            _mail(moved_up, "promoted")
    return registration


def is_lapsed(registration, now=None):
    return registration.status == Registration.PENDING and registration.hold_expires_at <= (now or timezone.now())


def cancel(registration):
    """Give the seats back and move up whoever on the waiting list now fits. Cancelling twice is harmless."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.CANCELLED:
            return registration, []
        registration.status = Registration.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote(event, registration.occurrence_start)
    for moved_up in promoted:
        _mail(moved_up, "promoted")
    return registration, promoted


def promote(event, occurrence_start):
    """Confirm waiting registrations in the order they came, as long as they fit.

    Call inside the transaction that locked the event; the caller mails those moved up once committed."""
    promoted = []
    left = seats_left(event, occurrence_start)
    if left == 0:
        return promoted
    waiting = Registration.objects.select_for_update().filter(
        event=event, occurrence_start=occurrence_start, status=Registration.WAITING
    )
    for registration in waiting.order_by("created_at", "pk"):
        if left is not None and registration.seats > left:
            continue
        now = timezone.now()
        registration.status = Registration.CONFIRMED
        registration.confirmed_at = registration.promoted_at = now
        registration.save(update_fields=["status", "confirmed_at", "promoted_at"])
        promoted.append(registration)
        if left is not None:
            left -= registration.seats
    return promoted


def release_expired(now=None):
    """Delete lapsed holds (they already count for nothing) and give their dates' free seats to the
    waiting list. Returns how many were deleted."""
    now = now or timezone.now()
    dates = set(lapsed(now).values_list("event_id", "occurrence_start"))
    deleted = 0
    for event_id, occurrence_start in dates:
        with transaction.atomic():
            event = _lock(EventPage(pk=event_id))
            deleted += lapsed(now).filter(event=event, occurrence_start=occurrence_start).delete()[0]
            promoted = promote(event, occurrence_start)
        for moved_up in promoted:
            _mail(moved_up, "promoted")
    return deleted


def link(registration, name):
    """The absolute URL of events:<name> (confirm, cancel) for this registration, in its language."""
    with translation.override(registration.language):
        path = reverse(f"events:{name}", args=[registration.token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail(registration, kind):
    """Tell the visitor; a failing mail server must not undo the registration, so it is only logged."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "confirm_url": link(registration, "confirm"),
            "cancel_url": link(registration, "cancel"),
            "minutes": settings.EVENTS_CONFIRM_MINUTES,
        }
        subject = {
            "confirm": _("Please confirm your registration: %(title)s"),
            "promoted": _("A seat has become free: %(title)s"),
        }[kind] % {"title": registration.event.title}
        body = render_to_string(f"events/email/{kind}.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:
        log.exception("Could not send the %s mail for registration %s", kind, registration.pk)
