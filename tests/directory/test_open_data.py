import csv
import io
import json

import pytest

from directory.lifecycle import withdraw


@pytest.fixture
def producers(make_producer, admin_user):
    shown = make_producer("Rösterei", categories=["food"], latitude="51.480520", longitude="7.219950", wheelchair_accessible=True)
    other = make_producer("Geigenbau", categories=["instruments"], latitude="51.483210", longitude="7.214890")
    make_producer("Entwurf", latitude="51.48", longitude="7.21", publish=False)
    gone = make_producer("Aufgegeben", latitude="51.48", longitude="7.21")
    withdraw(gone, by=admin_user)
    return shown, other


def test_geojson_is_an_rfc7946_feature_collection(client, producers):
    response = client.get("/api/producers.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert "CC BY 4.0" in data["licence"]
    assert [f["properties"]["name"] for f in data["features"]] == ["Geigenbau", "Rösterei"]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        longitude, latitude = geometry["coordinates"]
        # RFC 7946 §3.1.1: longitude first; Bochum is at about 7.2°E, 51.5°N.
        assert 7 < longitude < 8 and 51 < latitude < 52
        assert all(isinstance(value, float) for value in geometry["coordinates"])
    roastery = data["features"][1]
    assert roastery["geometry"]["coordinates"] == [7.21995, 51.48052]
    assert roastery["properties"]["url"].endswith(f"/de/produzenten/{producers[0].slug}/")
    assert roastery["properties"]["categories"] == ["food"]
    assert roastery["properties"]["label"] is None


def test_exports_exclude_unpublished_and_withdrawn_producers(client, producers):
    body = client.get("/api/producers.geojson").content.decode() + client.get("/api/producers.csv").content.decode()
    assert "Entwurf" not in body and "Aufgegeben" not in body


def test_exports_honour_the_directory_filters(client, producers):
    data = json.loads(client.get("/api/producers.geojson?category=food&wheelchair=on").content)
    assert [f["properties"]["name"] for f in data["features"]] == ["Rösterei"]
    rows = list(csv.reader(io.StringIO(client.get("/api/producers.csv?category=instruments").content.decode())))
    assert rows[0][0].startswith("# Licence: CC BY 4.0")
    assert rows[1][:3] == ["id", "name", "url"]
    assert [row[1] for row in rows[2:]] == ["Geigenbau"]


def test_exports_are_language_neutral(client, producers):
    german = client.get("/api/producers.geojson", HTTP_ACCEPT_LANGUAGE="de").content
    arabic = client.get("/api/producers.geojson", HTTP_ACCEPT_LANGUAGE="ar").content
    assert german == arabic


def test_members_share_the_cached_exports_and_see_a_withdrawal_at_once(client, producers, admin_user):
    client.force_login(admin_user)
    first = client.get("/api/producers.geojson")
    again = client.get("/api/producers.geojson")
    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    assert again.content == first.content
    assert "private" in again["Cache-Control"]
    withdraw(producers[1], by=admin_user)
    names = [f["properties"]["name"] for f in json.loads(client.get("/api/producers.geojson").content)["features"]]
    assert names == ["Rösterei"]
    assert "Geigenbau" not in client.get("/api/producers.csv").content.decode()


def test_typed_formulas_arrive_as_text_in_the_csv_export(client, make_producer):
    make_producer('=HYPERLINK("http://evil.example","Klick")', street="@Hauptstraße 1", latitude="51.48", longitude="7.21")
    rows = list(csv.reader(io.StringIO(client.get("/api/producers.csv").content.decode())))
    assert rows[2][1] == "'=HYPERLINK(\"http://evil.example\",\"Klick\")"
    assert rows[2][6] == "'@Hauptstraße 1"
    assert rows[2][9] == "51.480000"


def test_wagtail_admin_exports_neutralise_typed_formulas(client, make_producer, admin_user):
    make_producer("=1+2 Werkstatt")
    client.force_login(admin_user)
    response = client.get("/admin/reports/site-history/?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "'=1+2 Werkstatt" in text
    assert ",=1+2" not in text
