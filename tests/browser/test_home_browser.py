"""The home page in a real browser: phone width, German and Arabic, language switch, axe-core."""

import pytest

from tests.browser.conftest import axe_violations



@pytest.mark.parametrize("code,direction", [("de", "ltr"), ("ar", "rtl")])
def test_home_page_on_a_phone_is_accessible(live_server, home, new_page, code, direction):
    page = new_page(width=360, height=740, lang=code)
    page.goto(f"{live_server.url}/{code}/")
    assert page.locator("html").get_attribute("lang") == code
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    # Nothing sticks out sideways on a small phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []


def test_language_switch_keeps_the_page_and_mirrors_the_layout(live_server, home, new_page):
    page = new_page(width=360, height=740, lang="de-DE")
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/de/")
    page.goto(f"{live_server.url}/de/verein/")
    brand_left_de = page.locator(".brand").bounding_box()["x"]

    page.locator(".lang-switch a[hreflang=ar]").click()
    page.wait_for_url("**/ar/verein/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "عن الجمعية"
    # Mirrored, not just right-aligned text: the brand moves to the right-hand side.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > brand_left_de
    assert brand["x"] + brand["width"] > 360 - 40

    page.locator(".lang-switch a[hreflang=tr]").click()
    page.wait_for_url("**/tr/verein/")
    assert page.locator("h1").inner_text() == "Dernek hakkında"


def test_keyboard_user_can_skip_to_content(live_server, home, new_page):
    page = new_page(lang="en")
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
