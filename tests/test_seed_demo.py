"""`seed_demo` builds the demo site once; running it again changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        # Sessions and the search index are bookkeeping, not demo content.
        if model._meta.app_label not in {"sessions", "wagtailsearch", "modelsearch"}
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_logins():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = row_counts()
    assert "admin / admin" in out.getvalue()

    call_command("seed_demo", stdout=io.StringIO())
    assert row_counts() == first


@pytest.mark.django_db
def test_demo_site_has_every_language(client):
    call_command("seed_demo", stdout=io.StringIO())
    for code, headline in [("de", "Gemacht in Bochum"), ("en", "Made in Bochum"), ("tr", "üretildi"), ("ar", "صُنع في بوخوم")]:
        assert headline in client.get(f"/{code}/").content.decode()


@pytest.mark.django_db
def test_synthetic_producers_for_benchmarks_top_up_and_are_searchable(client):
    call_command("seed_demo", "--producers", "30", stdout=io.StringIO())
    call_command("seed_demo", "--producers", "30", stdout=io.StringIO())
    from directory.models import ProducerPage

    synthetic = ProducerPage.objects.filter(slug__startswith="synthetisch-")
    assert synthetic.count() == 30
    # Bulk-created, yet in the search index: a name finds its producer.
    seventh = synthetic.order_by("pk")[6]
    html = client.get("/de/produzenten/", {"q": seventh.title_de}).content.decode()
    assert f"/{seventh.slug}/" in html
