"""Typos in the directory search: on PostgreSQL a search without hits falls back to names that look
alike (pg_trgm). SQLite has no such fallback (see directory/filters.py), so these run on PostgreSQL only."""

import pytest
from django.db import connection

from .conftest import WORKDAYS
from .test_listing import URL, names, query_count

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity needs PostgreSQL's pg_trgm")

SIMILAR = "Ergebnisse für ähnliche Namen"


@pytest.fixture
def producers(make_producer):
    return [
        make_producer("Kaffeerösterei Ruhr", categories=["food"], products=["Espresso"], hours=WORKDAYS, languages=["de"]),
        make_producer("Geigenbau Hellweg", categories=["instruments"], products=["Meistergeige"]),
        make_producer("Bunkerpilze", categories=["food"], products=["Austernpilze"], wheelchair_accessible=True),
    ]


def test_a_misspelt_name_finds_the_producer_and_says_so(client, producers):
    for typo in ["Kafee", "Rösterai", "kaffeeröstrei"]:
        response = client.get(f"{URL}?q={typo}")
        assert names(response) == ["Kaffeerösterei Ruhr"], typo
        assert SIMILAR in response.content.decode(), typo


def test_a_misspelt_product_name_finds_its_producer(client, producers):
    assert names(client.get(f"{URL}?q=Austernpilse")) == ["Bunkerpilze"]
    assert names(client.get(f"{URL}?q=Meistergeiege")) == ["Geigenbau Hellweg"]


def test_exact_hits_are_not_mixed_with_similar_names(client, producers):
    response = client.get(f"{URL}?q=Espresso")
    assert names(response) == ["Kaffeerösterei Ruhr"]
    assert SIMILAR not in response.content.decode()


def test_an_unrelated_word_finds_nothing(client, producers):
    for word in ["Zahnarzt", "Versicherung", "xyz"]:
        response = client.get(f"{URL}?q={word}")
        assert names(response) == [], word
        assert SIMILAR not in response.content.decode()


def test_similar_names_still_obey_the_filters(client, producers):
    assert names(client.get(f"{URL}?q=Bunkerpilse&wheelchair=on")) == ["Bunkerpilze"]
    assert names(client.get(f"{URL}?q=Kafee&wheelchair=on")) == []


def test_the_fallback_stays_within_the_filtered_search_budget(client, make_producer, producers):
    # The roastery matches every filter while it is open (and nothing does while it is closed).
    url = f"{URL}?q=Kafee&category=food&open=on&language=de"
    small = query_count(client, url)
    for number in range(15):
        make_producer(f"Kaffeehaus {number}", categories=["food"], languages=["de"], hours=WORKDAYS, products=["Kaffee"])
    assert len(names(client.get(f"{URL}?q=Kafee"))) == 16
    assert query_count(client, url) == small
    assert small <= 15
