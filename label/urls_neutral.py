"""Routes without a language prefix: machine-readable data, feeds and permanent links.

/v/<number> is printed on window stickers as a QR code: it must never change. It serves the visitor's
language (LocaleMiddleware picks it from the cookie or Accept-Language)."""

from django.urls import path

from . import views

urlpatterns = [
    # Same name as the prefixed page: resolving /v/<n> gives "label_verify", whose reverse in another
    # language is the prefixed twin, so the language switcher works here too.
    path("v/<str:number>", views.verify, name="label_verify"),
    # The same route again under its own name, for building the permanent short URL.
    path("v/<str:number>", views.verify, name="label_short"),
    path("v/<str:number>/qr.svg", views.qr_svg, name="label_qr_svg"),
    path("v/<str:number>/qr.png", views.qr_png, name="label_qr_png"),
    path("v/<str:number>/sticker.svg", views.sticker_svg, name="label_sticker"),
    path("api/label-holders.json", views.holders_json, name="label_holders_json"),
]
