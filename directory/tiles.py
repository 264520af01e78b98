"""Map tiles. By default the site serves them itself (`/tiles/z/x/y.png`): it fetches each tile once from
settings.DIRECTORY_TILE_URL with an identifying User-Agent (as the OpenStreetMap tile policy asks), keeps it
in the cache, and no visitor's address reaches the tile server, so no consent is needed. With
DIRECTORY_TILE_PROXY off, browsers load tiles from the tile server directly, after a two-click consent."""

import math
import urllib.request

from django.conf import settings
from django.core.cache import cache

MAX_ZOOM = 19
MAX_BYTES = 500_000


class Unreachable(Exception):
    pass


def map_settings():
    """What a map element needs: the tile URL template for Leaflet, the attribution, and whether the
    visitor must agree before tiles load."""
    if not settings.DIRECTORY_TILE_URL:
        return {"tile_url": "", "tile_attribution": "", "tile_consent": False}
    proxied = settings.DIRECTORY_TILE_PROXY
    # The proxy's route (directory/urls_neutral.py) as Leaflet's URL template.
    url = "/tiles/{z}/{x}/{y}.png" if proxied else settings.DIRECTORY_TILE_URL
    return {"tile_url": url, "tile_attribution": settings.DIRECTORY_TILE_ATTRIBUTION, "tile_consent": not proxied}


def _tile_range(zoom):
    """The x and y ranges of tiles at `zoom` that touch settings.DIRECTORY_TILE_BOUNDS (west, south, east, north)."""
    west, south, east, north = settings.DIRECTORY_TILE_BOUNDS
    n = 2**zoom

    def x_of(lon):
        return int((lon + 180) / 360 * n)

    def y_of(lat):
        rad = math.radians(lat)
        return int((1 - math.asinh(math.tan(rad)) / math.pi) / 2 * n)

    return range(x_of(west), x_of(east) + 1), range(y_of(north), y_of(south) + 1)


def served(zoom, x, y):
    """Only tiles of the area the maps show are served, so the site is no open proxy for the world's tiles."""
    if not 0 <= zoom <= MAX_ZOOM:
        return False
    xs, ys = _tile_range(zoom)
    return x in xs and y in ys


def cached(zoom, x, y):
    """The PNG bytes of a tile fetched before, or None."""
    return cache.get(f"tile:{zoom}:{x}:{y}")


def fetch(zoom, x, y):
    """The PNG bytes of one tile from the tile server, cached for the next visitor."""
    url = settings.DIRECTORY_TILE_URL.format(z=zoom, x=x, y=y, s="a")
    request = urllib.request.Request(url, headers={"User-Agent": settings.DIRECTORY_TILE_USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=settings.DIRECTORY_TILE_TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            kind = response.headers.get_content_type()
    except OSError as error:  # refused, timed out, or an HTTP error status (urllib.error.URLError)
        raise Unreachable from error
    if len(data) > MAX_BYTES or not kind.startswith("image/"):
        raise Unreachable(f"not a tile: {kind}, {len(data)} bytes")
    cache.set(f"tile:{zoom}:{x}:{y}", data, timeout=settings.DIRECTORY_TILE_CACHE_SECONDS)
    return data
