"""Registrations: one function per state change (register, cancel, promote), each recording when.

Capacity holds under concurrency: every change that counts seats first locks the event's row with
SELECT … FOR UPDATE inside a transaction, so two requests for the last seat queue up and the second
sees the first's seat taken."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Sum
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


def seats_taken(event, occurrence_start):
    taken = Registration.objects.filter(
        event=event, occurrence_start=occurrence_start, status=Registration.CONFIRMED
    ).aggregate(total=Sum("seats"))["total"]
    return taken or 0


def seats_left(event, occurrence_start):
    if not event.capacity:
        return None
    return max(event.capacity - seats_taken(event, occurrence_start), 0)


def _lock(event):
    # of=("self",) locks only the event's own row, not Wagtail's page row shared with the page tree.
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def register(event, occurrence, name, email, seats, language="de", waiting_ok=False):
    """Book `seats` for one date. Full and `waiting_ok`: put on the waiting list. Returns the Registration."""
    if not event.registration_required:
        raise RegistrationError(_("This event needs no registration: just come along."))
    if occurrence.cancelled:
        raise RegistrationError(_("This date has been cancelled."))
    if occurrence.end <= timezone.now():
        raise RegistrationError(_("This date is over."))
    email = email.strip().lower()
    with transaction.atomic():
        event = _lock(event)
        duplicate = Registration.objects.filter(
            event=event, occurrence_start=occurrence.planned_start, email=email
        ).exclude(status=Registration.CANCELLED)
        if duplicate.exists():
            raise RegistrationError(
                _("This email address is already registered for this date. Check your inbox for the confirmation with its cancel link.")
            )
        left = seats_left(event, occurrence.planned_start)
        now = timezone.now()
        if left is None or seats <= left:
            status, confirmed_at = Registration.CONFIRMED, now
        elif event.waiting_list and waiting_ok:
            status, confirmed_at = Registration.WAITING, None
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
            status=status,
            confirmed_at=confirmed_at,
            language=language,
        )
    _mail(registration, "registered")
    return registration


def cancel(registration):
    """Give the seats back and move up whoever on the waiting list now fits. Cancelling twice is harmless."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.CANCELLED:
            return registration, []
        was_confirmed = registration.status == Registration.CONFIRMED
        registration.status = Registration.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote(event, registration.occurrence_start) if was_confirmed else []
    for moved_up in promoted:
        _mail(moved_up, "promoted")
    return registration, promoted


def promote(event, occurrence_start):
    """Confirm waiting registrations in the order they came, as long as they fit.

    Call inside the transaction that locked the event; the caller mails those moved up once committed."""
    promoted = []
    left = seats_left(event, occurrence_start)
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


def cancel_url(registration):
    with translation.override(registration.language):
        path = reverse("events:cancel", args=[registration.token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail(registration, kind):
    """Tell the visitor; a failing mail server must not undo the registration, so it is only logged."""
    with translation.override(registration.language):
        context = {"registration": registration, "event": registration.event, "cancel_url": cancel_url(registration)}
        subject = {
            "registered": _("Your registration: %(title)s"),
            "promoted": _("A seat has become free: %(title)s"),
        }[kind] % {"title": registration.event.title}
        body = render_to_string(f"events/email/{kind}.txt", context)
    try:
        send_mail(subject, body, None, [registration.email])
    except Exception:
        log.exception("Could not send the %s mail for registration %s", kind, registration.pk)
