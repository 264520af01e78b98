"""Two buyers race for the last item: one gets it, the other a clear message (PostgreSQL row locks)."""

import threading

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from shop.models import Offer, Order

from .factories import offer, order_form, producer

CONTACT = {"name": "Buyer", "email": "buyer@example.org"}


@pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"],
                    reason="SELECT ... FOR UPDATE is a no-op on SQLite, which serialises writers anyway")
@pytest.mark.django_db(transaction=True)
def test_two_buyers_race_for_the_last_item(restored_tree, shop, home):
    page = producer(home, "roesterei-kortum", "Kaffeerösterei Gleisdreieck")
    for round_number in range(3):
        last = offer(page, f"Espresso {round_number}", "8.50", stock=1)
        buyers = [Client(), Client()]
        for buyer in buyers:
            buyer.post("/en/shop/cart/add/", {"offer": last.pk, "quantity": 1})
        forms = [order_form(buyer, "/en/shop/checkout/", CONTACT) for buyer in buyers]
        start = threading.Barrier(len(buyers))
        pages = [None] * len(buyers)

        def checkout(index):
            try:
                start.wait()
                pages[index] = buyers[index].post("/en/shop/checkout/", forms[index])
            finally:
                connections.close_all()

        threads = [threading.Thread(target=checkout, args=(i,)) for i in range(len(buyers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)

        statuses = sorted(response.status_code for response in pages)
        assert statuses == [302, 303], statuses  # one goes to Stripe, the other back to the cart
        loser = next(i for i, response in enumerate(pages) if response.status_code == 302)
        message = buyers[loser].get("/en/shop/cart/").content.decode()
        assert "has just sold out" in message
        assert Offer.objects.get(pk=last.pk).stock == 0
        assert Order.objects.filter(parts__lines__offer=last).count() == 1
