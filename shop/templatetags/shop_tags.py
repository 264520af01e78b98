from django import template
from django.conf import settings
from django.template.defaultfilters import floatformat

from ..cart import Cart
from ..forms import AddToCartForm
from ..selectors import producer_offers

register = template.Library()


@register.simple_tag
def shop_offers(producer):
    """The producer's offers with an add-to-cart form each; nothing while the shop is off."""
    if not settings.SHOP_ENABLED or producer is None:
        return []
    return [(offer, AddToCartForm(initial={"offer": offer.pk}, auto_id=f"offer{offer.pk}-%s"))
            for offer in producer_offers(producer)]


@register.simple_tag
def shop_enabled():
    return settings.SHOP_ENABLED


@register.simple_tag(takes_context=True)
def cart_count(context):
    request = context.get("request")
    return len(Cart(request.session)) if request is not None else 0


@register.filter
def eur(amount):
    """12.5 -> "12,50 €", with the active language's number format."""
    if amount is None:
        return ""
    return f"{floatformat(amount, 2)}\u00a0€"
