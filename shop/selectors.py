"""Which products the shop sells. One function decides, so the label rule lives in one place."""

from django.conf import settings

from directory.filters import visible_producers
from label.selectors import filter_holders

from .models import Offer


def selling_producers():
    """Producers that may sell: publicly visible profiles of label holders (unless SHOP_REQUIRE_LABEL is off)."""
    producers = visible_producers()
    if settings.SHOP_REQUIRE_LABEL:
        producers = filter_holders(producers)
    return producers


def sellable_offers():
    """Offers a buyer can put in the cart: purchasable, priced, from a producer that may sell."""
    return (
        Offer.objects.filter(purchasable=True, product__price__isnull=False,
                             product__producer__in=selling_producers().values("pk"))
        .select_related("product", "product__producer")
        .order_by("product__producer__title", "product__sort_order", "pk")
    )


def producer_offers(producer):
    return [offer for offer in sellable_offers().filter(product__producer=producer)]


def visible_parts(user):
    """Order parts a user may see: admins all, producers only those of the businesses they act for."""
    from .models import OrderPart

    parts = OrderPart.objects.select_related("order", "producer")
    if is_shop_admin(user):
        return parts
    # Producers only see orders that were paid: unpaid checkouts are no business of theirs.
    return parts.filter(producer__members=user, order__status__in=["paid", "refunded"])


def is_shop_admin(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("shop.change_order"))
