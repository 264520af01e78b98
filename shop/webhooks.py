"""Stripe webhook: the only place an order becomes paid. Signed, idempotent, amount-checked."""

import json

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from . import orders
from .models import Order, StripeEvent


def _order_for_session(session):
    return Order.objects.filter(stripe_session_id=session.id).first()


def _completed(event):
    session = event.data.object
    order = _order_for_session(session)
    if order is None:
        return
    if session.payment_status != "paid":
        # Delayed payment methods complete later; we do not offer them, so there is nothing to do.
        orders.record(order, "payment_pending", note=event.id)
        return
    orders.mark_paid(order, session.amount_total, session.currency, session.payment_intent, event.id)


def _expired(event):
    order = _order_for_session(event.data.object)
    if order is not None:
        orders.expire(order, "expired")


def _refunded(event):
    charge = event.data.object
    order = Order.objects.filter(stripe_payment_intent=charge.payment_intent).first() if charge.payment_intent else None
    if order is None:
        return
    if charge.refunded and charge.amount_refunded == order.amount_total:
        orders.refunded_by_stripe(order, event.id)
    else:
        orders.record(order, "partial_refund", note=f"{event.id}: {charge.amount_refunded}")


class MalformedEvent(ValueError):
    """A correctly signed event without what its handler reads: retrying it would never help."""


# What each handler reads from data.object, with the types Stripe sends (strings fit our 255-character columns).
FIELDS = {
    "checkout.session.completed": {"id": str, "payment_status": str, "amount_total": int, "currency": str,
                                   "payment_intent": (str, type(None))},
    "checkout.session.expired": {"id": str},
    "charge.refunded": {"payment_intent": (str, type(None)), "refunded": bool, "amount_refunded": int},
}


def _check(values, fields, where):
    if not isinstance(values, dict):
        raise MalformedEvent(f"{where} is not an object")
    for name, types in fields.items():
        value = values.get(name)
        types = types if isinstance(types, tuple) else (types,)
        # JSON's true and false would pass as integers.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise MalformedEvent(f"{where}.{name} is {type(value).__name__}")
        if isinstance(value, str) and not 0 < len(value) <= 255:
            raise MalformedEvent(f"{where}.{name} has {len(value)} characters")


def verified_event(body, signature):
    """The event in a webhook request, if Stripe signed it (else stripe.SignatureVerificationError) and it
    holds what its handler reads (else MalformedEvent)."""
    stripe.WebhookSignature.verify_header(body, signature, settings.STRIPE_WEBHOOK_SECRET,
                                          stripe.Webhook.DEFAULT_TOLERANCE)
    try:
        values = json.loads(body)
    except ValueError:
        raise MalformedEvent("the body is not JSON") from None
    _check(values, {"id": str, "type": str}, "event")
    if values["type"] in FIELDS:
        _check(values.get("data"), {}, "data")
        _check(values["data"].get("object"), FIELDS[values["type"]], "data.object")
    return stripe.Event.construct_from(values, None)


HANDLERS = {
    "checkout.session.completed": _completed,
    "checkout.session.expired": _expired,
    "charge.refunded": _refunded,
}


def handle(event):
    """Handle a verified event once. Returns False when this event id was handled before."""
    handler = HANDLERS.get(event.type)
    # Recorded in the same transaction as its effect: if handling fails, Stripe's retry runs it again.
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=event.id, type=event.type)
        except IntegrityError:
            return False
        if handler:
            handler(event)
    return True
