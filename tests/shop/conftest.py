import json

import pytest

from .factories import WEBHOOK_SECRET, offer, producer, shop_settings
from .fake_stripe import FakeStripe, sign


@pytest.fixture
def fake_stripe():
    with FakeStripe() as fake:
        yield fake


@pytest.fixture
def shop(settings, fake_stripe):
    shop_settings(settings, fake_stripe)
    return fake_stripe


@pytest.fixture
def ice(home):
    page = producer(home, "eismanufaktur-gleisdreieck", "Eismanufaktur Kohlenpott")
    return offer(page, "Eisbecher-Gutschein", "12.50", stock=5)


@pytest.fixture
def saddle(home):
    page = producer(home, "polsterei-sattlerei-bergmann", "Polsterei & Sattlerei Hellweg")
    return offer(page, "Ledertasche", "180.00", stock=None, lead_time_days=21, shipping_cost="6.90")


@pytest.fixture
def post_event(client, django_capture_on_commit_callbacks):
    """Deliver a webhook event signed the way Stripe signs it (emails go out as on commit)."""

    def deliver(payload, secret=WEBHOOK_SECRET, signature=None):
        body = json.dumps(payload)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/shop/stripe/webhook/", data=body, content_type="application/json",
                               HTTP_STRIPE_SIGNATURE=sign(body, secret) if signature is None else signature)

    return deliver
