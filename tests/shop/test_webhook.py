"""The Stripe webhook: signed, idempotent, amount-checked; the only way an order becomes paid."""

import json

import pytest
from django.core import mail
from django.contrib.auth import get_user_model

from shop.models import Offer, Order, OrderEvent, StripeEvent

from .factories import WEBHOOK_SECRET, checkout
from .fake_stripe import event, sign

CONTACT = {"name": "Ayşe Yılmaz", "email": "ayse@example.org"}


@pytest.fixture
def pending(client, shop, ice, saddle):
    """A placed order (3 ice vouchers from stock of 5, one bag made to order) waiting at the fake Stripe."""
    owner = get_user_model().objects.create_user("eis", "eis@example.org", "x")
    ice.product.producer.members.add(owner)
    client.post("/de/shop/cart/add/", {"offer": ice.pk, "quantity": 3})
    client.post("/de/shop/cart/add/", {"offer": saddle.pk, "quantity": 1})
    checkout(client, "/de/shop/checkout/", CONTACT)
    order = Order.objects.get()
    assert Offer.objects.get(pk=ice.pk).stock == 2
    return order


def test_completed_session_marks_the_order_paid_and_emails_buyer_and_producers(shop, pending, post_event):
    session = shop.complete(pending.stripe_session_id)
    assert post_event(event("checkout.session.completed", session)).status_code == 200
    pending.refresh_from_db()
    assert pending.status == Order.PAID
    assert pending.stripe_payment_intent == session["payment_intent"]
    recipients = sorted(tuple(message.to) for message in mail.outbox)
    assert recipients == [("ayse@example.org",), ("eis@example.org",)]
    buyer = next(m for m in mail.outbox if m.to == ["ayse@example.org"])
    assert "Eisbecher-Gutschein" in buyer.body and "Ledertasche" in buyer.body
    producer = next(m for m in mail.outbox if m.to == ["eis@example.org"])
    assert "Eisbecher-Gutschein" in producer.body and "Ledertasche" not in producer.body


def test_bad_signature_is_rejected_and_changes_nothing(shop, pending, post_event):
    session = shop.complete(pending.stripe_session_id)
    payload = event("checkout.session.completed", session)
    assert post_event(payload, secret="whsec_wrong").status_code == 400
    assert post_event(payload, signature="t=1,v1=deadbeef").status_code == 400
    assert post_event(payload, signature="").status_code == 400
    pending.refresh_from_db()
    assert pending.status == Order.PENDING
    assert not StripeEvent.objects.exists()
    assert mail.outbox == []


def test_replayed_event_changes_nothing_the_second_time(shop, pending, post_event):
    payload = event("checkout.session.completed", shop.complete(pending.stripe_session_id))
    assert post_event(payload).status_code == 200
    history = OrderEvent.objects.count()
    assert post_event(payload).status_code == 200
    assert OrderEvent.objects.count() == history
    assert len(mail.outbox) == 2
    # Even an expiry replayed under the same id does nothing.
    expired = event("checkout.session.expired", {**shop.sessions[pending.stripe_session_id], "status": "expired"},
                    event_id=payload["id"])
    post_event(expired)
    pending.refresh_from_db()
    assert pending.status == Order.PAID


def test_wrong_amount_or_currency_does_not_mark_paid(shop, pending, post_event):
    session = shop.complete(pending.stripe_session_id)
    post_event(event("checkout.session.completed", {**session, "amount_total": session["amount_total"] - 100}))
    post_event(event("checkout.session.completed", {**session, "currency": "usd"}))
    pending.refresh_from_db()
    assert pending.status == Order.PENDING
    assert OrderEvent.objects.filter(order=pending, action="payment_mismatch").count() == 2
    assert mail.outbox == []


def test_unpaid_completion_does_not_mark_paid(shop, pending, post_event):
    session = {**shop.sessions[pending.stripe_session_id], "status": "complete", "payment_status": "unpaid"}
    post_event(event("checkout.session.completed", session))
    pending.refresh_from_db()
    assert pending.status == Order.PENDING


def test_expiry_releases_the_stock_once(shop, pending, post_event, ice):
    session = {**shop.sessions[pending.stripe_session_id], "status": "expired"}
    post_event(event("checkout.session.expired", session))
    pending.refresh_from_db()
    assert pending.status == Order.EXPIRED
    assert Offer.objects.get(pk=ice.pk).stock == 5
    post_event(event("checkout.session.expired", session))  # a second event id, same session
    assert Offer.objects.get(pk=ice.pk).stock == 5
    # A late payment for an expired order is not taken as paid; admins see it in the history.
    post_event(event("checkout.session.completed", shop.complete(pending.stripe_session_id)))
    pending.refresh_from_db()
    assert pending.status == Order.EXPIRED
    assert OrderEvent.objects.filter(order=pending, action="payment_ignored").exists()


def test_refund_in_stripe_marks_the_order_refunded(shop, pending, post_event, ice):
    session = shop.complete(pending.stripe_session_id)
    post_event(event("checkout.session.completed", session))
    charge = {"id": "ch_1", "object": "charge", "payment_intent": session["payment_intent"], "refunded": True,
              "amount_refunded": pending.amount_total, "amount": pending.amount_total, "currency": "eur"}
    assert post_event(event("charge.refunded", charge)).status_code == 200
    pending.refresh_from_db()
    assert pending.status == Order.REFUNDED
    assert Offer.objects.get(pk=ice.pk).stock == 5  # nothing had been handed over yet
    assert set(pending.parts.values_list("status", flat=True)) == {"cancelled"}


def test_partial_refund_is_recorded_but_keeps_the_order(shop, pending, post_event):
    session = shop.complete(pending.stripe_session_id)
    post_event(event("checkout.session.completed", session))
    charge = {"id": "ch_1", "object": "charge", "payment_intent": session["payment_intent"], "refunded": False,
              "amount_refunded": 500, "amount": pending.amount_total, "currency": "eur"}
    post_event(event("charge.refunded", charge))
    pending.refresh_from_db()
    assert pending.status == Order.PAID
    assert OrderEvent.objects.filter(order=pending, action="partial_refund").exists()


def test_orders_are_never_deleted(pending):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        pending.delete()
    assert Order.objects.filter(pk=pending.pk).exists()


def test_signed_but_malformed_events_are_refused_with_400_and_logged(shop, pending, post_event, client, caplog):
    """Stripe retries anything but a 2xx for days; a 500 for an event that can never be handled would
    repeat until the endpoint is disabled. A 400 says: this will not get better."""
    session = shop.complete(pending.stripe_session_id)
    good = event("checkout.session.completed", session)
    malformed = [
        {**good, "data": {}},
        {**good, "data": "cs_test"},
        {**good, "data": {"object": "cs_test"}},
        {**good, "data": {"object": {**session, "amount_total": str(session["amount_total"])}}},
        {**good, "data": {"object": {**session, "amount_total": True}}},
        {**good, "data": {"object": {key: value for key, value in session.items() if key != "payment_status"}}},
        {**good, "data": {"object": {**session, "id": {"$ne": ""}}}},
        {**good, "data": {"object": {**session, "payment_intent": "pi_" + "x" * 300}}},
        {**good, "id": ["evt_1"]},
        {**good, "type": None},
        event("charge.refunded", {"id": "ch_1", "payment_intent": session["payment_intent"], "refunded": "yes",
                                  "amount_refunded": 1}),
        event("checkout.session.expired", {"object": "checkout.session"}),
        [good],
        None,
    ]
    with caplog.at_level("WARNING", logger="shop.views"):
        for payload in malformed:
            assert post_event(payload).status_code == 400, payload
        body = "{not json"
        response = client.post("/shop/stripe/webhook/", data=body, content_type="application/json",
                               HTTP_STRIPE_SIGNATURE=sign(body, WEBHOOK_SECRET))
        assert response.status_code == 400
    assert sum("Malformed Stripe event" in record.message for record in caplog.records) == len(malformed) + 1
    pending.refresh_from_db()
    assert pending.status == Order.PENDING
    assert not StripeEvent.objects.exists()
    # The well-formed event still goes through afterwards.
    assert post_event(good).status_code == 200
    pending.refresh_from_db()
    assert pending.status == Order.PAID


def test_webhook_keeps_working_while_the_shop_is_switched_off(shop, pending, post_event, settings, client):
    """A buyer who paid just before the shop was switched off must not lose the order."""
    settings.SHOP_ENABLED = False
    response = post_event(event("checkout.session.completed", shop.complete(pending.stripe_session_id)))
    assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.status == Order.PAID
    # Without a webhook secret there is nothing to check a signature against.
    settings.STRIPE_WEBHOOK_SECRET = ""
    body = json.dumps(event("checkout.session.expired", {"id": pending.stripe_session_id}))
    response = client.post("/shop/stripe/webhook/", data=body, content_type="application/json", follow=True,
                           HTTP_STRIPE_SIGNATURE=sign(body, WEBHOOK_SECRET))
    assert response.status_code == 404
