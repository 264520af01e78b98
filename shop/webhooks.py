"""Stripe webhook: the only place an order becomes paid. Signed, idempotent, amount-checked."""

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
