"""Test data for the shop: producers with products and offers, built like the admin would."""

import re
from decimal import Decimal

from directory.models import ProducerIndexPage, ProducerPage, Product
from madebybochum.pages.demo import translated, upsert_page
from shop.models import Offer

WEBHOOK_SECRET = "whsec_test_secret"


def shop_settings(settings, fake):
    """The shop switched on against the fake Stripe; label check off (these tests are not about it)."""
    settings.SHOP_ENABLED = True
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake.url
    settings.SHOP_REQUIRE_LABEL = False
    settings.HONEYPOT_MIN_SECONDS = 0  # tests fill in the order form faster than people do
    # The browser is sent on to the (fake) Stripe page after posting the order form.
    settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [*settings.SECURE_CSP["form-action"], fake.url]}


def producer(home, slug, title, members=()):
    index = ProducerIndexPage.objects.first()
    if index is None:
        index, _ = upsert_page(home, ProducerIndexPage, "hersteller", translated("title", {"de": "Hersteller"}))
    page, _ = upsert_page(index, ProducerPage, slug, translated("title", {"de": title}))
    page.members.add(*members)
    return page


def offer(producer_page, name, price, stock=None, lead_time_days=None, shipping_cost="4.90", **extra):
    product = Product.objects.create(
        producer=producer_page, **translated("name", {"de": name}), price=Decimal(price), made_to_order=stock is None,
        lead_time_days=lead_time_days,
    )
    return Offer.objects.create(product=product, purchasable=True, stock=stock,
                                shipping_cost=Decimal(shipping_cost), **extra)


def order_form(client, path, data):
    """The order form's fields as a browser sends them: with the honeypot's fields the page rendered."""
    stamp = re.search(r'name="shown_at" value="([^"]*)"', client.get(path).content.decode())
    return {"website": "", "shown_at": stamp.group(1) if stamp else "", **data}


def checkout(client, path, data, **extra):
    return client.post(path, order_form(client, path, data), **extra)
