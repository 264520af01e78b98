"""Distances on the earth's surface, for the length of a walking route."""

from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_M = 6_371_000


def haversine_m(a, b):
    """Great-circle distance in metres between two (latitude, longitude) points in degrees."""
    lat1, lng1 = (radians(float(value)) for value in a)
    lat2, lng2 = (radians(float(value)) for value in b)
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * asin(sqrt(h))


def path_length_m(points):
    """Length in metres of the path through the points in order: straight lines between them, so
    the real walk along streets is somewhat longer."""
    return sum(haversine_m(a, b) for a, b in zip(points, points[1:]))
