"""Admin: shop offers as snippets, a warning panel when the shop is switched on without Stripe keys,
and a menu link to the orders (admins see all, members their producers' parts)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .checks import missing_keys
from .models import Offer


class OfferViewSet(SnippetViewSet):
    model = Offer
    icon = "tag"
    menu_label = _("Shop offers")
    add_to_admin_menu = True
    list_display = ["product", "purchasable", "stock", "vat_rate"]
    list_filter = ["purchasable"]
    panels = [
        FieldPanel("product"),
        FieldPanel("purchasable"),
        FieldPanel("vat_rate"),
        FieldPanel("stock"),
        FieldPanel("shipping"),
        FieldPanel("shipping_cost"),
        FieldPanel("pickup"),
    ]


register_snippet(OfferViewSet)


class MissingStripeKeysPanel(Component):
    order = 10

    def render_html(self, parent_context=None):
        return format_html(
            '<section class="panel help-block help-critical" role="alert"><p><strong>{}</strong> {}</p></section>',
            _("The shop is switched on, but Stripe keys are missing:"),
            ", ".join(missing_keys()),
        )


@hooks.register("construct_homepage_panels")
def warn_about_missing_keys(request, panels):
    if missing_keys():
        panels.insert(0, MissingStripeKeysPanel())


@hooks.register("register_admin_menu_item")
def orders_menu_item():
    from django.conf import settings

    class OrdersMenuItem(MenuItem):
        def is_shown(self, request):
            return settings.SHOP_ENABLED

    return OrdersMenuItem(_("Orders"), reverse("shop:order_list"), icon_name="list-ul", order=900)
