"""Experience routes as a visitor sees them: numbered stops, the walk on the map, a printable handout."""

import re
from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.lifecycle import withdraw
from routes.geo import path_length_m
from routes.models import ExperienceRoutePage

ALWAYS = [(day, time(0), time(23, 59)) for day in range(7)]


@pytest.fixture
def producers(make_producer):
    return [
        make_producer(
            "Rösterei Kortum", street="Kortumstraße 88", postcode="44787", latitude="51.480520", longitude="7.219950",
            guided_tours=True, show_production=True, hours=ALWAYS,
            texts={"intro": {"de": "Kaffee, langsam geröstet.", "en": "Coffee, roasted slowly."}},
        ),
        make_producer(
            "Geigenbau Hellweg", street="Hellweg 7", postcode="44787", latitude="51.483210", longitude="7.214890",
            repair_service=True,
        ),
        make_producer(
            "Eismanufaktur", street="Brückstraße 41", postcode="44787", latitude="51.481950", longitude="7.217620",
            workshops=True,
        ),
    ]


def stop_names(html):
    return re.findall(r'<h3 class="route-stop__name">.*?<a href="[^"]+">([^<]+)</a>', html)


def test_route_shows_numbered_stops_in_walking_order(client, producers, make_route):
    roastery, violins, ice = producers
    route = make_route([violins, ice, roastery], notes={ice.pk: {"de": "Im Schaufenster zusehen.", "en": "Watch in the shop window."}})
    assert route.url == "/de/routen/runde-1/"
    html = client.get("/en/routen/runde-1/").content.decode()
    assert stop_names(html) == ["Geigenbau Hellweg", "Eismanufaktur", "Rösterei Kortum"]
    assert re.findall(r'data-stop-number="(\d)"', html) == ["1", "2", "3"]
    for text in [
        "Werkstatt-Runde (en)", "A walk through the city centre.", "Kortumstraße 88", "44787 Bochum",
        "Coffee, roasted slowly.", "Guided tours", "Repair service", "Hands-on workshops", "Watch in the shop window.",
        'href="/en/produzenten/', "3 stops",
    ]:
        assert text in html, text
    # Only the always-open roastery is open now.
    assert html.count('class="tag--open"') == 1


def test_route_shows_its_approximate_length(client, producers, make_route):
    roastery, violins, ice = producers
    make_route([violins, ice, roastery])
    expected = path_length_m([(p.latitude, p.longitude) for p in (violins, ice, roastery)]) / 1000
    assert 0.4 < expected < 0.8
    html = client.get("/de/routen/runde-1/").content.decode()
    assert f"etwa {expected:.1f} km Luftlinie".replace(".", ",") in html


def test_withdrawn_and_unpublished_producers_are_skipped(client, producers, make_route, admin_user):
    roastery, violins, ice = producers
    make_route([violins, ice, roastery])
    withdraw(violins, by=admin_user)
    ice.unpublish()
    html = client.get("/de/routen/runde-1/").content.decode()
    assert stop_names(html) == ["Rösterei Kortum"]
    assert "Geigenbau" not in html and "Eismanufaktur" not in html
    assert re.findall(r'data-stop-number="(\d)"', html) == ["1"]


def test_map_gets_the_stops_in_order_and_works_without_inline_script(client, producers, make_route):
    roastery, violins, ice = producers
    make_route([violins, ice, roastery])
    response = client.get("/de/routen/runde-1/")
    html = response.content.decode()
    assert re.findall(r'data-stop-lat="([\d.]+)" data-stop-lng="([\d.]+)"', html) == [
        ("51.483210", "7.214890"), ("51.481950", "7.217620"), ("51.480520", "7.219950"),
    ]
    assert 'id="route-map"' in html and 'data-tiles="/tiles/{z}/{x}/{y}.png"' in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all("src=" in attrs for attrs in scripts), scripts
    for script in ("directory/vendor/leaflet/leaflet.js", "directory/map-consent.js", "routes/route-map.js", "routes/print.js"):
        assert script in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_print_button_is_a_real_button_revealed_by_script(client, producers, make_route):
    make_route(producers)
    html = client.get("/de/routen/runde-1/").content.decode()
    assert re.search(r'<button type="button" class="button" data-print hidden>Route drucken</button>', html)
    assert "onclick" not in html


def test_route_without_visible_stops_says_so(client, producers, make_route, admin_user):
    make_route(producers[:1])
    withdraw(producers[0], by=admin_user)
    html = client.get("/de/routen/runde-1/").content.decode()
    assert 'id="route-map"' not in html
    assert "Diese Route hat im Moment keine Stationen." in html


@pytest.fixture
def uncached(settings):
    """Render every request: the anonymous page cache would answer repeats without a query."""
    settings.PAGE_CACHE_EXCLUDE = [*settings.PAGE_CACHE_EXCLUDE, "/"]


def route_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Measured: 11. The site, Wagtail's routing and view-restriction check (8); then the stops, the view
# restrictions for the producers, and the producers with their open-now state (3).
ROUTE_BUDGET = 11


def test_route_query_count_does_not_grow_with_its_stops(client, make_producer, make_route, uncached, django_assert_max_num_queries):
    few = [make_producer(f"Klein {n}", latitude="51.48", longitude="7.21", hours=ALWAYS, guided_tours=True) for n in range(2)]
    many = [make_producer(f"Groß {n}", latitude="51.48", longitude="7.22", hours=ALWAYS, workshops=True) for n in range(8)]
    small, large = make_route(few), make_route(many)
    counts = [route_queries(client, small.url), route_queries(client, large.url)]
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(ROUTE_BUDGET):
        assert "Groß 7" in client.get(large.url).content.decode()


def test_route_overview_lists_routes_with_stops_and_length(client, producers, make_route, admin_user):
    roastery, violins, ice = producers
    make_route([violins, ice, roastery], title="Werkstatt-Runde")
    make_route([roastery, ice], title="Genuss-Runde")
    withdraw(violins, by=admin_user)
    html = client.get("/de/routen/").content.decode()
    assert html.index("Werkstatt-Runde") < html.index("Genuss-Runde")
    # The withdrawn producer no longer counts.
    assert html.count("2 Stationen") == 2
    assert "km Luftlinie" in html


def test_map_page_links_the_routes(client, producers, make_route):
    route = make_route(producers, title="Werkstatt-Runde")
    html = client.get("/de/karte/").content.decode()
    assert f'<a href="{route.url}">Werkstatt-Runde</a>' in html
    assert "Erlebnisrouten" in html


def test_unpublished_route_is_not_shown(client, producers, make_route):
    route = make_route(producers)
    route.unpublish()
    assert client.get("/de/routen/runde-1/").status_code == 404
    assert "Werkstatt-Runde" not in client.get("/de/karte/").content.decode()


def test_admin_composes_a_route_from_producers_only(admin_client, producers, route_index):
    response = admin_client.get(f"/admin/pages/add/routes/experienceroutepage/{route_index.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    chooser = form.formsets["stops"].empty_form.fields["producer"].widget
    assert [model.__name__ for model in chooser.target_models] == ["ProducerPage"]
    assert set(form.fields) >= {"title_de", "intro_de", "intro_ar"}
    assert {"note_de", "note_tr"} <= set(form.formsets["stops"].empty_form.fields)
    assert ExperienceRoutePage.allowed_parent_page_models()[0].__name__ == "ExperienceRouteIndexPage"
