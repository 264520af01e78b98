"""Thin views over shop/cart.py, shop/orders.py and shop/webhooks.py. Every route but the webhook 404s when the shop is off."""

import functools
import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from madebybochum.pages.models import StandardPage
from madebybochum.security import client_ip, rate_limit

from . import orders, payments, webhooks
from .cart import MAX_LINES, Cart, CartFull, totals
from .forms import AddToCartForm, CheckoutForm
from .models import Order, OrderLine, OrderPart
from .selectors import is_shop_admin, sellable_offers, visible_parts

logger = logging.getLogger(__name__)
PENDING_ORDERS_KEY = "shop_pending_orders"
# The session remembers the buyer's latest orders (to show them their own order pages), not all of them.
PENDING_ORDERS_KEPT = 10


def shop_enabled(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.SHOP_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _legal_pages():
    pages = StandardPage.objects.live().filter(slug__in=[settings.SHOP_TERMS_SLUG, settings.SHOP_WITHDRAWAL_SLUG])
    by_slug = {page.slug: page for page in pages}
    return {"terms_page": by_slug.get(settings.SHOP_TERMS_SLUG),
            "withdrawal_page": by_slug.get(settings.SHOP_WITHDRAWAL_SLUG)}


def _cart_context(cart):
    parts = cart.parts()
    return {"parts": parts, "totals": totals(parts), **_legal_pages()}


@shop_enabled
def index(request):
    return render(request, "shop/index.html", {"offers": sellable_offers()})


@shop_enabled
def offer_detail(request, pk):
    offer = get_object_or_404(sellable_offers(), pk=pk)
    return render(request, "shop/offer_detail.html", {"offer": offer, "form": AddToCartForm(initial={"offer": pk})})


@shop_enabled
@require_POST
@rate_limit("shop-cart", limit=60, per=600)
def cart_add(request):
    form = AddToCartForm(request.POST)
    offer = sellable_offers().filter(pk=form.data.get("offer")).first() if form.is_valid() else None
    if offer is None:
        messages.error(request, _("This product cannot be ordered. Please choose a quantity between 1 and 99."))
        return redirect("shop:cart")
    try:
        Cart(request.session).add(offer, form.cleaned_data["quantity"])
    except CartFull:
        messages.error(request, ngettext(
            "Your cart already holds %(count)s different product, as many as one order can take. Please order it first.",
            "Your cart already holds %(count)s different products, as many as one order can take. Please order these first.",
            MAX_LINES,
        ) % {"count": MAX_LINES})
        return redirect("shop:cart")
    messages.success(request, _("“%(name)s” is in your cart.") % {"name": offer.product.name})
    return redirect("shop:cart")


@shop_enabled
def cart(request):
    cart = Cart(request.session)
    _end_open_checkouts(request, cart)
    return render(request, "shop/cart.html", _cart_context(cart))


@shop_enabled
@require_POST
@rate_limit("shop-cart", limit=60, per=600)
def cart_update(request):
    """Quantities (0 removes), a remove button per line, and the delivery chosen per producer."""
    cart = Cart(request.session)
    offers = {str(offer.pk): offer for offer in sellable_offers().filter(pk__in=[int(k) for k in cart.items])}
    remove = request.POST.get("remove")
    for key, offer in offers.items():
        if key == remove:
            cart.set(offer, 0)
            continue
        raw = request.POST.get(f"quantity-{key}")
        if raw is None:
            continue
        try:
            cart.set(offer, int(raw))
        except ValueError:
            messages.error(request, _("Please enter the quantity as a whole number."))
    for part in cart.parts():
        chosen = request.POST.get(f"delivery-{part.producer.pk}")
        if chosen in part.deliveries:
            cart.choose_delivery(part.producer.pk, chosen)
    messages.success(request, _("Your cart has been updated."))
    return redirect("shop:cart")


@shop_enabled
@rate_limit("shop-checkout", limit=10, per=600)
def checkout(request):
    cart = Cart(request.session)
    # A new checkout replaces the visitor's unpaid one.
    _end_open_checkouts(request, cart)
    context = _cart_context(cart)
    parts = context["parts"]
    if not parts:
        return redirect("shop:cart")
    needs_address = any(part.delivery == OrderPart.SHIPPING for part in parts)
    form = CheckoutForm(request.POST or None, needs_address=needs_address)
    problem = next((part.problem for part in parts if part.problem), "")
    if request.method == "POST" and form.is_valid() and not problem:
        try:
            order = orders.place_order(parts, form.contact(), get_language(), orders.client_key(client_ip(request)))
        except orders.OrderError as error:
            messages.error(request, str(error))
            return redirect("shop:cart")
        return _start_payment(request, order, cart)
    if problem:
        messages.error(request, problem)
    return render(request, "shop/checkout.html", {**context, "form": form, "needs_address": needs_address})


def _start_payment(request, order, cart):
    done = request.build_absolute_uri(reverse("shop:done", args=[order.number]))
    cancelled = request.build_absolute_uri(reverse("shop:cancelled", args=[order.number]))
    try:
        session = payments.create_checkout_session(order, done, cancelled)
    except stripe.StripeError:
        logger.exception("Stripe Checkout session for order %s failed", order.number)
        orders.expire(order, "payment_unavailable")
        messages.error(request, _("The payment service cannot be reached right now. Your cart is kept; please try again in a few minutes."))
        return redirect("shop:cart")
    orders.attach_session(order, session.id)
    numbers = [*request.session.get(PENDING_ORDERS_KEY, []), str(order.number)]
    request.session[PENDING_ORDERS_KEY] = numbers[-PENDING_ORDERS_KEPT:]
    cart.clear()
    # 303: the browser follows with a GET, as Stripe expects.
    response = HttpResponseRedirect(session.url)
    response.status_code = 303
    return response


def _refill(cart, order):
    """Put an unpaid order's products back in the cart, next to what the visitor has added since."""
    lines = OrderLine.objects.filter(part__order=order)
    offers = sellable_offers().in_bulk([line.offer_id for line in lines])
    for line in lines:
        if line.offer_id in offers and str(line.offer_id) not in cart.items:
            try:
                cart.add(offers[line.offer_id], line.quantity)
            except CartFull:
                break


def _end_open_checkouts(request, cart):
    """The visitor is back in the shop without having paid: free the stock their checkout holds at once,
    instead of after Stripe's 30 minutes, and put its products back in the cart."""
    numbers = request.session.get(PENDING_ORDERS_KEY, [])
    for order in Order.objects.filter(number__in=numbers, status=Order.PENDING, stock_reserved=True):
        try:
            order, changed = orders.cancel_unpaid(order, request.user, reason="abandoned")
        except stripe.StripeError:
            continue  # just paid or expired at Stripe: the webhook decides
        if changed:
            _refill(cart, order)
            messages.info(request, _("Your payment was not completed, so the products are back in your cart."))


def _own_order(request, number):
    """The buyer's own order: only the browser session that placed it may look at it."""
    if str(number) not in request.session.get(PENDING_ORDERS_KEY, []):
        raise Http404
    return get_object_or_404(Order, number=number)


@shop_enabled
def done(request, number):
    """Back from Stripe. Shows what the webhook has recorded; it never marks anything paid itself."""
    return render(request, "shop/done.html", {"order": _own_order(request, number)})


@shop_enabled
def cancelled(request, number):
    """Back from Stripe without paying: end the Checkout session, free the stock, refill the cart."""
    order = _own_order(request, number)
    if order.status == Order.PENDING:
        try:
            order, changed = orders.cancel_unpaid(order, request.user)
        except stripe.StripeError:
            # Already completed or expired at Stripe: the webhook decides what happened.
            return render(request, "shop/done.html", {"order": order})
        if changed:
            _refill(Cart(request.session), order)
    return render(request, "shop/cancelled.html", {"order": order})


@csrf_exempt
@require_POST
def webhook(request):
    """Works while the shop is switched off, too: orders placed before still get paid, expired or refunded."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise Http404
    try:
        event = webhooks.verified_event(request.body, request.headers.get("Stripe-Signature", ""))
    except (UnicodeDecodeError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("invalid signature")
    except webhooks.MalformedEvent as problem:
        # A 400, not a 500: Stripe would send it again for days, and it would never get better.
        logger.warning("Malformed Stripe event rejected: %s", problem)
        return HttpResponseBadRequest("malformed event")
    webhooks.handle(event)
    return HttpResponse("ok")


@shop_enabled
@login_required
def order_list(request):
    parts = visible_parts(request.user).prefetch_related("lines")
    status = request.GET.get("status")
    if status in dict(OrderPart.STATUSES):
        parts = parts.filter(status=status)
    return render(request, "shop/order_list.html", {
        "parts": parts, "statuses": OrderPart.STATUSES, "status": status, "is_admin": is_shop_admin(request.user),
    })


@shop_enabled
@login_required
def order_detail(request, number):
    parts = visible_parts(request.user).filter(order__number=number).prefetch_related("lines")
    if not parts:
        raise Http404
    order = parts[0].order
    is_admin = is_shop_admin(request.user)
    events = order.events.select_related("actor", "part")
    if not is_admin:
        # A producer sees the order's own history and its part's, not what other producers did.
        events = events.filter(Q(part__isnull=True) | Q(part__in=parts))
    return render(request, "shop/order_detail.html",
                  {"order": order, "parts": parts, "events": events, "is_admin": is_admin})


@shop_enabled
@login_required
@require_POST
def part_status(request, pk):
    part = get_object_or_404(visible_parts(request.user), pk=pk)
    try:
        orders.set_part_status(part, request.POST.get("status"), request.user)
        messages.success(request, _("Saved. The buyer has been sent an email."))
    except orders.OrderError as error:
        messages.error(request, str(error))
    return redirect("shop:order_detail", part.order.number)


@shop_enabled
@login_required
@require_POST
def order_cancel(request, number):
    if not is_shop_admin(request.user):
        raise Http404
    order = get_object_or_404(Order, number=number)
    try:
        orders.cancel_unpaid(order, request.user)
        messages.success(request, _("The checkout has been ended and the stock released."))
    except orders.OrderError as error:
        messages.error(request, str(error))
    except stripe.StripeError:
        messages.error(request, _("Stripe could not end this checkout; it may just have been paid. Nothing has been changed."))
    return redirect("shop:order_detail", order.number)


@shop_enabled
@login_required
@require_POST
def order_refund(request, number):
    if not is_shop_admin(request.user):
        raise Http404
    order = get_object_or_404(Order, number=number)
    try:
        orders.refund(order, request.user)
        messages.success(request, _("The order has been cancelled and the payment refunded."))
    except orders.OrderError as error:
        messages.error(request, str(error))
    except stripe.StripeError:
        logger.exception("Refund of order %s failed", order.number)
        messages.error(request, _("Stripe did not accept the refund. Nothing has been changed; please try again."))
    return redirect("shop:order_detail", order.number)
