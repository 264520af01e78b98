"""Every state change of an order, one function each, each recording who or what did it and when."""

import math
from decimal import Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import notifications
from .models import Offer, Order, OrderEvent, OrderLine, OrderPart
from .payments import cents
from .selectors import sellable_offers


# Unpaid checkouts hold stock until paid or expired. So that one visitor cannot make a product sold out
# for everyone else, the unpaid checkouts from one address hold at most this share of a product's stock
# (what is on the shelf plus what all unpaid checkouts hold; at least one item), and at most this many
# of them are open at once (households share an address).
MAX_SHARE_PER_CLIENT = 0.5
MAX_OPEN_PER_CLIENT = 3


class OrderError(Exception):
    """A reason the order cannot go ahead, worded for the buyer."""


def client_key(address):
    """A keyed hash of the buyer's address: enough to recognise the same visitor, useless for anything else."""
    return salted_hmac("shop.order.client", address, algorithm="sha256").hexdigest()


def _check_client_limits(client, offers, wanted):
    """Refuse an order that would let one address hold back more than its share of a product."""
    open_orders = Order.objects.filter(client_key=client, status=Order.PENDING, stock_reserved=True)
    if open_orders.count() >= MAX_OPEN_PER_CLIENT:
        raise OrderError(_("You already have several payments open. Please complete or cancel one of them first, or try again later."))
    reserved_lines = OrderLine.objects.filter(part__order__status=Order.PENDING, part__order__stock_reserved=True,
                                              from_stock=True, offer__in=offers)
    reserved = dict(reserved_lines.values_list("offer").annotate(Sum("quantity")))
    held = dict(reserved_lines.filter(part__order__client_key=client).values_list("offer").annotate(Sum("quantity")))
    for offer in offers:
        if offer.stock is None:
            continue
        already = held.get(offer.pk, 0)
        shelf = offer.stock + reserved.get(offer.pk, 0)
        allowed = max(1, math.ceil(shelf * MAX_SHARE_PER_CLIENT)) - already
        if wanted[offer.pk] > allowed:
            if allowed <= 0:
                raise OrderError(_("“%(name)s” is already reserved for your open payment. Please complete or cancel it first.")
                                 % {"name": offer.product.name})
            raise OrderError(ngettext(
                "Sorry, you can reserve only %(count)s of “%(name)s” at a time, so that others can buy it too. Please change the quantity.",
                "Sorry, you can reserve only %(count)s of “%(name)s” at a time, so that others can buy it too. Please change the quantity.",
                allowed,
            ) % {"count": allowed, "name": offer.product.name})


def record(order, action, actor=None, part=None, note=""):
    return OrderEvent.objects.create(order=order, part=part, action=action,
                                     actor=actor if actor and actor.is_authenticated else None, note=note)


def place_order(cart_parts, contact, language, client=""):
    """Store the order with database prices and take its stocked items off the shelf, atomically.

    The offers are locked (SELECT ... FOR UPDATE) so two buyers cannot both take the last item:
    the second waits for the first to commit, then sees the stock that is left. `client` (client_key())
    caps what one visitor holds in unpaid checkouts.
    """
    wanted = {line.offer.pk: line.quantity for part in cart_parts for line in part.lines}
    if not wanted:
        raise OrderError(_("Your cart is empty."))
    deliveries = {part.producer.pk: part.delivery for part in cart_parts}
    with transaction.atomic():
        offers = list(
            Offer.objects.select_for_update(of=("self",))
            .select_related("product", "product__producer")
            .filter(pk__in=sellable_offers().filter(pk__in=wanted).values("pk"))
            .order_by("pk")
        )
        if len(offers) != len(wanted):
            raise OrderError(_("Some products in your cart are no longer available. Please check your cart."))
        for offer in offers:
            if offer.stock is not None and offer.stock < wanted[offer.pk]:
                if offer.stock == 0:
                    raise OrderError(_("Sorry, “%(name)s” has just sold out. Please remove it from your cart.")
                                     % {"name": offer.product.name})
                raise OrderError(_("Sorry, only %(count)s of “%(name)s” are left. Please change the quantity.")
                                 % {"count": offer.stock, "name": offer.product.name})
        if client:
            _check_client_limits(client, offers, wanted)
        for offer in offers:
            if offer.stock is not None:
                Offer.objects.filter(pk=offer.pk).update(stock=F("stock") - wanted[offer.pk])

        order = Order.objects.create(amount_total=0, language=language, client_key=client, **contact)
        total = 0
        by_producer = {}
        for offer in offers:
            by_producer.setdefault(offer.product.producer, []).append(offer)
        for producer, producer_offers in by_producer.items():
            delivery = deliveries.get(producer.pk)
            allowed = [d for d, ok in ((OrderPart.PICKUP, all(o.pickup for o in producer_offers)),
                                       (OrderPart.SHIPPING, all(o.shipping for o in producer_offers))) if ok]
            if delivery not in allowed:
                raise OrderError(_("Please choose how you want to receive the products of %(producer)s.")
                                 % {"producer": producer.title})
            shipping_cost = max(o.shipping_cost for o in producer_offers) if delivery == OrderPart.SHIPPING else Decimal("0.00")
            part = OrderPart.objects.create(
                order=order, producer=producer, producer_name=producer.title, delivery=delivery,
                shipping_cost=shipping_cost,
                lead_time_days=max((o.lead_time_days or 0 for o in producer_offers if o.made_to_order), default=0),
            )
            total += cents(part.shipping_cost)
            for offer in producer_offers:
                OrderLine.objects.create(part=part, offer=offer, name=offer.product.name,
                                         unit_price=offer.price, vat_rate=offer.vat_rate,
                                         quantity=wanted[offer.pk], from_stock=offer.stock is not None)
                total += cents(offer.price) * wanted[offer.pk]
        order.amount_total = total
        order.save(update_fields=["amount_total"])
        record(order, "created", note=f"{order.total} {order.currency.upper()}")
    return order


def _release_stock(order):
    """Put reserved items back on the shelf, once."""
    if not order.stock_reserved:
        return
    for line in OrderLine.objects.filter(part__order=order, from_stock=True, offer__isnull=False):
        Offer.objects.filter(pk=line.offer_id).update(stock=F("stock") + line.quantity)
    order.stock_reserved = False


def _locked(order):
    return Order.objects.select_for_update().get(pk=order.pk)


def attach_session(order, session_id):
    order.stripe_session_id = session_id
    order.save(update_fields=["stripe_session_id"])
    record(order, "checkout_started", note=session_id)


def expire(order, reason, actor=None):
    """Payment not completed (session expired, cancelled, or Stripe unreachable): free the stock."""
    with transaction.atomic():
        order = _locked(order)
        if order.status != Order.PENDING:
            return order, False
        _release_stock(order)
        order.status = Order.EXPIRED if reason == "expired" else Order.CANCELLED
        order.client_key = ""
        order.save(update_fields=["status", "stock_reserved", "client_key"])
        record(order, reason, actor=actor)
    return order, True


def mark_paid(order, amount, currency, payment_intent, event_id):
    """Only the signed webhook calls this; the amount must match what we stored."""
    with transaction.atomic():
        order = _locked(order)
        if order.status != Order.PENDING:
            record(order, "payment_ignored", note=f"{event_id}: order was {order.status}")
            return order, False
        if amount != order.amount_total or (currency or "").lower() != order.currency:
            record(order, "payment_mismatch",
                   note=f"{event_id}: got {amount} {currency}, expected {order.amount_total} {order.currency}")
            return order, False
        order.status = Order.PAID
        order.stripe_payment_intent = payment_intent or ""
        order.client_key = ""
        order.save(update_fields=["status", "stripe_payment_intent", "client_key"])
        record(order, "paid", note=event_id)
        transaction.on_commit(lambda: notifications.order_paid.enqueue(order.pk))
    return order, True


def _mark_refunded(order, actor, note):
    order.status = Order.REFUNDED
    # Items not yet handed over go back on the shelf; what has left the workshop does not.
    if order.stock_reserved:
        for line in OrderLine.objects.filter(part__order=order, part__status=OrderPart.OPEN,
                                             from_stock=True, offer__isnull=False):
            Offer.objects.filter(pk=line.offer_id).update(stock=F("stock") + line.quantity)
        order.stock_reserved = False
    order.save(update_fields=["status", "stock_reserved"])
    for part in order.parts.filter(status=OrderPart.OPEN):
        part.status = OrderPart.CANCELLED
        part.save(update_fields=["status"])
    record(order, "refunded", actor=actor, note=note)


def refunded_by_stripe(order, event_id):
    with transaction.atomic():
        order = _locked(order)
        if order.status != Order.PAID:
            return order, False
        _mark_refunded(order, None, event_id)
    return order, True


def cancel_unpaid(order, actor, reason="cancelled"):
    """An admin (or the buyer, back from Stripe or in the cart again) ends a checkout still open at Stripe."""
    from .payments import expire_checkout_session

    if order.status != Order.PENDING:
        raise OrderError(_("Only orders awaiting payment can be cancelled like this."))
    if order.stripe_session_id:
        # Raises if Stripe has completed the payment meanwhile: then the webhook decides.
        expire_checkout_session(order.stripe_session_id)
    return expire(order, reason, actor=actor)


def refund(order, actor):
    """An admin cancels a paid order: refund through Stripe, then record it."""
    from .payments import refund as stripe_refund

    with transaction.atomic():
        order = _locked(order)
        if order.status != Order.PAID:
            raise OrderError(_("Only paid orders can be refunded."))
        result = stripe_refund(order.stripe_payment_intent)
        _mark_refunded(order, actor, result.id)
    return order


def set_part_status(part, status, actor):
    """A producer marks its part ready for pickup or shipped; the buyer gets an email."""
    allowed = {OrderPart.READY: OrderPart.PICKUP, OrderPart.SHIPPED: OrderPart.SHIPPING}
    with transaction.atomic():
        part = OrderPart.objects.select_for_update().select_related("order").get(pk=part.pk)
        if part.order.status != Order.PAID or part.status != OrderPart.OPEN or allowed.get(status) != part.delivery:
            raise OrderError(_("This order part cannot be changed like that."))
        part.status = status
        part.save(update_fields=["status"])
        record(part.order, f"part_{status}", actor=actor, part=part, note=part.producer_name)
        transaction.on_commit(lambda: notifications.part_status.enqueue(part.pk))
    return part
