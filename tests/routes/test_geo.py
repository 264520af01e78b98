import pytest

from routes.geo import haversine_m, path_length_m


def test_haversine_gives_known_distances():
    # One degree of longitude on the equator is 111.19 km on a sphere of radius 6371 km.
    assert haversine_m((0, 0), (0, 1)) == pytest.approx(111_195, abs=1)
    # Bochum Hauptbahnhof to Dortmund Hauptbahnhof: about 16.9 km as the crow flies.
    assert haversine_m((51.4784, 7.2231), (51.5178, 7.4593)) == pytest.approx(16_900, rel=0.05)
    assert haversine_m((51.48, 7.21), (51.48, 7.21)) == 0


def test_haversine_is_symmetric_and_accepts_decimals():
    from decimal import Decimal

    a, b = (Decimal("51.481950"), Decimal("7.217620")), (Decimal("51.480520"), Decimal("7.219950"))
    assert haversine_m(a, b) == pytest.approx(haversine_m(b, a))
    assert 200 < haversine_m(a, b) < 250


def test_path_length_adds_the_legs_in_order():
    a, b, c = (51.0, 7.0), (51.0, 7.01), (51.01, 7.01)
    assert path_length_m([a, b, c]) == pytest.approx(haversine_m(a, b) + haversine_m(b, c))
    # There and back again counts both ways.
    assert path_length_m([a, b, a]) == pytest.approx(2 * haversine_m(a, b))
    assert path_length_m([a]) == 0
    assert path_length_m([]) == 0
