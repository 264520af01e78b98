"""The cart lives in the session: offer ids with quantities, and the delivery chosen per producer.

Only ids and quantities come from the browser; names, prices, shipping and lead times are always
read from the database when the cart is shown or ordered.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import OrderPart
from .selectors import sellable_offers

SESSION_KEY = "shop_cart"
MAX_QUANTITY = 99
# The cart sits in the session, which anyone can fill: at most this many different products in one order.
MAX_LINES = 20


class CartFull(Exception):
    pass


@dataclass
class Line:
    offer: object
    quantity: int

    @property
    def total(self):
        return self.offer.price * self.quantity


@dataclass
class Part:
    producer: object
    lines: list = field(default_factory=list)
    delivery: str = ""

    @property
    def deliveries(self):
        """Deliveries every product of this part allows."""
        options = []
        if all(line.offer.pickup for line in self.lines):
            options.append(OrderPart.PICKUP)
        if all(line.offer.shipping for line in self.lines):
            options.append(OrderPart.SHIPPING)
        return options

    @property
    def delivery_choices(self):
        labels = dict(OrderPart.DELIVERIES)
        return [(value, labels[value]) for value in self.deliveries]

    @property
    def shipping_rate(self):
        """One parcel per producer: the highest shipping cost of its products."""
        return max(line.offer.shipping_cost for line in self.lines)

    @property
    def shipping_cost(self):
        return self.shipping_rate if self.delivery == OrderPart.SHIPPING else Decimal("0.00")

    @property
    def lead_time_days(self):
        """Made-to-order products take their lead time; stocked ones are ready at once."""
        return max((line.offer.lead_time_days or 0 for line in self.lines if line.offer.made_to_order), default=0)

    @property
    def subtotal(self):
        return sum((line.total for line in self.lines), Decimal("0.00"))

    @property
    def total(self):
        return self.subtotal + self.shipping_cost

    @property
    def problem(self):
        if not self.deliveries:
            return _("These products cannot be picked up or shipped together. Please order them separately.")
        return ""


class Cart:
    def __init__(self, session):
        self.session = session
        data = session.get(SESSION_KEY) or {}
        self.items = {str(k): int(v) for k, v in (data.get("items") or {}).items()}
        self.delivery = {str(k): v for k, v in (data.get("delivery") or {}).items()}

    def save(self):
        self.session[SESSION_KEY] = {"items": self.items, "delivery": self.delivery}
        self.session.modified = True

    def clear(self):
        self.items, self.delivery = {}, {}
        self.save()

    def add(self, offer, quantity):
        if str(offer.pk) not in self.items and len(self.items) >= MAX_LINES:
            raise CartFull
        self.set(offer, self.items.get(str(offer.pk), 0) + quantity)

    def set(self, offer, quantity):
        quantity = max(0, min(quantity, MAX_QUANTITY))
        if quantity:
            self.items[str(offer.pk)] = quantity
        else:
            self.items.pop(str(offer.pk), None)
        self.save()

    def choose_delivery(self, producer_id, delivery):
        self.delivery[str(producer_id)] = delivery
        self.save()

    def __len__(self):
        return sum(self.items.values())

    def parts(self):
        """Per-producer parts, read from the database; products no longer sold drop out."""
        offers = list(sellable_offers().filter(pk__in=[int(pk) for pk in self.items]))
        if len(offers) != len(self.items):
            # Lines no longer sold leave the cart, so they do not take up room in it.
            self.items = {str(offer.pk): self.items[str(offer.pk)] for offer in offers}
            self.save()
        parts = {}
        for offer in offers:
            producer = offer.product.producer
            part = parts.setdefault(producer.pk, Part(producer=producer))
            part.lines.append(Line(offer=offer, quantity=self.items[str(offer.pk)]))
        for part in parts.values():
            options = part.deliveries
            chosen = self.delivery.get(str(part.producer.pk))
            part.delivery = chosen if chosen in options else (options[0] if options else "")
        return list(parts.values())


def totals(parts):
    subtotal = sum((part.subtotal for part in parts), Decimal("0.00"))
    shipping = sum((part.shipping_cost for part in parts), Decimal("0.00"))
    return {"subtotal": subtotal, "shipping": shipping, "total": subtotal + shipping}
