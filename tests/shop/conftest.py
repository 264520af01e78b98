import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connection, transaction

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



@pytest.fixture(scope="session", autouse=True)
def _migration_data_before_any_flush(django_db_setup, django_db_blocker):
    """What migrations put in the database (Wagtail's root and locale), copied at the first shop test.
    pytest-django runs transactional tests last, so this copy is taken before any of them flushes."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def restored_tree(_migration_data_before_any_flush, transactional_db):
    """For transactional tests: put the migration data back if an earlier test's flush removed it
    (the same steps as tests/browser/conftest.py, which only serves browser tests)."""
    from wagtail.models import Locale

    if Locale.objects.exists():
        return
    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()
    rows = json.loads(_migration_data_before_any_flush)
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    with transaction.atomic(), connection.constraint_checks_disabled():
        for part in (content_types, others):
            for obj in serializers.deserialize("json", json.dumps(part)):
                obj.save()
    ContentType.objects.clear_cache()
