"""Claiming a profile: an admin invites someone by email; the emailed one-time link makes them the
profile's member (the same membership a join request's acceptance gives), once, before it expires."""

import hashlib
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .models import ClaimInvitation

UNKNOWN, EXPIRED, USED = "unknown", "expired", "used"


class InvalidInvitation(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class UsernameTaken(Exception):
    pass


class ProfileWithdrawn(Exception):
    pass


class MailNotSent(Exception):
    pass


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def claim_path(token, language):
    with translation.override(language):
        return reverse("directory_claim", args=[token])


@transaction.atomic
def invite(producer, email, by, site_url, language=None):
    """Store the invitation and mail the link; returns (invitation, token). The token exists only in
    the mail (and the return value): the database keeps its hash. MailNotSent stores nothing."""
    if producer.is_withdrawn:
        raise ProfileWithdrawn
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    token = secrets.token_urlsafe(32)
    invitation = ClaimInvitation.objects.create(
        producer=producer,
        email=email,
        language=language,
        token_hash=token_hash(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.DIRECTORY_CLAIM_DAYS),
    )
    link = site_url + claim_path(token, language)
    with translation.override(language):
        subject = _("Your profile at Made by Bochum")
        body = _(
            "You have been invited to look after the profile of %(producer)s at Made by Bochum. "
            "Open this link to set up your access (it works once and until %(date)s): %(link)s"
        ) % {
            "producer": producer.title,
            "date": formats.date_format(timezone.localtime(invitation.expires_at), "SHORT_DATE_FORMAT"),
            "link": link,
        }
    try:
        send_mail(subject, body, None, [email])
    except (OSError, smtplib.SMTPException) as error:
        # Raised inside the transaction: no invitation is stored whose link nobody received.
        raise MailNotSent from error
    return invitation, token


def check(invitation):
    if invitation.used_at is not None:
        raise InvalidInvitation(USED)
    if invitation.expires_at <= timezone.now():
        raise InvalidInvitation(EXPIRED)
    return invitation


def find(token):
    """The open invitation behind a token, or InvalidInvitation saying why not (for showing the page)."""
    invitation = ClaimInvitation.objects.select_related("producer").filter(token_hash=token_hash(token)).first()
    if invitation is None:
        raise InvalidInvitation(UNKNOWN)
    return check(invitation)


@transaction.atomic
def redeem(token, user=None, username=None, password=None):
    """Use the invitation: the given user, or a new account with `username`/`password` and the invited
    address, becomes a member of the producer. The invitation row is locked, so two requests with the
    same link cannot both succeed. Returns (user, producer)."""
    invitation = ClaimInvitation.objects.select_for_update().filter(token_hash=token_hash(token)).first()
    if invitation is None:
        raise InvalidInvitation(UNKNOWN)
    check(invitation)
    if user is None:
        User = get_user_model()
        if User.objects.filter(username__iexact=username).exists():
            raise UsernameTaken
        user = User.objects.create_user(username=username, email=invitation.email, password=password)
    producer = invitation.producer
    # Adding a member gives the page permissions (signals.members_changed -> members.sync_member_access).
    producer.members.add(user)
    invitation.used_at = timezone.now()
    invitation.used_by = user
    invitation.save(update_fields=["used_at", "used_by"])
    return user, producer


def revoke(invitation):
    """An open link stops working at once (it then reads as expired); a used one stays in the history."""
    if invitation.used_at is None and invitation.expires_at > timezone.now():
        invitation.expires_at = timezone.now()
        invitation.save(update_fields=["expires_at"])


def open_invitations(producer):
    return producer.claim_invitations.filter(used_at__isnull=True, expires_at__gt=timezone.now()).select_related("invited_by")
