"""The shop's data: what a product costs to buy, orders split per producer, and their history.

Orders are never deleted: everything that points at them protects them, and every state change
adds an OrderEvent saying who did what and when.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

VAT_RATES = [
    (Decimal("19.00"), _("19 % (standard rate)")),
    (Decimal("7.00"), _("7 % (reduced rate, e.g. food)")),
    (Decimal("0.00"), _("0 % (small business, § 19 UStG)")),
]


class Offer(models.Model):
    """A directory product made purchasable. The price is the product's price in EUR incl. VAT."""

    product = models.OneToOneField("directory.Product", on_delete=models.CASCADE, related_name="offer",
                                   verbose_name=_("product"))
    purchasable = models.BooleanField(_("purchasable in the shop"), default=False)
    vat_rate = models.DecimalField(_("VAT rate in %"), max_digits=4, decimal_places=2, choices=VAT_RATES,
                                   default=Decimal("19.00"))
    stock = models.PositiveIntegerField(
        _("items in stock"), null=True, blank=True,
        help_text=_("Leave empty for made-to-order products: they are never sold out."),
    )
    shipping = models.BooleanField(_("can be shipped"), default=True)
    shipping_cost = models.DecimalField(_("shipping cost in EUR incl. VAT"), max_digits=6, decimal_places=2,
                                        default=Decimal("0.00"))
    pickup = models.BooleanField(_("pickup in the showroom"), default=True)

    class Meta:
        verbose_name = _("shop offer")
        verbose_name_plural = _("shop offers")
        constraints = [
            models.CheckConstraint(condition=models.Q(shipping=True) | models.Q(pickup=True),
                                   name="offer_ships_or_pickup"),
        ]

    def __str__(self):
        return str(self.product)

    @property
    def price(self):
        return self.product.price

    @property
    def made_to_order(self):
        return self.stock is None

    @property
    def lead_time_days(self):
        return self.product.lead_time_days


class Order(models.Model):
    PENDING = "pending"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    STATUSES = [
        (PENDING, _("awaiting payment")),
        (PAID, _("paid")),
        (EXPIRED, _("payment not completed")),
        (CANCELLED, _("cancelled")),
        (REFUNDED, _("refunded")),
    ]

    number = models.UUIDField(_("order number"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=STATUSES, default=PENDING)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=5, default="de")
    amount_total = models.PositiveIntegerField(_("total in cents"))
    currency = models.CharField(_("currency"), max_length=3, default="eur")
    stock_reserved = models.BooleanField(_("stock reserved"), default=True)
    # A keyed hash of the buyer's address while the payment is open (cleared after): caps what one
    # visitor can hold back from others.
    client_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    stripe_session_id = models.CharField(_("Stripe Checkout session"), max_length=255, blank=True, db_index=True)
    stripe_payment_intent = models.CharField(_("Stripe payment"), max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.number)[:8]

    @property
    def short_number(self):
        return str(self.number)[:8].upper()

    @property
    def total(self):
        return Decimal(self.amount_total) / 100

    def delete(self, *args, **kwargs):
        raise models.ProtectedError("Orders are never deleted.", {self})


class OrderPart(models.Model):
    """The part of an order one producer fulfils."""

    OPEN = "open"
    READY = "ready"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    STATUSES = [
        (OPEN, _("to be prepared")),
        (READY, _("ready for pickup")),
        (SHIPPED, _("shipped")),
        (CANCELLED, _("cancelled")),
    ]
    PICKUP = "pickup"
    SHIPPING = "shipping"
    DELIVERIES = [(PICKUP, _("pickup in the showroom")), (SHIPPING, _("shipping"))]

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="parts")
    producer = models.ForeignKey("directory.ProducerPage", on_delete=models.PROTECT, related_name="order_parts")
    producer_name = models.CharField(_("producer"), max_length=255)
    delivery = models.CharField(_("delivery"), max_length=10, choices=DELIVERIES)
    shipping_cost = models.DecimalField(_("shipping cost"), max_digits=6, decimal_places=2)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time in days"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=STATUSES, default=OPEN)

    class Meta:
        verbose_name = _("order part")
        verbose_name_plural = _("order parts")
        ordering = ["order__created_at", "pk"]

    def __str__(self):
        return f"{self.order} · {self.producer_name}"

    @property
    def subtotal(self):
        return sum((line.line_total for line in self.lines.all()), Decimal("0.00"))

    @property
    def total(self):
        return self.subtotal + self.shipping_cost


class OrderLine(models.Model):
    """One product in an order, with name and prices copied at the time of the order."""

    part = models.ForeignKey(OrderPart, on_delete=models.PROTECT, related_name="lines")
    offer = models.ForeignKey(Offer, on_delete=models.SET_NULL, null=True, related_name="order_lines")
    name = models.CharField(_("product"), max_length=120)
    unit_price = models.DecimalField(_("unit price incl. VAT"), max_digits=8, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT rate in %"), max_digits=4, decimal_places=2)
    quantity = models.PositiveIntegerField(_("quantity"))
    from_stock = models.BooleanField(_("taken from stock"), default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.quantity} × {self.name}"

    @property
    def line_total(self):
        return self.unit_price * self.quantity


class OrderEvent(models.Model):
    """The history of an order: every state change, with who (or which Stripe event) and when."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="events")
    part = models.ForeignKey(OrderPart, on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    action = models.CharField(_("action"), max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order} {self.action}"


class StripeEvent(models.Model):
    """Stripe webhook events already handled: a second delivery of the same id changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.event_id
