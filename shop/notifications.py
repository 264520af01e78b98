"""Emails about orders, sent as background tasks after the change is committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


def _send(template, context, to, language):
    with translation.override(language):
        subject = render_to_string(f"shop/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"shop/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


@task
def order_paid(order_id):
    """Confirmation to the buyer, and to each producer the part they fulfil."""
    from .models import Order

    order = Order.objects.get(pk=order_id)
    parts = list(order.parts.prefetch_related("lines"))
    _send("order_paid_buyer", {"order": order, "parts": parts}, [order.email], order.language)
    for part in parts:
        emails = [user.email for user in part.producer.members.all() if user.email]
        if emails:
            _send("order_paid_producer", {"order": order, "part": part}, emails, settings.LANGUAGE_CODE)


@task
def part_status(part_id):
    from .models import OrderPart

    part = OrderPart.objects.select_related("order").get(pk=part_id)
    _send("part_status", {"order": part.order, "part": part}, [part.order.email], part.order.language)
