"""The tile proxy: maps get their tiles from the site, which asks the tile server once per tile."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

from tests.directory.fake_tiles import FakeTileServer

BOCHUM_Z15 = "/tiles/15/17040/10899.png"  # Bochum's centre
MUNICH_Z15 = "/tiles/15/17437/11371.png"


@pytest.fixture
def tile_server(settings):
    cache.clear()
    with FakeTileServer() as server:
        settings.DIRECTORY_TILE_URL = server.url
        settings.DIRECTORY_TILE_PROXY = True
        yield server


def test_a_tile_comes_from_the_tile_server_once_with_the_sites_user_agent(client, tile_server):
    first = client.get(BOCHUM_Z15, HTTP_USER_AGENT="Visitor's browser")
    second = client.get(BOCHUM_Z15)

    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "image/png"
    assert first.content == tile_server.png == second.content
    assert tile_server.requests == [{"path": "/15/17040/10899.png", "user_agent": "MadeByBochum/1.0 (map tiles for madebybochum.de)"}]


@pytest.mark.parametrize("path", [MUNICH_Z15, "/tiles/20/0/0.png", "/tiles/15/99999999/1.png", "/tiles/1/5/5.png"])
def test_tiles_outside_bochum_or_the_zoom_range_are_not_fetched(client, tile_server, path):
    assert client.get(path).status_code == 404
    assert tile_server.requests == []


def test_an_unreachable_tile_server_answers_a_gateway_timeout_not_an_error(client, settings):
    cache.clear()
    settings.DIRECTORY_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # discard port: refused
    response = client.get(BOCHUM_Z15)
    assert response.status_code == 504
    assert response["Cache-Control"] == "no-store"


def test_tiles_not_yet_cached_are_rate_limited_per_visitor(client, tile_server, settings):
    settings.DIRECTORY_TILE_RATE_LIMIT = 3
    statuses = [client.get(f"/tiles/15/{x}/10899.png").status_code for x in range(17038, 17042)]
    assert statuses == [200, 200, 200, 429]
    assert client.get("/tiles/15/17038/10899.png").status_code == 200  # cached tiles are not counted
    assert len(tile_server.requests) == 3


def test_with_the_proxy_the_map_loads_tiles_from_the_site_without_asking(client, index, tile_server):
    page = client.get("/de/karte/").content.decode()
    assert 'data-tiles="/tiles/{z}/{x}/{y}.png"' in page
    assert "Kartenhintergrund anzeigen" not in page


def test_without_the_proxy_the_map_asks_first_and_the_csp_allows_the_tile_server(client, index, settings):
    settings.DIRECTORY_TILE_PROXY = False
    response = client.get("/de/karte/")
    page = response.content.decode()
    assert 'data-tiles="http://127.0.0.1:9/{z}/{x}/{y}.png"' in page  # the test settings' tile server
    assert "Kartenhintergrund anzeigen" in page
    img_src = next(part for part in response["Content-Security-Policy"].split(";") if part.strip().startswith("img-src"))
    assert "http://127.0.0.1:9" in img_src.split()
    assert client.get(BOCHUM_Z15).status_code == 404
