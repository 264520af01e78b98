import pytest
from django.utils import translation

from madebybochum.pages.demo import translated
from routes.demo import seed_index
from routes.models import ExperienceRoutePage, RouteStop
from tests.directory.conftest import index, make_producer  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _german():
    """Page URLs follow the active language, which a browser test in another language can leave behind."""
    with translation.override("de"):
        yield


@pytest.fixture
def route_index(home):
    return seed_index(home)


@pytest.fixture
def make_route(route_index):
    """Create and publish a route through the given producers, in order; `notes` maps a producer to its note."""
    counter = {"n": 0}

    def make(producers, title="Werkstatt-Runde", notes=None):
        counter["n"] += 1
        route = ExperienceRoutePage(
            slug=f"runde-{counter['n']}",
            **translated("title", {"de": title, "en": f"{title} (en)"}),
            **translated("intro", {"de": "Ein Spaziergang durch die Innenstadt.", "en": "A walk through the city centre."}),
        )
        for number, producer in enumerate(producers):
            note = (notes or {}).get(producer.pk, {"de": ""})
            route.stops.add(RouteStop(producer=producer, sort_order=number, **translated("note", note)))
        route_index.add_child(instance=route)
        route.save_revision().publish()
        return ExperienceRoutePage.objects.get(pk=route.pk)

    return make
