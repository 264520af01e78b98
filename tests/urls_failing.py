"""A URL conf with a view that fails, to see the 500 page as a visitor would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path


def fails(request):
    raise RuntimeError("deliberate failure for the 500 page test")


handler500 = "madebybochum.pages.views.server_error"
urlpatterns = i18n_patterns(path("fails/", fails), prefix_default_language=True)
