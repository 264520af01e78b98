"""Optional address search (settings.DIRECTORY_GEOCODER_URL, a Nominatim-compatible /search URL).
The site works without it: coordinates can always be picked on the map or typed in."""

import json
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils import translation


class Unreachable(Exception):
    pass


def search(query, limit=5):
    """Places matching `query` as [{"label", "lat", "lon"}], best first; Unreachable if the service
    does not answer in time or answers with something other than Nominatim's JSON."""
    params = urllib.parse.urlencode({"q": query, "format": "jsonv2", "limit": limit, "countrycodes": "de"})
    separator = "&" if "?" in settings.DIRECTORY_GEOCODER_URL else "?"
    request = urllib.request.Request(
        f"{settings.DIRECTORY_GEOCODER_URL}{separator}{params}",
        # Nominatim's usage policy asks for an identifying User-Agent.
        headers={"User-Agent": "MadeByBochum/1.0 (producer directory)", "Accept-Language": translation.get_language() or "de"},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.DIRECTORY_GEOCODER_TIMEOUT) as response:
            places = json.loads(response.read(1_000_000))
        return [
            {"label": str(place.get("display_name", "")), "lat": round(float(place["lat"]), 6), "lon": round(float(place["lon"]), 6)}
            for place in places[:limit]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        # OSError covers refused connections, timeouts and HTTP errors (urllib.error.URLError).
        raise Unreachable from error
