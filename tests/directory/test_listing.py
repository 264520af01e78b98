from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.lifecycle import withdraw

from .conftest import WORKDAYS

URL = "/de/produzenten/"


def names(response):
    return [p.title for p in response.context["producers"]]


@pytest.fixture
def producers(make_producer):
    return {
        "eis": make_producer(
            "Eiscafé Nord", categories=["food"], production_form="manufactory", show_production=True,
            sells_own_shop=True, languages=["de", "it"], wheelchair_accessible=True, products=["Haselnusseis"],
        ),
        "brau": make_producer(
            "Brauhaus Süd", categories=["food"], production_form="industry", guided_tours=True,
            sells_markets=True, languages=["de", "en"], wheelchair_accessible=False, products=["Brot und Bier"],
        ),
        "pilz": make_producer(
            "Pilzbunker", categories=["food"], production_form="agriculture", guided_tours=True, workshops=True,
            sells_markets=True, sells_online=True, languages=["de", "ar"], wheelchair_accessible=True,
        ),
        "geige": make_producer(
            "Geigenbau", categories=["instruments"], production_form="manufactory", repair_service=True,
            sells_made_to_order=True, languages=["fr"], wheelchair_accessible=False,
        ),
    }


def test_directory_lists_every_published_producer_alphabetically(client, producers):
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Brauhaus Süd", "Eiscafé Nord", "Geigenbau", "Pilzbunker"]


def test_directory_is_in_the_main_menu_and_on_the_home_page(client, producers):
    home = client.get("/de/").content.decode()
    assert URL in home
    assert "Alle Betriebe mit Suche, Filtern und Karte" in home


def test_unpublished_and_withdrawn_producers_are_not_listed(client, producers, make_producer, admin_user):
    make_producer("Entwurf GmbH", publish=False)
    withdraw(producers["geige"], by=admin_user)
    assert names(client.get(URL)) == ["Brauhaus Süd", "Eiscafé Nord", "Pilzbunker"]
    assert client.get(producers["geige"].url).status_code == 404


FILTER_CASES = [
    ("category=instruments", ["Geigenbau"]),
    ("form=industry", ["Brauhaus Süd"]),
    ("form=agriculture", ["Pilzbunker"]),
    ("experience=show_production", ["Eiscafé Nord"]),
    ("experience=guided_tours", ["Brauhaus Süd", "Pilzbunker"]),
    ("experience=guided_tours&experience=workshops", ["Pilzbunker"]),
    ("experience=repair_service", ["Geigenbau"]),
    ("sold=sells_markets", ["Brauhaus Süd", "Pilzbunker"]),
    ("sold=sells_online", ["Pilzbunker"]),
    ("sold=sells_own_shop", ["Eiscafé Nord"]),
    ("sold=sells_made_to_order", ["Geigenbau"]),
    ("language=ar", ["Pilzbunker"]),
    ("language=de", ["Brauhaus Süd", "Eiscafé Nord", "Pilzbunker"]),
    ("wheelchair=on", ["Eiscafé Nord", "Pilzbunker"]),
    # Combinations narrow further.
    ("category=food&wheelchair=on&sold=sells_markets", ["Pilzbunker"]),
    ("category=food&language=en&experience=guided_tours", ["Brauhaus Süd"]),
    ("category=instruments&wheelchair=on", []),
    # Nonsense in the URL is ignored rather than failing.
    ("category=nonexistent", ["Brauhaus Süd", "Eiscafé Nord", "Geigenbau", "Pilzbunker"]),
]


def test_filters_in_the_url_narrow_the_list(client, producers):
    # One test for all cases: building the producers is the slow part.
    for query, expected in FILTER_CASES:
        response = client.get(f"{URL}?{query}")
        assert response.status_code == 200, query
        assert names(response) == expected, query


def test_label_filter_shows_only_holders(client, producers):
    # Until the label app certifies someone, nobody holds the label: the filter is wired, the list empties.
    response = client.get(f"{URL}?label=on")
    assert response.status_code == 200
    assert names(response) == []
    assert 'name="label" id="id_label" checked' in response.content.decode()


def test_search_finds_products_and_combines_with_filters(client, producers):
    assert names(client.get(f"{URL}?q=Haselnusseis")) == ["Eiscafé Nord"]
    assert names(client.get(f"{URL}?q=Pilzbunker")) == ["Pilzbunker"]
    assert names(client.get(f"{URL}?q=Pilzbunker&wheelchair=on")) == ["Pilzbunker"]
    assert names(client.get(f"{URL}?q=Geigenbau&wheelchair=on")) == []


def test_search_stems_german_words_on_postgresql(client, producers):
    if connection.vendor != "postgresql":
        pytest.skip("German stemming needs PostgreSQL's full-text search (the 'german' configuration)")
    # "Brote" (plural) finds the product "Brot und Bier"; "Biere" finds it too.
    assert names(client.get(f"{URL}?q=Brote")) == ["Brauhaus Süd"]
    assert names(client.get(f"{URL}?q=Biere")) == ["Brauhaus Süd"]


def test_filters_keep_their_state_and_pagination_keeps_the_filters(client, make_producer):
    for number in range(30):
        make_producer(f"Betrieb {number:02}", categories=["food"], wheelchair_accessible=True)
    response = client.get(f"{URL}?category=food&wheelchair=on")
    html = response.content.decode()
    assert len(response.context["producers"]) == 24
    assert "category=food&amp;wheelchair=on&amp;page=2" in html
    assert '<option value="food" selected>' in html
    second = client.get(f"{URL}?category=food&wheelchair=on&page=2")
    assert len(second.context["producers"]) == 6
    assert client.get(f"{URL}?page=999").status_code == 200


def test_open_now_filter(client, make_producer):
    make_producer("Immer offen", hours=[(day, time(0), time(23, 59)) for day in range(7)])
    make_producer("Nie offen")
    assert names(client.get(f"{URL}?open=on")) == ["Immer offen"]


def query_count(client, url):
    # A session cookie bypasses the anonymous page cache: this counts what rendering the page costs.
    client.cookies["sessionid"] = "no-session"
    client.get(url)  # Warm the per-process caches (content types, site, lookup tables).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_directory_query_budget_is_constant(client, make_producer):
    for number in range(3):
        make_producer(f"A{number}", categories=["food"], languages=["de"], hours=WORKDAYS, products=["Brot"])
    small = [query_count(client, url) for url in (URL, f"{URL}?q=Brot&category=food&open=on&language=de")]
    for number in range(20):
        make_producer(f"B{number}", categories=["food", "textiles"], languages=["de"], hours=WORKDAYS, products=["Brot"])
    large = [query_count(client, url) for url in (URL, f"{URL}?q=Brot&category=food&open=on&language=de")]
    assert small == large
    assert max(large) <= 15
