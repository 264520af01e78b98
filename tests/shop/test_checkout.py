"""Buying: cart, checkout with database prices, stock reserved before the redirect to Stripe."""

from decimal import Decimal

from django.core import mail

from shop.models import Offer, Order, OrderEvent

from .factories import checkout, offer as make_offer

CONTACT = {"name": "Ayşe Yılmaz", "email": "ayse@example.org", "street": "Kortumstraße 1", "postcode": "44787",
           "city": "Bochum"}


def add(client, offer, quantity=1, **extra):
    return client.post("/de/shop/cart/add/", {"offer": offer.pk, "quantity": quantity, **extra})


def test_cart_shows_parts_shipping_lead_times_and_legal_links(client, shop, ice, saddle):
    add(client, ice, 2)
    add(client, saddle, 1)
    client.post("/en/shop/cart/update/", {f"quantity-{ice.pk}": 2, f"quantity-{saddle.pk}": 1,
                                          f"delivery-{saddle.product.producer_id}": "shipping"})
    page = client.get("/en/shop/cart/").content.decode()
    assert "Eismanufaktur Kohlenpott" in page and "Polsterei &amp; Sattlerei Hellweg" in page
    assert "25.00" in page or "25,00" in page  # 2 × 12.50 incl. VAT
    assert "6.90" in page or "6,90" in page  # the saddler's parcel
    assert "about 21 days" in page  # lead time of the made-to-order bag
    assert "Total incl. VAT" in page
    checkout = client.get("/en/shop/checkout/").content.decode()
    assert "Order with obligation to pay" in checkout
    assert "about 21 days" in checkout


def test_legal_pages_are_linked_before_the_order(client, shop, ice, home):
    from shop.demo import seed_legal_pages

    seed_legal_pages(home)
    add(client, ice)
    page = client.get("/de/shop/checkout/").content.decode()
    assert "/de/agb/" in page and "/de/widerrufsbelehrung/" in page


def test_change_quantity_and_remove(client, shop, ice, saddle):
    add(client, ice, 1)
    add(client, saddle, 1)
    client.post("/de/shop/cart/update/", {f"quantity-{ice.pk}": "3", f"quantity-{saddle.pk}": "1"})
    assert client.session["shop_cart"]["items"][str(ice.pk)] == 3
    client.post("/de/shop/cart/update/", {"remove": str(saddle.pk), f"quantity-{ice.pk}": "3"})
    assert str(saddle.pk) not in client.session["shop_cart"]["items"]
    client.post("/de/shop/cart/update/", {f"quantity-{ice.pk}": "0"})
    assert f"/de/shop/product/{saddle.pk}/" not in client.get("/de/shop/cart/").content.decode()
    assert client.session["shop_cart"]["items"] == {}


def test_price_tampering_is_ignored(client, shop, ice):
    add(client, ice, 2, price="0.01", unit_amount="1")
    client.post("/de/shop/cart/update/", {f"quantity-{ice.pk}": 2, f"price-{ice.pk}": "0.01",
                                          f"delivery-{ice.product.producer_id}": "shipping"})
    response = checkout(client, "/de/shop/checkout/", {**CONTACT, "amount_total": "1", "price": "0.01", "total": "0.01"})
    assert response.status_code == 303
    order = Order.objects.get()
    assert order.amount_total == 2 * 1250 + 490
    sent = next(iter(shop.sessions.values()))
    assert [item["price_data"]["unit_amount"] for item in sent["line_items_sent"]] == ["1250", "490"]
    assert sent["amount_total"] == order.amount_total


def test_checkout_stores_order_and_reserves_stock_before_redirect(client, shop, ice, saddle):
    add(client, ice, 2)
    add(client, saddle, 1)
    response = checkout(client, "/de/shop/checkout/", CONTACT)
    order = Order.objects.get()
    assert response.status_code == 303
    assert response["Location"] == shop.sessions[order.stripe_session_id]["url"]
    assert order.status == Order.PENDING
    assert {part.producer_name for part in order.parts.all()} == {"Eismanufaktur Kohlenpott", "Polsterei & Sattlerei Hellweg"}
    assert Offer.objects.get(pk=ice.pk).stock == 3
    assert Offer.objects.get(pk=saddle.pk).stock is None  # made to order: never sold out
    assert client.session["shop_cart"]["items"] == {}
    # The buyer is back from Stripe: the success page does not mark anything paid.
    page = client.get(f"/en/shop/order/{order.number}/thanks/").content.decode()
    assert "As soon as Stripe confirms your payment" in page
    order.refresh_from_db()
    assert order.status == Order.PENDING
    assert mail.outbox == []


def test_shipping_needs_an_address_and_keeps_what_was_typed(client, shop, ice):
    add(client, ice)
    client.post("/de/shop/cart/update/", {f"quantity-{ice.pk}": 1, f"delivery-{ice.product.producer_id}": "shipping"})
    response = checkout(client, "/en/shop/checkout/", {"name": "Jonas", "email": "jonas@example.org"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page and 'value="jonas@example.org"' in page
    assert not Order.objects.exists()


def test_pickup_needs_no_address(client, shop, ice):
    add(client, ice)
    response = checkout(client, "/de/shop/checkout/", {"name": "Jonas", "email": "jonas@example.org"})
    assert response.status_code == 303
    assert Order.objects.get().parts.get().delivery == "pickup"


def test_not_enough_stock_gives_a_clear_message(client, shop, ice):
    Offer.objects.filter(pk=ice.pk).update(stock=1)
    add(client, ice, 2)
    response = checkout(client, "/en/shop/checkout/", CONTACT, follow=True)
    assert "only 1 of “Eisbecher-Gutschein” are left" in response.content.decode()
    assert not Order.objects.exists()
    assert Offer.objects.get(pk=ice.pk).stock == 1


def test_stripe_unreachable_releases_stock_and_keeps_the_cart(client, shop, ice):
    add(client, ice, 2)
    shop.failures = 5
    response = checkout(client, "/en/shop/checkout/", CONTACT, follow=True)
    assert "payment service cannot be reached" in response.content.decode()
    assert Offer.objects.get(pk=ice.pk).stock == 5
    assert Order.objects.get().status == Order.CANCELLED
    assert client.session["shop_cart"]["items"] == {str(ice.pk): 2}


def test_cancel_on_stripe_releases_stock_and_refills_cart(client, shop, ice):
    add(client, ice, 2)
    checkout(client, "/de/shop/checkout/", CONTACT)
    order = Order.objects.get()
    assert Offer.objects.get(pk=ice.pk).stock == 3
    response = client.get(f"/en/shop/order/{order.number}/cancelled/")
    assert "Nothing has been charged" in response.content.decode()
    assert shop.sessions[order.stripe_session_id]["status"] == "expired"
    assert Offer.objects.get(pk=ice.pk).stock == 5
    order.refresh_from_db()
    assert order.status == Order.CANCELLED and not order.stock_reserved
    assert client.session["shop_cart"]["items"] == {str(ice.pk): 2}
    # Reloading the page releases nothing twice.
    client.get(f"/en/shop/order/{order.number}/cancelled/")
    assert Offer.objects.get(pk=ice.pk).stock == 5
    assert OrderEvent.objects.filter(order=order, action="cancelled").count() == 1


def test_someone_elses_order_pages_are_not_found(client, shop, ice):
    add(client, ice)
    checkout(client, "/de/shop/checkout/", CONTACT)
    order = Order.objects.get()
    client.session.flush()
    other = client.__class__()
    assert other.get(f"/de/shop/order/{order.number}/thanks/").status_code == 404
    assert other.get(f"/de/shop/order/{order.number}/cancelled/").status_code == 404
    assert Order.objects.get().status == Order.PENDING


def test_unknown_or_bad_quantity_gets_a_message_not_a_500(client, shop, ice):
    response = client.post("/en/shop/cart/add/", {"offer": ice.pk, "quantity": "lots"}, follow=True)
    assert response.status_code == 200
    assert "choose a quantity between 1 and 99" in response.content.decode()
    response = client.post("/en/shop/cart/add/", {"offer": 999999, "quantity": 1}, follow=True)
    assert "cannot be ordered" in response.content.decode()
    add(client, ice)
    response = client.post("/en/shop/cart/update/", {f"quantity-{ice.pk}": "two"}, follow=True)
    assert "whole number" in response.content.decode()


def test_vat_and_made_to_order_shown_on_the_product(client, shop, saddle):
    page = client.get(f"/en/shop/product/{saddle.pk}/").content.decode()
    assert "incl. 19 % VAT" in page
    assert "Made to order: ready in about 21 days" in page
    assert Decimal(saddle.price) == Decimal("180.00")


def test_checkout_turns_bots_away_and_keeps_what_a_person_typed(client, shop, ice, settings):
    add(client, ice, 2)
    response = checkout(client, "/tr/shop/checkout/", {**CONTACT, "website": "http://spam.example"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Form gönderilemedi. Lütfen biraz bekleyip yeniden gönderin." in html
    assert 'value="Ayşe Yılmaz"' in html and 'value="ayse@example.org"' in html
    settings.HONEYPOT_MIN_SECONDS = 60
    html = checkout(client, "/en/shop/checkout/", CONTACT).content.decode()
    assert "This form could not be sent. Please wait a moment and send it again." in html
    assert "could not be sent" in client.post("/en/shop/checkout/", CONTACT).content.decode()
    assert not Order.objects.exists()
    assert Offer.objects.get(pk=ice.pk).stock == 5
    assert shop.sessions == {}


def test_checkout_and_cart_are_rate_limited(client, shop, ice):
    for _attempt in range(10):
        checkout(client, "/en/shop/checkout/", {"name": "Jonas", "email": "not-an-email"})
    response = checkout(client, "/en/shop/checkout/", CONTACT)
    assert response.status_code == 429
    assert "You sent this form too often in a short time." in response.content.decode()
    assert not Order.objects.exists()
    for _attempt in range(60):
        add(client, ice)
    assert add(client, ice).status_code == 429
    assert client.post("/en/shop/cart/update/", {f"quantity-{ice.pk}": 1}).status_code == 429


def test_cart_holds_a_bounded_number_of_known_products(client, shop, ice):
    """The cart lives in the session: nobody can fill it with unknown ids, huge quantities or endless lines."""
    page = ice.product.producer
    offers = [ice] + [make_offer(page, f"Gutschein {number}", "5.00", stock=3) for number in range(20)]
    for bogus in ("999999", "abc", "-1", "1e9", ""):
        client.post("/en/shop/cart/add/", {"offer": bogus, "quantity": 1})
    client.post("/en/shop/cart/add/", {"offer": ice.pk, "quantity": 10**9})
    assert client.session.get("shop_cart", {}).get("items", {}) == {}
    for item in offers[:20]:
        add(client, item, 99)
    add(client, ice, 99)  # more of a product already in the cart stays within the per-line cap
    response = client.post("/en/shop/cart/add/", {"offer": offers[20].pk, "quantity": 1}, follow=True)
    assert "Your cart already holds 20 different products" in response.content.decode()
    items = client.session["shop_cart"]["items"]
    assert len(items) == 20 and str(offers[20].pk) not in items and set(items.values()) == {99}
    # A product no longer sold leaves the cart and makes room.
    Offer.objects.filter(pk=offers[1].pk).update(purchasable=False)
    client.get("/en/shop/cart/")
    add(client, offers[20])
    items = client.session["shop_cart"]["items"]
    assert len(items) == 20 and str(offers[1].pk) not in items and str(offers[20].pk) in items
