"""The optional address search of the coordinates picker, against a local Nominatim stand-in."""

import socket

import pytest

from madebybochum.pages.demo import ensure_user

from .fake_nominatim import FakeNominatim

URL = "/admin/directory/geocode/"


@pytest.fixture
def editor(client, make_producer):
    """A member, logged in: members fill in their own addresses."""
    producer = make_producer("Werkstatt")
    member, _created = ensure_user("anna", "anna", "anna@example.org")
    producer.members.add(member)
    client.force_login(member)
    return producer


def test_search_returns_coordinates_from_the_configured_service(client, editor, settings):
    with FakeNominatim() as fake:
        settings.DIRECTORY_GEOCODER_URL = fake.url
        response = client.get(URL, {"q": "Kortumstraße 1, 44787, Bochum"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0] == {"label": "Kortumstraße 1, Innenstadt, Bochum, 44787, Deutschland", "lat": 51.481655, "lon": 7.217486}
    assert len(results) == 2
    request = fake.requests[0]
    assert request["query"]["format"] == "jsonv2" and request["query"]["q"] == "Kortumstraße 1, 44787, Bochum"
    assert "MadeByBochum" in request["user_agent"]


def test_no_match_is_an_empty_list(client, editor, settings):
    with FakeNominatim() as fake:
        settings.DIRECTORY_GEOCODER_URL = fake.url
        assert client.get(URL, {"q": "Nirgendwo 99"}).json() == {"results": []}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_service_gets_a_clear_message(client, editor, settings):
    settings.DIRECTORY_GEOCODER_URL = f"http://127.0.0.1:{free_port()}/search"
    response = client.get(URL, {"q": "Kortumstraße 1"}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 502
    assert response.json()["error"].startswith("Die Adresssuche ist gerade nicht erreichbar.")


def test_slow_service_times_out(client, editor, settings):
    with FakeNominatim(delay=1.5) as fake:
        settings.DIRECTORY_GEOCODER_URL = fake.url
        settings.DIRECTORY_GEOCODER_TIMEOUT = 0.5
        assert client.get(URL, {"q": "Kortumstraße 1"}).status_code == 502


def test_garbage_answer_counts_as_unreachable(client, editor, settings):
    with FakeNominatim(body=b"<html>maintenance</html>") as fake:
        settings.DIRECTORY_GEOCODER_URL = fake.url
        assert client.get(URL, {"q": "Kortumstraße 1"}).status_code == 502


def test_without_a_configured_service_there_is_no_search(client, editor, settings):
    settings.DIRECTORY_GEOCODER_URL = ""
    assert client.get(URL, {"q": "Kortumstraße 1"}).status_code == 503
    html = client.get(f"/admin/pages/{editor.pk}/edit/").content.decode()
    assert "data-coordinates-picker" in html and "data-geocode" not in html.replace("data-geocode-url", "")
    settings.DIRECTORY_GEOCODER_URL = "http://127.0.0.1:9/search"
    html = client.get(f"/admin/pages/{editor.pk}/edit/").content.decode()
    assert 'data-geocode-url="/admin/directory/geocode/"' in html


def test_visitors_cannot_use_the_search(client, settings):
    settings.DIRECTORY_GEOCODER_URL = "http://127.0.0.1:9/search"
    response = client.get(URL, {"q": "Kortumstraße 1"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_editor_loads_the_vendored_leaflet_and_keeps_plain_fields(client, editor):
    html = client.get(f"/admin/pages/{editor.pk}/edit/").content.decode()
    assert "directory/vendor/leaflet/leaflet.js" in html and "directory/admin/coordinates.js" in html
    assert 'name="latitude"' in html and 'name="longitude"' in html
    assert "unpkg.com" not in html and "cdn" not in html.lower().replace("cdnjs", "")
