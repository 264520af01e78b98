"""What a visitor sees of the routes: only stops whose producer is published and not withdrawn."""

from django.db.models import Prefetch

from directory.filters import annotate_open, visible_producers
from madebybochum.routing import public_pages

from .geo import path_length_m
from .models import ExperienceRoutePage, RouteStop


def visible_stops(route, moment=None):
    """The route's stops in walking order, skipping producers a visitor may not see; each stop's
    producer carries `is_open_now`. Two queries however many stops (works on previews too, whose
    stops are not saved yet)."""
    stops = list(route.stops.all())
    producers = annotate_open(visible_producers().filter(pk__in=[stop.producer_id for stop in stops]), moment).in_bulk()
    shown = []
    for stop in stops:
        if stop.producer_id in producers:
            stop.producer = producers[stop.producer_id]
            shown.append(stop)
    return shown


def route_length_m(stops):
    """Straight-line length of the walk through the stops that have a location, in order."""
    return path_length_m([(s.producer.latitude, s.producer.longitude) for s in stops if s.producer.has_location()])


def published_routes(parent=None):
    """Published routes in the order admins gave them, each with `shown_stops` (visible ones only)."""
    routes = public_pages(ExperienceRoutePage.objects.order_by("path"))
    if parent is not None:
        routes = routes.child_of(parent)
    shown = RouteStop.objects.filter(producer__in=visible_producers()).select_related("producer").order_by("sort_order", "pk")
    return list(routes.prefetch_related(Prefetch("stops", queryset=shown, to_attr="shown_stops")))


def route_summaries(parent):
    routes = published_routes(parent)
    for route in routes:
        route.distance_km = route_length_m(route.shown_stops) / 1000
    return routes
