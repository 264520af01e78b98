"""Off unless configured; loud when misconfigured; only label holders sell."""

import pytest
from django.core.checks import Error, Warning, run_checks
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import URLPattern

import shop.urls
from shop.checks import stripe_keys
from django.utils import translation
from django.utils.translation import gettext


def shop_paths():
    samples = {"pk": "1", "number": "3f2b8c1e-1111-4222-8333-944445555666"}
    for pattern in shop.urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        route = str(pattern.pattern)
        for key, value in samples.items():
            route = route.replace(f"<int:{key}>", value).replace(f"<uuid:{key}>", value)
        yield f"/de/{route}"


def test_shop_off_hides_every_shop_route(client, ice, settings):
    settings.SHOP_ENABLED = False
    settings.SHOP_REQUIRE_LABEL = False
    paths = list(shop_paths())
    assert len(paths) == len(shop.urls.urlpatterns) >= 10
    for path in paths:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"offer": ice.pk, "quantity": 1}).status_code == 404, path
    # Django's LocaleMiddleware sends any 404 outside the language prefix on to /de/..., which is a 404 too.
    response = client.post("/shop/stripe/webhook/", data="{}", content_type="application/json", follow=True)
    assert response.status_code == 404
    assert "shop_cart" not in client.session


def test_shop_off_shows_no_offers_or_cart_link(ice, settings, rf):
    settings.SHOP_ENABLED = False
    settings.SHOP_REQUIRE_LABEL = False
    request = rf.get("/de/")
    request.session = {}
    assert render_to_string("shop/includes/profile_offers.html", {"producer": ice.product.producer}).strip() == ""
    assert render_to_string("shop/includes/cart_link.html", {"request": request}).strip() == ""


def test_shop_on_shows_add_to_cart_on_the_profile(shop, ice, client):
    request = RequestFactory().get("/de/")
    html = render_to_string("shop/includes/profile_offers.html", {"producer": ice.product.producer}, request=request)
    assert "Eisbecher-Gutschein" in html and 'action="/de/shop/cart/add/"' in html
    assert f'name="offer" value="{ice.pk}"' in html


def test_only_label_holders_sell(shop, ice, client, settings):
    settings.SHOP_REQUIRE_LABEL = True
    # Until the label app says otherwise (label.selectors.filter_holders), nobody holds the label.
    assert "Eisbecher-Gutschein" not in client.get("/en/shop/").content.decode()
    assert client.get(f"/en/shop/product/{ice.pk}/").status_code == 404
    client.post("/en/shop/cart/add/", {"offer": ice.pk, "quantity": 1})
    assert client.session.get("shop_cart", {}).get("items", {}) == {}


def test_enabled_without_keys_is_an_error_in_production_and_a_warning_in_development(db, settings):
    settings.SHOP_ENABLED = True
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test"
    settings.STRIPE_WEBHOOK_SECRET = ""
    settings.DEBUG = False
    [problem] = stripe_keys()
    assert isinstance(problem, Error) and "STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET" in problem.msg
    assert problem in run_checks(include_deployment_checks=True)
    with pytest.raises(Exception, match="shop.E001"):
        call_command("check", "--deploy", "--fail-level", "ERROR", stdout=open("/dev/null", "w"),
                     stderr=open("/dev/null", "w"))
    settings.DEBUG = True
    [problem] = stripe_keys()
    assert isinstance(problem, Warning) and problem.id == "shop.W001"


def test_no_complaint_when_off_or_complete(settings):
    settings.SHOP_ENABLED = False
    assert stripe_keys() == []
    settings.SHOP_ENABLED = True
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = settings.STRIPE_WEBHOOK_SECRET = "x"
    assert stripe_keys() == []


def test_admin_dashboard_warns_when_keys_are_missing(admin_client, settings, home):
    settings.SHOP_ENABLED = True
    settings.STRIPE_SECRET_KEY = ""
    settings.DEBUG = True
    page = admin_client.get("/admin/").content.decode()
    with translation.override("de"):
        assert gettext("The shop is switched on, but Stripe keys are missing:") in page


def test_demo_seed_is_idempotent_and_keeps_the_shop_off(db, settings):
    from io import StringIO

    from shop.models import Offer

    call_command("seed_demo", stdout=StringIO())
    count = Offer.objects.count()
    assert count >= 5
    call_command("seed_demo", stdout=StringIO())
    assert Offer.objects.count() == count
    assert settings.SHOP_ENABLED is False
