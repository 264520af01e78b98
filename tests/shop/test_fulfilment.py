"""Producers see and fulfil only their own order parts; admins see all and refund through Stripe."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from shop.models import Offer, Order, OrderEvent

from .factories import checkout
from .fake_stripe import event


@pytest.fixture
def people(ice, saddle):
    User = get_user_model()
    eis = User.objects.create_user("eis", "eis@example.org", "pw")
    sattler = User.objects.create_user("sattler", "sattler@example.org", "pw")
    admin = User.objects.create_superuser("admin", "admin@example.org", "pw")
    ice.product.producer.members.add(eis)
    saddle.product.producer.members.add(sattler)
    return {"eis": eis, "sattler": sattler, "admin": admin}


@pytest.fixture
def paid(client, shop, ice, saddle, people, post_event):
    client.post("/de/shop/cart/add/", {"offer": ice.pk, "quantity": 1})
    client.post("/de/shop/cart/add/", {"offer": saddle.pk, "quantity": 1})
    client.post("/de/shop/cart/update/", {f"quantity-{ice.pk}": 1, f"quantity-{saddle.pk}": 1,
                                          f"delivery-{saddle.product.producer_id}": "shipping"})
    checkout(client, "/de/shop/checkout/", {"name": "Jonas", "email": "jonas@example.org", "street": "Hellweg 3",
                                       "postcode": "44787", "city": "Bochum"})
    order = Order.objects.get()
    post_event(event("checkout.session.completed", shop.complete(order.stripe_session_id)))
    order.refresh_from_db()
    assert order.status == Order.PAID
    mail.outbox.clear()
    client.logout()
    return order


def test_a_producer_sees_only_its_own_order_parts(client, paid, people):
    client.force_login(people["eis"])
    listing = client.get("/en/shop/orders/").content.decode()
    assert paid.short_number in listing
    detail = client.get(f"/en/shop/orders/{paid.number}/").content.decode()
    assert "Eisbecher-Gutschein" in detail
    assert "Ledertasche" not in detail and "Hellweg 3" not in detail  # the saddler's part and its address


def test_a_producer_cannot_see_another_producers_orders(client, paid, people, home):
    from .factories import offer, producer

    other = producer(home, "geigenbau-ruhr", "Geigenbau Ruhr", members=[get_user_model().objects.create_user("geige")])
    offer(other, "Bogen", "300.00", stock=1)
    client.force_login(get_user_model().objects.get(username="geige"))
    assert paid.short_number not in client.get("/en/shop/orders/").content.decode()
    assert client.get(f"/en/shop/orders/{paid.number}/").status_code == 404
    part = paid.parts.get(producer__slug="eismanufaktur-gleisdreieck")
    assert client.post(f"/en/shop/orders/part/{part.pk}/status/", {"status": "ready"}).status_code == 404
    part.refresh_from_db()
    assert part.status == "open"
    assert client.post(f"/en/shop/orders/{paid.number}/refund/").status_code == 404


def test_orders_need_a_login(client, paid):
    response = client.get("/en/shop/orders/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_marking_ready_for_pickup_emails_the_buyer_and_is_recorded(client, paid, people,
                                                                   django_capture_on_commit_callbacks):
    client.force_login(people["eis"])
    part = paid.parts.get(producer__slug="eismanufaktur-gleisdreieck")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/shop/orders/part/{part.pk}/status/", {"status": "ready"})
    part.refresh_from_db()
    assert part.status == "ready"
    assert [m.to for m in mail.outbox] == [["jonas@example.org"]]
    assert "zur Abholung im Showroom bereit" in mail.outbox[0].body  # German: the default language
    recorded = OrderEvent.objects.get(part=part, action="part_ready")
    assert recorded.actor == people["eis"] and recorded.created_at
    # Pickup parts cannot be "shipped", and nothing changes twice.
    client.post(f"/en/shop/orders/part/{part.pk}/status/", {"status": "shipped"})
    part.refresh_from_db()
    assert part.status == "ready"


def test_marking_shipped(client, paid, people, django_capture_on_commit_callbacks):
    client.force_login(people["sattler"])
    part = paid.parts.get(producer__slug="polsterei-sattlerei-bergmann")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/shop/orders/part/{part.pk}/status/", {"status": "shipped"})
    part.refresh_from_db()
    assert part.status == "shipped"
    assert mail.outbox[0].to == ["jonas@example.org"]


def test_admin_sees_everything_and_refunds_through_stripe(client, shop, paid, people, ice, post_event):
    client.force_login(people["admin"])
    listing = client.get("/en/shop/orders/").content.decode()
    assert "Eismanufaktur Kohlenpott" in listing and "Polsterei &amp; Sattlerei Hellweg" in listing
    detail = client.get(f"/en/shop/orders/{paid.number}/").content.decode()
    assert "Hellweg 3" in detail and "Cancel and refund" in detail
    client.post(f"/en/shop/orders/{paid.number}/refund/")
    paid.refresh_from_db()
    assert paid.status == Order.REFUNDED
    assert shop.refunds[-1]["payment_intent"] == paid.stripe_payment_intent
    assert Offer.objects.get(pk=ice.pk).stock == 5
    assert OrderEvent.objects.get(order=paid, action="refunded").actor == people["admin"]
    # Stripe then reports the refund: nothing happens a second time.
    charge = {"id": "ch_1", "object": "charge", "payment_intent": paid.stripe_payment_intent, "refunded": True,
              "amount_refunded": paid.amount_total}
    post_event(event("charge.refunded", charge))
    assert OrderEvent.objects.filter(order=paid, action="refunded").count() == 1
    assert Offer.objects.get(pk=ice.pk).stock == 5


def test_failed_refund_changes_nothing(client, shop, paid, people):
    client.force_login(people["admin"])
    shop.failures = 5
    response = client.post(f"/en/shop/orders/{paid.number}/refund/", follow=True)
    assert "did not accept the refund" in response.content.decode()
    paid.refresh_from_db()
    assert paid.status == Order.PAID


def test_admin_ends_an_unpaid_checkout_and_producers_do_not_see_it(client, shop, ice, people):
    client.post("/de/shop/cart/add/", {"offer": ice.pk, "quantity": 2})
    checkout(client, "/de/shop/checkout/", {"name": "Jonas", "email": "jonas@example.org"})
    order = Order.objects.get()
    client.force_login(people["eis"])
    assert client.get(f"/en/shop/orders/{order.number}/").status_code == 404
    client.force_login(people["admin"])
    assert "End checkout and release stock" in client.get(f"/en/shop/orders/{order.number}/").content.decode()
    client.post(f"/en/shop/orders/{order.number}/cancel/")
    order.refresh_from_db()
    assert order.status == Order.CANCELLED
    assert shop.sessions[order.stripe_session_id]["status"] == "expired"
    assert Offer.objects.get(pk=ice.pk).stock == 5
    assert OrderEvent.objects.get(order=order, action="cancelled").actor == people["admin"]
