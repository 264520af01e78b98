"""The directory in Chromium: search, filter, open a profile; axe on directory, map and profile."""

import pytest

from directory.demo import PRODUCERS, seed_index, seed_producer
from tests.browser.conftest import axe_violations

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


def test_map_shows_markers_without_tiles_until_consent(live_server, producers, new_page):
    page = new_page(width=1280, lang="de-DE")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/de/karte/")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
    assert not [url for url in requests if "tile" in url]
    # Two clicks: ask, then confirm. (Tiles are blocked here; only the request matters.)
    page.route("**/*.png", lambda route: route.abort() if "tile" in route.request.url else route.continue_())
    page.locator("[data-consent-step='1']").click()
    page.locator("[data-consent-step='2']").click()
    page.wait_for_timeout(300)
    assert [url for url in requests if "tile.openstreetmap.org" in url]
