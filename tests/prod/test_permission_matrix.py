"""Every URL pattern of the project x every role -> the status that role must get.

The patterns come from the URL conf itself, so a new route without a rule fails
test_every_route_has_a_rule. Adding a rule is one line in RULES:

    Rule("<lang>/producers/<slug:slug>/", "/de/producers/demo-kaffee/", everyone(200)),
    Rule("<lang>/my/profile/", "/de/my/profile/", members_only()),

`route` is the pattern as all_routes() prints it ("<lang>/" for the language prefix; run this file
with -k test_every_route_has_a_rule to see the missing ones). `prefix=True` makes one rule cover a
whole include (the Wagtail admin). `url` is a concrete URL to request for each role, `expect` maps each
of ROLES to a status; ROLE_USERS below makes the users (member_a owns things, member_b must not
touch them). The `sample` fixture creates member A's objects (producer, label application and evidence,
certificate, event with a registration, proposal, shop order); a URL names them as {application},
{evidence}, {certificate}, {event}, {token}, {proposal}, {offer}, {order}, {part}, {producer}.
SHOP holds the shop's routes with their statuses while the shop is on; off (the default) they are 404s.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

ROLES = ("anonymous", "member_a", "member_b", "reviewer", "admin")


def everyone(status):
    return dict.fromkeys(ROLES, status)


def members_only(ok=200, anonymous=302):
    return {**everyone(ok), "anonymous": anonymous}


def staff_only(ok=200, anonymous=302, member=302):
    """Wagtail admin pages: anonymous visitors and members without admin access go to the login."""
    return {"anonymous": anonymous, "member_a": member, "member_b": member, "reviewer": ok, "admin": ok}


def admin_only(ok=200, anonymous=302, member=302, reviewer=302):
    return {**staff_only(ok, anonymous, member), "reviewer": reviewer}


def own(ok, other, reviewer=None):
    """Member A's object: A and admins get `ok`, member B `other`; reviewers (label reviewers) like admins
    unless given; anonymous visitors go to the login."""
    return {"anonymous": 302, "member_a": ok, "member_b": other, "reviewer": ok if reviewer is None else reviewer,
            "admin": ok}


WEBHOOK = "shop/stripe/webhook/"
ORDER = "00000000-0000-4000-8000-000000000001"
# (route, url, method, expected with the shop on) for every shop route.
SHOP = [
    ("<lang>/shop/", "/de/shop/", "get", everyone(200)),
    ("<lang>/shop/product/<int:pk>/", "/de/shop/product/{offer}/", "get", everyone(200)),
    ("<lang>/shop/cart/", "/de/shop/cart/", "get", everyone(200)),
    ("<lang>/shop/cart/add/", "/de/shop/cart/add/", "post", everyone(302)),
    ("<lang>/shop/cart/update/", "/de/shop/cart/update/", "post", everyone(302)),
    ("<lang>/shop/checkout/", "/de/shop/checkout/", "get", everyone(302)),
    # Thanks/cancelled pages belong to the browser session that placed the order: nobody else's.
    ("<lang>/shop/order/<uuid:number>/thanks/", "/de/shop/order/{order}/thanks/", "get", everyone(404)),
    ("<lang>/shop/order/<uuid:number>/cancelled/", "/de/shop/order/{order}/cancelled/", "get", everyone(404)),
    ("<lang>/shop/orders/", "/de/shop/orders/", "get", members_only()),
    # Member A's producer has a part in the order; B has none, so the order does not exist for B.
    ("<lang>/shop/orders/<uuid:number>/", "/de/shop/orders/{order}/", "get", own(200, 404, reviewer=404)),
    ("<lang>/shop/orders/<uuid:number>/refund/", "/de/shop/orders/{order}/refund/", "post",
     {**everyone(404), "anonymous": 302, "admin": 302}),
    ("<lang>/shop/orders/<uuid:number>/cancel/", "/de/shop/orders/{order}/cancel/", "post",
     {**everyone(404), "anonymous": 302, "admin": 302}),
    ("<lang>/shop/orders/part/<int:pk>/status/", "/de/shop/orders/part/{part}/status/", "post",
     own(302, 404, reviewer=404)),
    # An unsigned post is refused with the shop on; off, see RULES.
    ("shop/stripe/webhook/", "/shop/stripe/webhook/", "post", everyone(400)),
]


@dataclass(frozen=True)
class Rule:
    route: str
    url: str
    expect: dict
    prefix: bool = False
    method: str = "get"

    def covers(self, route):
        return route.startswith(self.route) if self.prefix else route == self.route


RULES = [
    # Machines and permanent links.
    Rule("healthz", "/healthz", everyone(200)),
    Rule("robots.txt", "/robots.txt", everyone(200)),
    Rule("sitemap.xml", "/sitemap.xml", everyone(200)),
    Rule("favicon.ico", "/favicon.ico", everyone(301)),
    # Wagtail's documents: private ones are behind a view restriction; none exist in the shell.
    Rule(r"documents/^(\d+)/(.*)$", "/documents/999999/nothing.pdf", everyone(404)),
    # (An unknown restriction is a 404, which Django's LocaleMiddleware turns into a redirect to /de/....)
    Rule("documents/authenticate_with_password/<int:restriction_id>/",
         "/documents/authenticate_with_password/999999/", everyone(302)),
    # The Wagtail admin: dashboard for reviewers and admins; user management for admins only.
    # Members of a producer have admin access by design (directory/members.py: they edit their own profile).
    Rule("admin/", "/admin/", {**staff_only(), "member_a": 200, "member_b": 200}, prefix=True),
    # ... but only their own: B cannot open A's profile in the editor (Wagtail redirects to the dashboard).
    Rule("admin/", "/admin/pages/{producer}/edit/", {**admin_only(), "member_a": 200}),
    Rule("admin/", "/admin/pages/", admin_only(), prefix=True),
    Rule("admin/", "/admin/users/", admin_only()),
    Rule("admin/", "/admin/groups/", admin_only()),
    Rule("admin/", "/admin/login/", {**everyone(302), "anonymous": 200}),
    # The apps' admin screens: members are in the admin, so each screen must check its own permission.
    Rule("admin/", "/admin/label/", staff_only()),
    Rule("admin/", "/admin/label/applications/{application}/", staff_only()),
    Rule("admin/", "/admin/label/certificates/", staff_only()),
    Rule("admin/", "/admin/directory/join-requests/", admin_only()),
    # Inviting someone to claim a profile and withdrawing/restoring one: admins only, members and reviewers
    # are sent back to the dashboard (the matrix's admin is a superuser and holds both permissions).
    Rule("admin/", "/admin/directory/producers/{producer}/invite/", admin_only()),
    Rule("admin/", "/admin/directory/producers/{producer}/invite/", {**admin_only(), "admin": 200}, method="post"),
    # (An unknown invitation is a 404, which LocaleMiddleware turns into a redirect.)
    Rule("admin/", "/admin/directory/producers/{producer}/invitations/999999/revoke/", admin_only(302), method="post"),
    Rule("admin/", "/admin/directory/producers/{producer}/withdraw/", admin_only()),
    Rule("admin/", "/admin/directory/producers/{producer}/restore/", admin_only()),
    Rule("admin/", "/admin/directory/producers/{producer}/withdraw/", {**admin_only(), "admin": 302}, method="post"),
    # The address search serves everyone with admin access (members fill in their own address); without a
    # configured geocoder it answers 503.
    Rule("admin/", "/admin/directory/geocode/?q=Kortumstra%C3%9Fe", {**staff_only(503), "member_a": 503, "member_b": 503}),
    Rule("admin/", "/admin/snippets/events/registration/", admin_only()),
    Rule("admin/", "/admin/snippets/events/eventproposal/", admin_only()),
    Rule("admin/", "/admin/snippets/shop/offer/", admin_only()),
    # Wagtail's page-privacy helpers under the language prefix.
    Rule("<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
         "/de/_util/authenticate_with_password/999999/999999/", everyone(404)),
    Rule("<lang>/_util/login/", "/de/_util/login/", everyone(200)),
    # Pages served by Wagtail: public to everyone, in every language; unknown paths are 404.
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/", everyone(200)),
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/ar/verein/", everyone(200)),
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/gibt-es-nicht/", everyone(404)),
    # --- directory --- (the directory page and profiles are Wagtail pages, under the catch-all)
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/produzenten/?category=food&q=werkstatt", everyone(200)),
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/produzenten/matrix-a/", everyone(200)),
    Rule("<lang>/karte/", "/de/karte/", everyone(200)),
    Rule("<lang>/mitmachen/", "/de/mitmachen/", everyone(200)),
    # The claim link's token is the secret: an unknown one is a 404 page for everyone (valid links: test_claims.py).
    Rule("<lang>/claim/<str:token>/", "/de/claim/no-such-token/", everyone(404)),
    Rule("<lang>/claim/<str:token>/", "/de/claim/no-such-token/", everyone(404), method="post"),
    Rule("api/producers.geojson", "/api/producers.geojson", everyone(200)),
    Rule("api/producers.csv", "/api/producers.csv", everyone(200)),
    Rule("tiles/<int:z>/<int:x>/<int:y>.png", "/tiles/99/0/0.png", everyone(404)),
    # --- label --- public: the register, verification (prefixed and permanent /v/), QR, sticker, open data
    Rule("<lang>/label/", "/de/label/", everyone(200)),
    Rule("<lang>/label/certificates/<str:number>/", "/de/label/certificates/{certificate}/", everyone(200)),
    Rule("<lang>/label/certificates/<str:number>/", "/de/label/certificates/MBB-1999-9999/", everyone(404)),
    Rule("v/<str:number>", "/v/{certificate}", everyone(200)),
    Rule("v/<str:number>", "/v/MBB-1999-9999", everyone(404)),
    Rule("v/<str:number>/qr.svg", "/v/{certificate}/qr.svg", everyone(200)),
    Rule("v/<str:number>/qr.png", "/v/{certificate}/qr.png", everyone(200)),
    Rule("v/<str:number>/sticker.svg", "/v/{certificate}/sticker.svg", everyone(200)),
    Rule("api/label-holders.json", "/api/label-holders.json", everyone(200)),
    # Member side: only member A's producer and label reviewers see A's application; B gets a 404, no hint.
    Rule("<lang>/label/apply/", "/de/label/apply/", members_only()),
    Rule("<lang>/label/applications/<int:pk>/", "/de/label/applications/{application}/", own(200, 404)),
    Rule("<lang>/label/applications/<int:pk>/check/", "/de/label/applications/{application}/check/",
         {**own(200, 404), "anonymous": 401}, method="post"),
    Rule("<lang>/label/applications/<int:pk>/evidence/<int:evidence_pk>/",
         "/de/label/applications/{application}/evidence/{evidence}/", own(200, 404)),
    # Deleting: A's post removes the file (302); B gets a 404, reviewers may read but not change (403).
    Rule("<lang>/label/applications/<int:pk>/evidence/<int:evidence_pk>/delete/",
         "/de/label/applications/{application}/evidence/{evidence}/delete/",
         {**own(302, 404), "reviewer": 403, "admin": 403}, method="post"),
    Rule("<lang>/label/certificates/<str:number>/renew/", "/de/label/certificates/{certificate}/renew/",
         {**own(302, 404), "reviewer": 404, "admin": 404}, method="post"),
    # --- events --- the cancel link's token is the secret: anyone holding it may cancel.
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/veranstaltungen/", everyone(200)),
    Rule(r"<lang>/^((?:[\w\-]+/)*)$", "/de/veranstaltungen/matrix-werkstattabend/", everyone(200)),
    Rule("<lang>/events/cancel/<str:token>/", "/de/events/cancel/{token}/", everyone(200)),
    Rule("<lang>/events/cancel/<str:token>/", "/de/events/cancel/no-such-token/", everyone(404)),
    # The confirmation link's token is the secret too; the "check your e-mail" page names no one.
    Rule("<lang>/events/confirm/<str:token>/", "/de/events/confirm/{token}/", everyone(200)),
    Rule("<lang>/events/confirm/<str:token>/", "/de/events/confirm/no-such-token/", everyone(404)),
    Rule("<lang>/events/<int:pk>/check-your-email/", "/de/events/{event}/check-your-email/", everyone(200)),
    Rule("<lang>/events/<int:pk>/check-your-email/", "/de/events/999999/check-your-email/", everyone(404)),
    # Participant lists: the hosting producer's members and admins only (B is a member, but not a host).
    Rule("<lang>/events/<int:pk>/participants/", "/de/events/{event}/participants/", own(200, 403, reviewer=403)),
    Rule("<lang>/events/<int:pk>/participants.csv", "/de/events/{event}/participants.csv",
         own(200, 403, reviewer=403)),
    # Proposals: members of a producer propose; the admin (not a member of any producer) decides.
    Rule("<lang>/events/propose/", "/de/events/propose/", {**members_only(200), "reviewer": 403, "admin": 403}),
    Rule("<lang>/events/proposals/", "/de/events/proposals/", {**members_only(403), "admin": 200}),
    Rule("<lang>/events/proposals/<int:pk>/<str:decision>/", "/de/events/proposals/{proposal}/reject/",
         {**members_only(403), "admin": 302}, method="post"),
    Rule("events/calendar.ics", "/events/calendar.ics", everyone(200)),
    Rule("events/producer/<slug:slug>.ics", "/events/producer/matrix-a.ics", everyone(200)),
    Rule("events/producer/<slug:slug>.ics", "/events/producer/gibt-es-nicht.ics", everyone(404)),
    Rule("events/format/<str:format>.ics", "/events/format/workshop.ics", everyone(200)),
    Rule("events/format/<str:format>.ics", "/events/format/nothing.ics", everyone(404)),
    Rule("events/<int:pk>.ics", "/events/{event}.ics", everyone(200)),
    # --- shop --- off by default: every route is a 404 for everyone (SHOP below: the same routes with it on).
    *[Rule(route, url, everyone(404), method=method) for route, url, method, _on in SHOP if route != WEBHOOK],
    # The webhook's 404 is neutral, so LocaleMiddleware turns it into a redirect to /de/shop/stripe/webhook/.
    Rule(WEBHOOK, "/shop/stripe/webhook/", everyone(302), method="post"),
]


def all_routes(patterns=None, prefix=""):
    """Every URL pattern of the project as one string, includes flattened."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        part = "<lang>/" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from all_routes(pattern.url_patterns, prefix + part)
        else:
            yield prefix + part


def test_every_route_has_a_rule():
    missing = [route for route in all_routes() if not any(rule.covers(route) for rule in RULES)]
    assert not missing, "Routes without a permission rule (add a Rule to RULES):\n" + "\n".join(missing)


def test_every_rule_matches_a_route():
    routes = list(all_routes())
    stale = [rule.route for rule in RULES if not any(rule.covers(route) for route in routes)]
    assert not stale, f"Rules for routes that no longer exist: {stale}"


@pytest.fixture
def role_users(db):
    """The users behind ROLES: two plain members, a reviewer with admin access, a superuser."""
    User = get_user_model()
    users = {"anonymous": None}
    for name in ("member_a", "member_b"):
        users[name] = User.objects.create_user(name, f"{name}@example.org", "pw-123456789")
    reviewers, _created = Group.objects.get_or_create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    users["reviewer"] = User.objects.create_user("reviewer", "reviewer@example.org", "pw-123456789")
    # Reviewers review label applications too.
    users["reviewer"].groups.add(reviewers, Group.objects.get(name="Label reviewers"))
    users["admin"] = User.objects.create_superuser("admin", "admin@example.org", "pw-123456789")
    return users


@pytest.fixture
def sample(home, role_users, settings, tmp_path):
    """Member A's things (producer, label application with evidence, certificate, event with a registration,
    event proposal, shop order part); member B is a member of another producer. Returns the ids for the URLs."""
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from directory.demo import seed_index
    from directory.models import ProducerPage, Product
    from events.models import EventIndexPage, EventPage, EventProposal, Registration
    from label.models import Application, Certificate, Evidence
    from madebybochum.pages.demo import translated, upsert_page
    from shop.models import Offer, Order, OrderPart

    settings.LABEL_EVIDENCE_ROOT = tmp_path / "evidence"
    member_a, member_b = role_users["member_a"], role_users["member_b"]
    index = seed_index(home)
    producers = {}
    for key, member in (("a", member_a), ("b", member_b)):
        producers[key], _created = upsert_page(
            index, ProducerPage, f"matrix-{key}", translated("title", {"de": f"Werkstatt {key.upper()}"}))
        producers[key].members.add(member)
    producer = producers["a"]
    application = Application.objects.create(producer=producer, applicant=member_a, language="de")
    evidence = Evidence.objects.create(
        application=application, stage="manufacture", file=ContentFile(b"%PDF-1.4 matrix", name="beleg.pdf"),
        original_name="beleg.pdf", content_type="application/pdf", uploaded_by=member_a)
    approved = Application.objects.create(
        producer=producer, applicant=member_a, language="de", status=Application.Status.APPROVED)
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        number="MBB-2020-0001", producer=producer, application=approved, valid_from=today,
        valid_until=today + timedelta(days=365))
    calendar, _created = upsert_page(
        home, EventIndexPage, "veranstaltungen", translated("title", {"de": "Veranstaltungen"}))
    start = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    event = EventPage(slug="matrix-werkstattabend", **translated("title", {"de": "Werkstattabend"}),
                      starts_at=start, ends_at=start + timedelta(hours=2), registration_required=True)
    calendar.add_child(instance=event)
    event.hosts.set([producer])
    event.save_revision().publish()
    registration = Registration.objects.create(
        event=event, occurrence_start=start, occurrence_end=start + timedelta(hours=2), name="Gast",
        email="gast@example.org", status=Registration.CONFIRMED)
    proposal = EventProposal.objects.create(
        producer=producer, proposed_by=member_a, title="Offene Werkstatt", description="Kommt vorbei.",
        starts_at=start, ends_at=start + timedelta(hours=2))
    product = Product.objects.create(producer=producer, **translated("name", {"de": "Schale"}), price=20)
    offer = Offer.objects.create(product=product, purchasable=True, stock=5)
    order = Order.objects.create(number=ORDER, status="paid", name="Käuferin", email="k@example.org",
                                 amount_total=2490)
    part = OrderPart.objects.create(order=order, producer=producer, producer_name=producer.title,
                                    delivery=OrderPart.SHIPPING, shipping_cost=4.90)
    return {
        "producer": producer.pk, "application": application.pk, "evidence": evidence.pk, "certificate": certificate.number,
        "event": event.pk, "token": registration.token, "proposal": proposal.pk, "offer": offer.pk,
        "order": order.number, "part": part.pk,
    }


def statuses(client, role_users, rule, sample):
    got = {}
    for role in ROLES:
        client.logout()
        if role_users[role] is not None:
            client.force_login(role_users[role])
        got[role] = getattr(client, rule.method)(rule.url.format(**sample)).status_code
    return got


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.method} {rule.url}")
def test_each_role_gets_the_expected_status(client, role_users, sample, rule):
    assert statuses(client, role_users, rule, sample) == rule.expect


@pytest.mark.parametrize("route, url, method, expect", SHOP, ids=lambda value: value if isinstance(value, str) else "")
def test_each_role_gets_the_expected_status_with_the_shop_on(client, role_users, sample, settings, route, url, method,
                                                              expect):
    from tests.shop.fake_stripe import FakeStripe

    with FakeStripe() as fake:
        settings.SHOP_ENABLED = True
        settings.STRIPE_SECRET_KEY = "sk_test_fake"
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake"
        settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
        settings.STRIPE_API_BASE = fake.url
        settings.SHOP_REQUIRE_LABEL = False
        assert statuses(client, role_users, Rule(route, url, expect, method=method), sample) == expect
