"""Routes under the language prefix (/de/, /en/, ...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("karte/", views.producer_map, name="directory_map"),
    path("mitmachen/", views.join, name="directory_join"),
    path("claim/<str:token>/", views.claim, name="directory_claim"),
]
