"""The coordinates picker under the address fields of the profile editor."""

from django import forms
from django.conf import settings
from django.urls import reverse
from wagtail.admin.panels import Panel

from . import tiles


class CoordinatesPanel(Panel):
    """A small map: clicking or dragging the marker fills the latitude/longitude fields, typing moves the
    marker. Only an enhancement: the fields work on their own, without JavaScript or map tiles."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "directory/admin/coordinates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                **tiles.map_settings(),
                geocode_url=reverse("directory_geocode") if settings.DIRECTORY_GEOCODER_URL else "",
            )
            return context

        @property
        def media(self):
            return forms.Media(
                css={"all": ["directory/vendor/leaflet/leaflet.css", "directory/admin/coordinates.css"]},
                js=["directory/vendor/leaflet/leaflet.js", "directory/map-consent.js", "directory/admin/coordinates.js"],
            )
