"""Routes without a language prefix: machine-readable data, feeds and permanent links."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/producers.geojson", views.producers_geojson, name="directory_geojson"),
    path("api/producers.csv", views.producers_csv, name="directory_csv"),
    path("tiles/<int:z>/<int:x>/<int:y>.png", views.tile, name="directory_tile"),
]
