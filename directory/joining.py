"""Joining the association: a public request, then an admin's decision, recorded with who and when."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import JoinRequest, ProducerIndexPage, ProducerPage


class AlreadyDecided(Exception):
    pass


def unique_username(email):
    User = get_user_model()
    base = slugify(email.split("@")[0]) or "mitglied"
    name, number = base, 1
    while User.objects.filter(username=name).exists():
        number += 1
        name = f"{base}-{number}"
    return name


def unique_slug(index, name):
    base = slugify(name) or "produzent"
    slug, number = base, 1
    while index.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def accept(join_request, by, site_url):
    """Create the member's account (no password yet: they set one by the emailed link) and an empty,
    unpublished profile they can fill in."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.PENDING:
        raise AlreadyDecided
    User = get_user_model()
    user = User(username=unique_username(join_request.email), email=join_request.email, first_name=join_request.contact_name[:150])
    user.set_unusable_password()
    user.save()
    index = ProducerIndexPage.objects.get()
    producer = ProducerPage(
        slug=unique_slug(index, join_request.business_name),
        title=join_request.business_name,
        title_de=join_request.business_name,
        phone=join_request.phone,
        email=join_request.email,
        live=False,
    )
    index.add_child(instance=producer)
    producer.save_revision(user=by)
    producer.members.add(user)
    join_request.status = JoinRequest.ACCEPTED
    join_request.decided_at = timezone.now()
    join_request.decided_by = by
    join_request.producer = producer
    join_request.save()
    token = default_token_generator.make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = site_url + reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    with translation.override(join_request.language):
        transaction.on_commit(
            lambda subject=_("Welcome to Made by Bochum"), body=_(
                "Your request has been accepted. Your login name is %(username)s. Set your password here, then fill in your profile: %(link)s"
            ) % {"username": user.username, "link": link}: send_mail(subject, body, None, [user.email], fail_silently=True)
        )
    return producer


@transaction.atomic
def decline(join_request, by):
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.PENDING:
        raise AlreadyDecided
    join_request.status = JoinRequest.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = by
    join_request.save()
    return join_request
