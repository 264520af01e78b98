"""Routes under the language prefix (/de/, /en/, ...). All of them 404 while the shop is off."""

from django.urls import path

from . import views

app_name = "shop"
urlpatterns = [
    path("shop/", views.index, name="index"),
    path("shop/product/<int:pk>/", views.offer_detail, name="offer"),
    path("shop/cart/", views.cart, name="cart"),
    path("shop/cart/add/", views.cart_add, name="cart_add"),
    path("shop/cart/update/", views.cart_update, name="cart_update"),
    path("shop/checkout/", views.checkout, name="checkout"),
    path("shop/order/<uuid:number>/thanks/", views.done, name="done"),
    path("shop/order/<uuid:number>/cancelled/", views.cancelled, name="cancelled"),
    path("shop/orders/", views.order_list, name="order_list"),
    path("shop/orders/<uuid:number>/", views.order_detail, name="order_detail"),
    path("shop/orders/<uuid:number>/refund/", views.order_refund, name="order_refund"),
    path("shop/orders/<uuid:number>/cancel/", views.order_cancel, name="order_cancel"),
    path("shop/orders/part/<int:pk>/status/", views.part_status, name="part_status"),
]
