"""Routes under the language prefix (/de/, /en/, ...)."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/confirm/<str:token>/", views.confirm_registration, name="confirm"),
    path("events/cancel/<str:token>/", views.cancel_registration, name="cancel"),
    path("events/<int:pk>/check-your-email/", views.check_email, name="check_email"),
    path("events/<int:pk>/participants/", views.participants, name="participants"),
    path("events/<int:pk>/participants.csv", views.participants_csv, name="participants_csv"),
    path("events/propose/", views.propose, name="propose"),
    path("events/proposals/", views.review_proposals, name="review"),
    path("events/proposals/<int:pk>/<str:decision>/", views.decide_proposal, name="decide"),
]
