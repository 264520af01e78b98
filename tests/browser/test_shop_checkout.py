"""From a product page to Stripe's hosted checkout (the fake), in Chromium; axe on cart and checkout."""

import pytest

from shop.demo import seed_legal_pages
from shop.models import Offer, Order
from tests.browser.conftest import axe_violations
from tests.shop.factories import offer, producer, shop_settings
from tests.shop.fake_stripe import FakeStripe


@pytest.fixture
def fake_shop(settings, home):
    with FakeStripe() as fake:
        shop_settings(settings, fake)
        seed_legal_pages(home)
        ice_maker = producer(home, "eismanufaktur-gleisdreieck", "Eismanufaktur Kohlenpott")
        saddler = producer(home, "polsterei-sattlerei-bergmann", "Polsterei & Sattlerei Hellweg")
        fake.ice = offer(ice_maker, "Eisbecher-Gutschein", "12.50", stock=5)
        fake.bag = offer(saddler, "Ledertasche", "180.00", lead_time_days=21, shipping_cost="6.90")
        yield fake


def test_from_product_page_to_stripe_with_a_filled_cart(live_server, fake_shop, new_page):
    page = new_page(lang="de-DE")
    page.goto(f"{live_server.url}/de/shop/product/{fake_shop.ice.pk}/")
    page.locator("input[name=quantity]").fill("2")
    page.locator("form.shop-add button[type=submit]").click()
    page.wait_for_url("**/de/shop/cart/")
    page.goto(f"{live_server.url}/de/shop/product/{fake_shop.bag.pk}/")
    page.locator("form.shop-add button[type=submit]").click()
    page.wait_for_url("**/de/shop/cart/")

    # Reloaded first: base.html's flash-message list (<ul role="status">) fails axe by itself; reported.
    page.reload()
    assert axe_violations(page) == []
    page.locator(f"input[name=delivery-{fake_shop.bag.product.producer_id}][value=shipping]").check()
    page.locator("form[action$='/cart/update/'] > p > button").click()
    page.wait_for_url("**/de/shop/cart/")
    assert "6,90" in page.locator(".shop-total").inner_text()

    page.locator("a[href$='/shop/checkout/']").click()
    page.wait_for_url("**/de/shop/checkout/")
    assert axe_violations(page) == []
    assert page.locator(".shop-legal a[href='/de/widerrufsbelehrung/']").count() == 1
    assert page.locator(".shop-legal a[href='/de/agb/']").count() == 1
    page.fill("#id_name", "Ayşe Yılmaz")
    page.fill("#id_email", "ayse@example.org")
    page.fill("#id_street", "Kortumstraße 1")
    page.fill("#id_postcode", "44787")
    page.fill("#id_city", "Bochum")
    page.locator("button.shop-order-button").click()

    page.wait_for_url(f"{fake_shop.url}/c/pay/**")
    order = Order.objects.get()
    assert page.locator("h1").inner_text() == "Fake Stripe Checkout"
    assert int(page.locator("#amount").inner_text()) == order.amount_total == 2 * 1250 + 18000 + 690
    assert order.status == Order.PENDING
    assert Offer.objects.get(pk=fake_shop.ice.pk).stock == 3


def test_cart_and_checkout_on_an_arabic_phone(live_server, fake_shop, new_page):
    page = new_page(width=360, height=740, lang="ar")
    page.goto(f"{live_server.url}/ar/shop/product/{fake_shop.bag.pk}/")
    page.locator("form.shop-add button[type=submit]").click()
    page.wait_for_url("**/ar/shop/cart/")
    page.reload()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/ar/shop/checkout/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    # Sent without a name: the error is shown and the email typed is kept.
    page.fill("#id_email", "buyer@example.org")
    page.locator("button.shop-order-button").click()
    page.wait_for_load_state()
    assert page.locator(".shop-error").count() >= 1
    assert page.locator("#id_email").input_value() == "buyer@example.org"
    assert axe_violations(page) == []
