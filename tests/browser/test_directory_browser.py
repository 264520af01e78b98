"""The directory in Chromium: search, filter, open a profile; axe on directory, map and profile."""

import pytest
from django.core.cache import cache

from directory.demo import PRODUCERS, seed_index, seed_producer
from tests.browser.conftest import axe_violations
from tests.directory.fake_tiles import FakeTileServer, tile_png

SLUGS = ["roesterei-kortum", "bunkerpilze", "geigenbau-hellweg"]


@pytest.fixture
def producers(home):
    index = seed_index(home)
    return [seed_producer(index, spec) for spec in PRODUCERS if spec["slug"] in SLUGS]


def test_visitor_searches_filters_and_opens_a_profile(live_server, producers, new_page):
    page = new_page(width=1280, lang="de-DE")
    page.goto(f"{live_server.url}/de/produzenten/")
    assert page.locator(".producer-card").count() == 3

    page.locator("#id_q").fill("Pilze")
    page.locator(".directory-filters button[type=submit]").click()
    page.wait_for_url("**q=Pilze**")
    assert page.locator(".producer-card h3").all_inner_texts() == ["Bunkerpilze"]

    # Filters combine with the search and live in the URL; the back button returns to the previous list.
    page.locator("input[name=experience][value=guided_tours]").check()
    page.locator(".directory-filters button[type=submit]").click()
    page.wait_for_url("**experience=guided_tours**")
    assert page.locator(".producer-card h3").all_inner_texts() == ["Bunkerpilze"]
    page.locator("input[name=wheelchair]").check()
    page.locator(".directory-filters button[type=submit]").click()
    page.wait_for_url("**wheelchair=on**")
    assert page.locator(".producer-card").count() == 0
    page.go_back()
    assert page.locator(".producer-card h3").all_inner_texts() == ["Bunkerpilze"]

    page.locator(".producer-card a", has_text="Bunkerpilze").click()
    page.wait_for_url("**/de/produzenten/bunkerpilze/")
    assert page.locator("h1").inner_text() == "Bunkerpilze"
    assert page.locator(".product h3").first.inner_text() == "Austernpilze, 250 g"


@pytest.mark.parametrize("code", ["de", "ar"])
def test_directory_map_and_profile_have_no_axe_violations(live_server, producers, new_page, code):
    page = new_page(width=360, height=740, lang=code)
    for path in ["/produzenten/", "/produzenten/?category=food&experience=guided_tours", "/karte/", "/produzenten/roesterei-kortum/"]:
        page.goto(f"{live_server.url}/{code}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert axe_violations(page) == [], path


def painted_tiles(page):
    """How many tiles are on screen as decoded 256 px images (Leaflet marks them loaded)."""
    page.wait_for_function("document.querySelectorAll('img.leaflet-tile-loaded').length > 0", timeout=10000)
    return page.evaluate(
        "[...document.querySelectorAll('img.leaflet-tile-loaded')].filter(img => img.naturalWidth === 256).length"
    )


def watch_csp(page):
    page.add_init_script(
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
        "e => window.cspViolations.push(e.blockedURI + ' ' + e.violatedDirective));"
    )


def test_the_map_paints_tiles_through_the_sites_proxy_at_once(live_server, producers, new_page, settings):
    cache.clear()
    with FakeTileServer() as tile_server:
        settings.DIRECTORY_TILE_URL, settings.DIRECTORY_TILE_PROXY = tile_server.url, True
        page = new_page(width=390, height=844, lang="de-DE")
        watch_csp(page)
        browser_requests = []
        page.on("request", lambda request: browser_requests.append(request.url))
        page.goto(f"{live_server.url}/de/karte/")

        assert painted_tiles(page) > 0
        assert page.get_by_role("button", name="Kartenhintergrund anzeigen").count() == 0
        # Leaflet's controls in the visitor's language.
        assert page.get_by_role("button", name="Vergrößern").is_visible()
        assert page.get_by_role("button", name="Verkleinern").is_visible()
        assert page.evaluate("window.cspViolations") == []
        # The browser only talks to the site; the tile server only sees the site.
        assert all(url.startswith(live_server.url) for url in browser_requests)
        assert tile_server.requests and {r["user_agent"] for r in tile_server.requests} == {settings.DIRECTORY_TILE_USER_AGENT}


def test_without_the_proxy_tiles_load_only_after_consent_which_can_be_withdrawn(live_server, producers, new_page, settings):
    settings.DIRECTORY_TILE_PROXY = False
    png = tile_png()
    page = new_page(width=1280, lang="de-DE")
    watch_csp(page)
    tile_requests = []
    # The test settings' tile server (a closed port), answered at the network boundary.
    page.route("http://127.0.0.1:9/**", lambda route: (tile_requests.append(route.request.url), route.fulfill(body=png, content_type="image/png")))
    page.goto(f"{live_server.url}/de/karte/")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
    assert tile_requests == []

    page.get_by_role("button", name="Kartenhintergrund anzeigen").click()
    page.get_by_role("button", name="Ja, Kartenkacheln laden").click()
    assert painted_tiles(page) > 0
    assert page.evaluate("window.cspViolations") == []

    page.get_by_role("button", name="Kartenhintergrund nicht mehr laden").click()
    assert page.locator("img.leaflet-tile").count() == 0
    assert page.get_by_role("button", name="Kartenhintergrund anzeigen").is_visible()
    tile_requests.clear()
    page.reload()
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
    assert tile_requests == []


def test_on_a_phone_search_results_come_first_and_the_filters_fold_away(live_server, producers, new_page):
    page = new_page(width=390, height=844, lang="de-DE")
    page.goto(f"{live_server.url}/de/produzenten/")
    page.get_by_role("searchbox", name="Suche").fill("Pilze")
    page.get_by_role("button", name="Produzenten anzeigen").click()
    page.wait_for_url("**q=Pilze**")
    first_card = page.locator(".producer-card").first
    assert first_card.inner_text().startswith("Bunkerpilze")
    assert first_card.bounding_box()["y"] < 844, "the first result is on the first screen"
    category = page.get_by_label("Kategorie")
    assert not category.is_visible()

    page.get_by_text("Filter", exact=True).click()
    category.select_option(label="Lebensmittel und Getränke")
    page.get_by_role("button", name="Produzenten anzeigen").click()
    page.wait_for_url("**category=**")
    assert page.get_by_text("Filter (1 gesetzt)").is_visible()

    desktop = new_page(width=1280, lang="de-DE")
    desktop.goto(f"{live_server.url}/de/produzenten/")
    assert desktop.get_by_label("Kategorie").is_visible()
    assert not desktop.get_by_text("Filter", exact=True).is_visible()
