"""The route page's context. Rules live in selectors.py and geo.py."""

from directory import tiles

from .selectors import route_length_m, visible_stops


def route_context(request, route):
    stops = visible_stops(route)
    return {
        "stops": stops,
        "located_stops": sum(1 for stop in stops if stop.producer.has_location()),
        "distance_km": route_length_m(stops) / 1000,
        "index_page": route.get_parent(),
        **tiles.map_settings(),
    }
