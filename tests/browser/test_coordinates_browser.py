"""The coordinates picker in the profile editor: the map fills the fields, the fields move the marker,
and the optional address search (here a local Nominatim stand-in) sets both."""

import pytest

from directory.demo import seed_index
from directory.models import ProducerPage
from madebybochum.pages.demo import translated
from tests.directory.fake_nominatim import FakeNominatim


@pytest.fixture
def editor_page(live_server, home, admin_user, client, new_page, settings):
    settings.DIRECTORY_TILE_URL = ""  # no tile server in tests: the picker works on a blank map
    index = seed_index(home)
    producer = ProducerPage(
        slug="werkstatt", **translated("title", {"de": "Werkstatt"}), street="Kortumstraße 1", postcode="44787",
        city="Bochum", latitude="51.480000", longitude="7.210000",
    )
    index.add_child(instance=producer)
    producer.save_revision().publish()
    client.force_login(admin_user)
    page = new_page(width=1280, height=1000)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])

    def open_editor():
        page.goto(f"{live_server.url}/admin/pages/{producer.pk}/edit/")
        page.locator("[data-coordinates-picker] [data-map]").scroll_into_view_if_needed()
        return page

    return open_editor


def test_clicking_the_map_fills_the_fields_and_typing_moves_the_marker(editor_page):
    page = editor_page()
    latitude, longitude = page.locator("input[name='latitude']"), page.locator("input[name='longitude']")
    map_box = page.locator("[data-coordinates-picker] [data-map]")
    marker = map_box.locator(".leaflet-marker-icon")
    assert marker.count() == 1
    before = marker.bounding_box()

    box = map_box.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.25)
    new_lat, new_lon = float(latitude.input_value()), float(longitude.input_value())
    assert new_lat > 51.48 and new_lon > 7.21  # up and to the right of the old point: north-east
    assert len(latitude.input_value().split(".")[1]) == 6
    after_click = marker.bounding_box()
    assert after_click["x"] > before["x"] and after_click["y"] < before["y"]

    latitude.fill("51.470000")
    page.wait_for_timeout(500)  # the map pans smoothly
    assert marker.bounding_box()["y"] > box["y"] + box["height"] * 0.25


def test_find_address_sets_the_coordinates(editor_page, settings):
    with FakeNominatim() as fake:
        settings.DIRECTORY_GEOCODER_URL = fake.url
        page = editor_page()
        page.get_by_role("button", name="Adresse suchen").click()
        choice = page.get_by_role("button", name="Kortumstraße 1, Innenstadt, Bochum, 44787, Deutschland")
        choice.click()
        assert page.locator("input[name='latitude']").input_value() == "51.481655"
        assert page.locator("input[name='longitude']").input_value() == "7.217486"
        assert fake.requests[0]["query"]["q"] == "Kortumstraße 1, 44787, Bochum"


def test_unreachable_address_search_says_so(editor_page, settings):
    settings.DIRECTORY_GEOCODER_URL = "http://127.0.0.1:9/search"
    page = editor_page()
    page.get_by_role("button", name="Adresse suchen").click()
    status = page.locator("[data-geocode-status]")
    status.filter(has_text="nicht erreichbar").wait_for()
    assert page.locator("input[name='latitude']").input_value() == "51.480000"
