"""The route page's context. Rules live in selectors.py and geo.py."""

from django.conf import settings

from .selectors import route_length_m, visible_stops


def route_context(request, route):
    stops = visible_stops(route)
    return {
        "stops": stops,
        "located_stops": sum(1 for stop in stops if stop.producer.has_location()),
        "distance_km": route_length_m(stops) / 1000,
        "index_page": route.get_parent(),
        "tile_url": settings.DIRECTORY_TILE_URL,
        "tile_attribution": settings.DIRECTORY_TILE_ATTRIBUTION,
    }
