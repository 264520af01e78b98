"""A walking route in Chromium: numbered markers and the walking line without tiles, a clean printout."""

import pytest

from directory.demo import PRODUCERS, seed_index, seed_producer
from routes import demo as routes_demo
from tests.browser.conftest import axe_violations

URL = "/{lang}/routen/ehrenfeld-runde/"


@pytest.fixture
def route(home):
    index = seed_index(home)
    producers = {spec["slug"]: seed_producer(index, spec) for spec in PRODUCERS}
    return routes_demo.seed_route(routes_demo.seed_index(home), routes_demo.ROUTES[0], producers)


def test_route_map_draws_numbered_stops_and_the_walk_asking_no_other_server(live_server, route, new_page):
    page = new_page(width=1280, lang="de-DE")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + URL.format(lang="de"))
    page.wait_for_selector(".route-marker")
    assert page.locator(".route-marker").all_inner_texts() == ["1", "2", "3", "4", "5"]
    assert page.locator(".route-marker").first.get_attribute("title") == "1. Änderungsschneiderei Yıldız"
    assert page.locator("path.route-line").count() == 1
    # Tiles come through the site's proxy: the browser asks no other server.
    assert [url for url in requests if "/tiles/" in url]
    assert all(url.startswith(live_server.url) for url in requests)
    # The list is complete without the map.
    assert page.locator(".route-stop").count() == 5


def test_printing_leaves_only_the_handout(live_server, route, new_page):
    page = new_page(width=1280, lang="de-DE")
    page.goto(live_server.url + URL.format(lang="de"))
    assert page.locator("button[data-print]").is_visible()
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", "#route-map", "button[data-print]"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".route-stop").count() == 5
    assert page.locator(".route-stop address").first.is_visible()
    assert page.locator(".route-print-brand").is_visible()
    pdf = page.pdf(format="A4")
    # A handout of one or two A4 pages.
    assert 1 <= pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") <= 2


@pytest.mark.parametrize("code", ["de", "ar"])
def test_route_pages_have_no_axe_violations_on_a_phone(live_server, route, new_page, code):
    page = new_page(width=360, height=740, lang=code)
    for path in ["/routen/", "/routen/ehrenfeld-runde/"]:
        page.goto(f"{live_server.url}/{code}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert axe_violations(page) == [], path
