"""Talking to Stripe, through the official library. STRIPE_API_BASE lets tests point it at a stand-in."""

import datetime
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils import timezone


def client():
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=1,
    )


def cents(amount):
    return int((Decimal(amount) * 100).quantize(Decimal(1)))


def create_checkout_session(order, success_url, cancel_url):
    """A hosted Stripe Checkout page for the stored order: one line per product, one per parcel."""
    line_items = []
    for part in order.parts.all():
        for line in part.lines.all():
            line_items.append({
                "quantity": line.quantity,
                "price_data": {
                    "currency": order.currency,
                    "unit_amount": cents(line.unit_price),
                    "product_data": {"name": f"{line.name} ({part.producer_name})"},
                },
            })
        if part.shipping_cost:
            line_items.append({
                "quantity": 1,
                "price_data": {
                    "currency": order.currency,
                    "unit_amount": cents(part.shipping_cost),
                    "product_data": {"name": f"Versand / Shipping ({part.producer_name})"},
                },
            })
    # Stripe accepts expiry times from 30 minutes on.
    minutes = max(30, settings.SHOP_RESERVATION_MINUTES)
    return client().v1.checkout.sessions.create(params={
        "mode": "payment",
        "line_items": line_items,
        "customer_email": order.email,
        "client_reference_id": str(order.number),
        "metadata": {"order": str(order.number)},
        "locale": order.language if order.language in ("de", "en", "tr") else "auto",
        "expires_at": int((timezone.now() + datetime.timedelta(minutes=minutes)).timestamp()),
        "success_url": success_url,
        "cancel_url": cancel_url,
    })


def expire_checkout_session(session_id):
    return client().v1.checkout.sessions.expire(session_id)


def refund(payment_intent):
    return client().v1.refunds.create(params={"payment_intent": payment_intent})
