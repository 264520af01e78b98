"""Routes without a language prefix: machine-readable data, feeds and permanent links."""

from django.urls import path

from . import views

urlpatterns = [
    path("events/calendar.ics", views.feed_all, name="events_feed"),
    path("events/producer/<slug:slug>.ics", views.feed_producer, name="events_feed_producer"),
    path("events/format/<str:format>.ics", views.feed_format, name="events_feed_format"),
    path("events/<int:pk>.ics", views.feed_event, name="events_feed_event"),
]
