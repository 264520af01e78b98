"""Routes without a language prefix: the Stripe webhook."""

from django.urls import path

from . import views

urlpatterns = [
    path("shop/stripe/webhook/", views.webhook, name="shop_stripe_webhook"),
]
