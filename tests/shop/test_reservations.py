"""Unpaid checkouts reserve stock: one visitor must not be able to make a product sold out for others."""

from django.test import Client

from shop.models import Offer, Order, OrderEvent

from .factories import checkout

CONTACT = {"name": "Jonas", "email": "jonas@example.org"}


def visitor(address):
    return Client(REMOTE_ADDR=address)


def reserve(client, offer, quantity, language="en"):
    """Put the product in the cart and order: the redirect to Stripe, or the page with the reason why not."""
    if quantity:
        client.post(f"/{language}/shop/cart/add/", {"offer": offer.pk, "quantity": quantity})
    response = checkout(client, f"/{language}/shop/checkout/", CONTACT)
    if response.status_code == 303:
        return response
    return client.get(response.url)


def stock(offer):
    return Offer.objects.get(pk=offer.pk).stock


def test_one_visitor_cannot_make_a_product_sold_out_for_others(shop, ice):
    # Five in stock. A visitor who never pays, starting over with fresh sessions from one address:
    first = reserve(visitor("203.0.113.9"), ice, 5)
    assert "you can reserve only 3 of “Eisbecher-Gutschein” at a time" in first.content.decode()
    reserve(visitor("203.0.113.9"), ice, 3)
    assert stock(ice) == 2
    again = reserve(visitor("203.0.113.9"), ice, 1)
    assert "is already reserved for your open payment" in again.content.decode()
    assert stock(ice) == 2
    # Someone else still finds it in stock and can buy what is left.
    other = visitor("198.51.100.7")
    assert "Sold out" not in other.get(f"/en/shop/product/{ice.pk}/").content.decode()
    response = reserve(other, ice, 2)
    assert response.status_code == 303 and response["Location"].startswith(shop.url)
    assert stock(ice) == 0
    assert Order.objects.filter(status=Order.PENDING).count() == 2


def test_one_address_holds_only_a_few_open_checkouts(shop, ice, saddle, home):
    from .factories import offer, producer

    page = producer(home, "roesterei-kortum", "Kaffeerösterei Gleisdreieck")
    coffees = [offer(page, f"Kaffee {number}", "9.00", stock=10) for number in range(4)]
    for coffee in coffees[:3]:
        reserve(visitor("203.0.113.9"), coffee, 1)
    response = reserve(visitor("203.0.113.9"), coffees[3], 1)
    assert "You already have several payments open." in response.content.decode()
    assert stock(coffees[3]) == 10
    # Made-to-order products hold no stock, but the open payments count all the same.
    assert Order.objects.filter(status=Order.PENDING).count() == 3


def test_coming_back_to_the_cart_releases_the_reservation_at_once(shop, ice):
    buyer = visitor("203.0.113.9")
    reserve(buyer, ice, 2)
    order = Order.objects.get()
    assert stock(ice) == 3
    page = buyer.get("/en/shop/cart/").content.decode()
    assert "Your payment was not completed, so the products are back in your cart." in page
    assert stock(ice) == 5
    order.refresh_from_db()
    assert order.status == Order.CANCELLED and not order.stock_reserved and order.client_key == ""
    assert shop.sessions[order.stripe_session_id]["status"] == "expired"
    assert OrderEvent.objects.filter(order=order, action="abandoned").exists()
    assert buyer.session["shop_cart"]["items"] == {str(ice.pk): 2}
    # Paying for it again works as before.
    reserve(buyer, ice, 0)
    assert stock(ice) == 3


def test_a_new_checkout_replaces_the_visitors_unpaid_one(shop, ice):
    buyer = visitor("203.0.113.9")
    reserve(buyer, ice, 2)
    first = Order.objects.get()
    # Straight to a new checkout (e.g. the browser's back button from Stripe), without the cart page.
    checkout(buyer, "/en/shop/checkout/", CONTACT)
    first.refresh_from_db()
    assert first.status == Order.CANCELLED
    second = Order.objects.exclude(pk=first.pk).get()
    assert second.status == Order.PENDING
    assert stock(ice) == 3


def test_the_session_remembers_only_the_latest_orders(shop, ice):
    from django.core.cache import cache

    buyer = visitor("203.0.113.9")
    for _number in range(12):
        cache.clear()  # past the rate limit: this is about what the session keeps
        reserve(buyer, ice, 1)
    numbers = buyer.session["shop_pending_orders"]
    assert len(numbers) == 10
    latest = Order.objects.order_by("-created_at", "-pk").first()
    assert numbers[-1] == str(latest.number)
    assert buyer.get(f"/en/shop/order/{latest.number}/thanks/").status_code == 200
