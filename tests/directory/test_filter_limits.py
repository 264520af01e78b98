"""Repeated filter values cost nothing extra, and query strings beyond the site's limits get a clear 400.

A join per value let `/api/producers.geojson?language=de` repeated 60 times grow a PostgreSQL backend to
20 GB; on SQLite twelve languages were a 500 (its 64-table join limit)."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from directory.filters import filter_producers

from .test_listing import names, producers  # noqa: F401  (fixture)

URL = "/de/produzenten/"


MOMENT = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)


def sql(params):
    queryset, _form, _order = filter_producers(QueryDict(params), moment=MOMENT)
    return str(queryset.query)


def test_a_repeated_value_is_the_same_query_as_one(db):
    assert sql("&".join(["language=de"] * 1000)) == sql("language=de")
    assert sql("&".join(["experience=workshops", "sold=sells_markets"] * 500)) == sql("experience=workshops&sold=sells_markets")


def test_each_language_filter_costs_one_subquery_however_many_languages(db):
    one, three = sql("language=de"), sql("language=de&language=ar&language=en")
    assert three.count("JOIN") == one.count("JOIN")
    assert three.count("SELECT") == one.count("SELECT")


def test_several_languages_still_mean_all_of_them(client, producers):  # noqa: F811
    assert names(client.get(f"{URL}?language=de&language=ar")) == ["Pilzbunker"]
    assert names(client.get(f"{URL}?language=de&language=de&language=ar&language=ar")) == ["Pilzbunker"]
    assert names(client.get(f"{URL}?language=ar&language=fr")) == []


@pytest.mark.parametrize("url", [URL, "/api/producers.geojson", "/api/producers.csv", "/de/karte/"])
def test_repeated_values_within_the_limit_answer_like_one(client, producers, url):  # noqa: F811
    once = client.get(f"{url}?language=de")
    many = client.get(f"{url}?" + "&".join(["language=de"] * 20))
    assert many.status_code == once.status_code == 200
    if url.startswith("/api/"):
        assert many.content == once.content
    elif url == URL:
        assert names(many) == names(once) == ["Brauhaus Süd", "Eiscafé Nord", "Pilzbunker"]


def test_the_database_sees_one_subquery_for_twenty_repeated_values(client, producers):  # noqa: F811
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/producers.csv?" + "&".join(["language=de"] * 20))
    assert len(response.content.decode().splitlines()) == 2 + 3  # licence, header, three producers
    assert max(query["sql"].count("JOIN") for query in queries.captured_queries) < 10


@pytest.mark.parametrize(
    "query",
    [
        "&".join(["language=de"] * 1000),  # too long
        "&".join(["language=de"] * 21),  # too many values for one parameter
        "&".join(f"p{number}=1" for number in range(31)),  # too many parameters
    ],
)
@pytest.mark.parametrize("url", [URL, "/api/producers.geojson", "/api/producers.csv", "/de/karte/", "/de/"])
def test_oversized_query_strings_get_a_clear_answer(client, producers, url, query):  # noqa: F811
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert "Bitte wählen Sie weniger Filter" in response.content.decode()


def test_the_answer_is_in_the_visitors_language(client, producers):  # noqa: F811
    response = client.get("/ar/produzenten/?" + "&".join(["language=de"] * 21))
    assert response.status_code == 400
    assert 'dir="rtl"' in response.content.decode()
    assert "Bitte" not in response.content.decode()


def test_a_thousand_repeated_values_find_what_one_finds(producers):  # noqa: F811
    many, _form, _order = filter_producers(QueryDict("&".join(["language=de", "language=ar"] * 500)), moment=MOMENT)
    assert list(many.values_list("title_de", flat=True)) == ["Pilzbunker"]


@pytest.mark.parametrize("q", ['"', "(", "*", "^", ":", '"Pilzbunker', 'Pilzbunker"', "Pilzbunker*", "(Pilzbunker)"])
def test_search_syntax_in_the_query_is_taken_as_text(client, producers, q):  # noqa: F811
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert names(response) == (["Pilzbunker"] if "Pilzbunker" in q else [])
