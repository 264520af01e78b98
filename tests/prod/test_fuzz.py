"""Bad input on every public form and query parameter (hypothesis): never a server error; an invalid form
comes back in the visitor's language with its errors and with what was typed correctly still in it;
nothing is half-saved.

Requests are built the way a browser or a bot can send them: percent-encoded bytes, so NUL bytes, very
long strings, right-to-left text, emoji and bytes that are no valid UTF-8 (lone surrogates) all arrive.
The demo content is seeded once for the module; every example runs in a savepoint that is rolled back.
"""

import re
from datetime import datetime
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from directory.forms import JoinRequestForm
from directory.models import JoinRequest, ProducerPage
from events.forms import RegistrationForm
from events.models import EventPage, Registration
from label import services as label_services
from label.forms import ApplicationForm
from label.models import Application, Certificate, Evidence
from shop.forms import CheckoutForm
from shop.models import Order
from tests.public_pages import LANGUAGES, PUBLIC_PAGES
from tests.shop.factories import offer as make_offer
from tests.shop.factories import shop_settings
from tests.shop.fake_stripe import FakeStripe

FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

NASTY = [
    "\x00", "a\x00b", "%00", "\ud800", "x\udfffy", "\ufeff", "\u202eevil\u202c", "שלום עולם", "مرحبا بكم في بوخوم",
    "😀🇩🇪👩‍👩‍👧", "'\"<script>alert(1)</script>&amp;", "Robert'); DROP TABLE x;--", "ä" * 3000, "9" * 40,
    "-1", "0", "1e309", "NaN", " ", "\r\n", "../../etc/passwd", "${jndi:x}", "{{ 7*7 }}", "null",
]
nasty = st.sampled_from(NASTY)
# st.characters() leaves out surrogates unless told otherwise: they are what cannot be encoded.
any_char_text = st.text(st.characters(exclude_categories=()), max_size=30)
text = st.one_of(st.text(max_size=40), any_char_text, nasty, st.builds(str.__add__, nasty, st.text(max_size=8)))
languages = st.sampled_from(LANGUAGES)


def encode(value):
    """Percent-encode like a client that sends whatever bytes it likes (lone surrogates as raw bytes)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def query(pairs):
    return "&".join(f"{encode(key)}={encode(value)}" for key, value in pairs)


def post(client, path, pairs):
    return client.post(path, data=query(pairs), content_type="application/x-www-form-urlencoded")


def ok(response):
    assert response.status_code < 500, response.content[:2000]
    return response


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """seed_demo once for this module, rolled back at its end."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("seed_demo", stdout=open("/dev/null", "w"))
            yield
            transaction.set_rollback(True)


class savepoint:
    """One hypothesis example: empty caches (page cache, rate limits, sessions), and a savepoint rolled back."""

    def __enter__(self):
        for cache in caches.all():
            cache.clear()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()

    def __exit__(self, *exc):
        transaction.set_rollback(True)
        self.atomic.__exit__(*exc)


def assert_form_rerendered(response, form, lang):
    """The form's errors in the visitor's language, and every correctly typed value still in the form."""
    assert response.status_code == 200
    content = response.content.decode()
    assert f'lang="{lang}"' in content
    with translation.override(lang):
        shown = {name: list(errors) for name, errors in form.errors.items()}
    with translation.override("en"):
        english = {name: list(errors) for name, errors in form.errors.items()}
    assert shown
    for name, errors in shown.items():
        for error, in_english in zip(errors, english[name]):
            assert escape(error) in content, f"{name}: {error!r} not shown"
            if lang != "en" and error != in_english:
                assert escape(in_english) not in content
    for name in form.fields:
        value = form[name].value()
        typed = getattr(form[name].field.widget, "input_type", "text") not in ("checkbox", "hidden")
        if name not in form.errors and isinstance(value, str) and value and typed:
            assert escape(value) in content, f"{name}: typed value {value!r} lost"


def bound(form_class, response, **kwargs):
    form = form_class(response.wsgi_request.POST, **kwargs)
    form.is_valid()
    return form


@FUZZ
@given(lang=languages, segment=text)
def test_page_paths(demo, db, lang, segment):
    """Wagtail's pages (and the 404 page) for any path segment, under a section and at the top."""
    with savepoint():
        client = Client()
        for path in (f"/{lang}/{encode(segment)}/", f"/{lang}/produzenten/{encode(segment)}/", f"/{encode(segment)}"):
            assert ok(client.get(path)).status_code in (200, 301, 302, 404)


# --- directory: join request, filters and search, map, open data ---

@FUZZ
@given(lang=languages, business_name=text, contact_name=text, email=st.one_of(text, st.emails()), phone=text,
       what_you_make=text)
@example(lang="ar", business_name="מאפייה \u202e", contact_name="Zeynep 😀", email="\x00@example.org", phone="0234 1",
         what_you_make="Brot" * 2000)
def test_join_request_form(demo, db, settings, lang, business_name, contact_name, email, phone, what_you_make):
    settings.HONEYPOT_MIN_SECONDS = 0
    with savepoint():
        before = JoinRequest.objects.count()
        client = Client()
        # The honeypot's fields as the page rendered them.
        shown_at = re.search(r'name="shown_at" value="([^"]*)"', client.get(f"/{lang}/mitmachen/").content.decode()).group(1)
        response = ok(post(client, f"/{lang}/mitmachen/", [
            ("website", ""), ("shown_at", shown_at), ("business_name", business_name), ("contact_name", contact_name), ("email", email), ("phone", phone),
            ("what_you_make", what_you_make),
        ]))
        form = bound(JoinRequestForm, response)
        event(f"join request valid: {form.is_valid()}")
        if form.is_valid():
            assert response.status_code == 302
            assert JoinRequest.objects.count() == before + 1
        else:
            assert JoinRequest.objects.count() == before
            assert_form_rerendered(response, form, lang)


directory_params = st.lists(
    st.tuples(
        st.sampled_from(["q", "category", "form", "experience", "sold", "language", "wheelchair", "label", "open", "page"]),
        st.one_of(text, st.sampled_from(["food", "crafts", "manufactory", "workshops", "sells_online", "de", "tr",
                                         "on", "1", "2", "last", "999999", "kaffee"])),
    ),
    max_size=6,
)


@FUZZ
@given(lang=languages, params=directory_params)
def test_directory_filters_search_and_pages(demo, db, lang, params):
    with savepoint():
        response = ok(Client().get(f"/{lang}/produzenten/?{query(params)}"))
        assert response.status_code == 200


@FUZZ
@given(lang=languages, params=directory_params)
def test_map_and_open_data_filters(demo, db, lang, params):
    with savepoint():
        client = Client()
        assert ok(client.get(f"/{lang}/karte/?{query(params)}")).status_code == 200
        geojson = ok(client.get(f"/api/producers.geojson?{query(params)}"))
        assert geojson.status_code == 200 and geojson.json()["type"] == "FeatureCollection"
        assert ok(client.get(f"/api/producers.csv?{query(params)}")).status_code == 200


# --- events: calendar, event page with registration, cancel links, iCal feeds ---

month_values = st.one_of(
    text,
    st.builds(lambda year, month: f"{year}-{month}", st.integers(-10, 10**6), st.integers(-2, 14)),
    st.sampled_from(["0001-01", "9999-12", "2026-13", "2026-00", "2026", "2026-1-1"]),
)


@FUZZ
@given(lang=languages, view=st.one_of(text, st.just("month")), month=month_values, format=text, producer=text,
       language=text, archive=st.one_of(text, st.just("1")))
def test_calendar_query_parameters(demo, db, lang, view, month, format, producer, language, archive):
    with savepoint():
        params = [("view", view), ("month", month), ("format", format), ("producer", producer),
                  ("language", language), ("archive", archive)]
        assert ok(Client().get(f"/{lang}/veranstaltungen/?{query(params)}")).status_code == 200


date_keys = st.one_of(
    text,
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)).map(
        lambda moment: moment.strftime("%Y-%m-%dT%H:%M")
    ),
    st.sampled_from(["0001-01-01T00:00", "9999-12-31T23:59", "2026-02-30T10:00"]),
)


@FUZZ
@given(lang=languages, date=date_keys)
def test_event_page_date_parameter(demo, db, lang, date):
    with savepoint():
        response = ok(Client().get(f"/{lang}/veranstaltungen/werkstatt-mittwoch/?date={encode(date)}"))
        assert response.status_code == 200


@pytest.fixture
def open_date(demo, db, settings):
    """The key of the weekly workshop's next date and the form's honeypot time stamp, as the registration
    form sends them (a person: no waiting for the honeypot's minimum time here)."""
    settings.HONEYPOT_MIN_SECONDS = 0
    page = Client().get("/de/veranstaltungen/werkstatt-mittwoch/").content.decode()
    return re.search(r'name="date" value="([^"]+)"', page).group(1), re.search(r'name="shown_at" value="([^"]+)"', page).group(1)


@FUZZ
@given(lang=languages, name=text, email=st.one_of(text, st.emails()), seats=st.one_of(text, st.integers(-5, 20).map(str)),
       waiting_ok=st.sampled_from(["", "on", "\x00", "yes"]), fuzz_date=st.booleans(), date=date_keys)
@example(lang="ar", name="ليلى 😀", email="laila@example.org", seats="2", waiting_ok="", fuzz_date=False, date="")
@example(lang="tr", name="Ayşe", email="ayse@example.org", seats="11", waiting_ok="on", fuzz_date=False, date="")
def test_event_registration_form(open_date, lang, name, email, seats, waiting_ok, fuzz_date, date):
    with savepoint():
        workshop = EventPage.objects.get(slug="werkstatt-mittwoch")
        before = Registration.objects.count()
        open_key, shown_at = open_date
        key = date if fuzz_date else open_key
        pairs = [("date", key), ("name", name), ("email", email), ("seats", seats), ("website", ""), ("shown_at", shown_at)]
        if waiting_ok:
            pairs.append(("waiting_ok", waiting_ok))
        response = ok(post(Client(), f"/{lang}/veranstaltungen/werkstatt-mittwoch/?date={encode(key)}", pairs))
        form = bound(RegistrationForm, response)
        event(f"registration form valid: {form.is_valid()}, status {response.status_code}")
        if not form.is_valid():
            assert Registration.objects.count() == before
            if response.status_code == 200:
                assert_form_rerendered(response, form, lang)
            else:  # a date that is not open for registration: sent back to the event with a message
                assert response.status_code == 302 and response["Location"] == workshop.url
        elif response.status_code == 302:
            # Held until the emailed link confirms it (seats or a waiting-list place), and sent to "check your
            # e-mail"; or, for a forged date, sent back with a message.
            registered = not fuzz_date or response["Location"] != workshop.url
            assert Registration.objects.count() == before + registered
            if registered:
                assert "/check-your-email/" in response["Location"]
                assert Registration.objects.latest("pk").status == Registration.PENDING
        else:  # more seats than are left, and no waiting list wanted: the reason, and everything kept
            assert Registration.objects.count() == before
            assert "errorlist" in response.content.decode() and escape(form["name"].value()) in response.content.decode()


@FUZZ
@given(lang=languages, token=text, method=st.sampled_from(["get", "post"]))
def test_cancel_links(demo, db, lang, token, method):
    with savepoint():
        client = Client()
        before = list(Registration.objects.values_list("pk", "status"))
        response = ok(getattr(client, method)(f"/{lang}/events/cancel/{encode(token)}/"))
        assert response.status_code == 404 or Registration.objects.filter(token=token).exists()
        if response.status_code == 404:
            assert list(Registration.objects.values_list("pk", "status")) == before


@FUZZ
@given(slug=text, format=text, pk=st.one_of(st.integers(-1, 10**20), st.just(0)), params=text)
@example(slug="werkstatt", format="workshop", pk=2**63, params="")
def test_ical_feeds(demo, db, slug, format, pk, params):
    with savepoint():
        client = Client()
        assert ok(client.get(f"/events/calendar.ics?x={encode(params)}")).status_code == 200
        assert ok(client.get(f"/events/producer/{encode(slug)}.ics")).status_code in (200, 404)
        assert ok(client.get(f"/events/format/{encode(format)}.ics")).status_code in (200, 404)
        assert ok(client.get(f"/events/{pk}.ics")).status_code in (200, 404)


# --- label: verification (page, short URL, QR codes, sticker) and the member's application ---

@FUZZ
@given(lang=languages, number=st.one_of(text, st.sampled_from(["MBB-2026-0001", "mbb-1999-9999", "MBB-"])))
def test_label_verification(demo, db, lang, number):
    with savepoint():
        client = Client()
        assert ok(client.get(f"/{lang}/label/certificates/{encode(number)}/")).status_code in (200, 404)
        for suffix in ("", "/qr.svg", "/qr.png", "/sticker.svg"):
            assert ok(client.get(f"/v/{encode(number)}{suffix}")).status_code in (200, 302, 404)


@pytest.fixture
def member_application(demo, db):
    user = get_user_model().objects.get(username="mitglied-a")
    producer = ProducerPage.objects.filter(members=user).order_by("pk").first()
    return user, label_services.start_application(producer, user, "de")


APPLICATION_TEXT_FIELDS = ["seat_address", "seat_municipality", "shop_address", "shop_municipality", "design_elsewhere",
                           "design_description", "quality_statement", "sustainability_notes"]


@FUZZ
@given(lang=languages, texts=st.lists(text, min_size=len(APPLICATION_TEXT_FIELDS), max_size=len(APPLICATION_TEXT_FIELDS)),
       employees=st.one_of(text, st.integers(-10, 10**12).map(str)),
       founded_on=st.one_of(text, st.sampled_from(["2015-03-01", "0000-00-00", "9999-12-31", "2015-02-30", "01.03.2015"])),
       consent=st.sampled_from(["", "on", "\x00"]), action=st.sampled_from(["save", "submit"]))
def test_label_application_form(member_application, lang, texts, employees, founded_on, consent, action):
    user, application = member_application
    with savepoint():
        client = Client()
        client.force_login(user)
        saved = Application.objects.filter(pk=application.pk).values().get()
        counts = (Application.objects.count(), Evidence.objects.count(), Certificate.objects.count())
        pairs = [*zip(APPLICATION_TEXT_FIELDS, texts), ("full_time_employees", employees), ("founded_on", founded_on),
                 (action, "")]
        if consent:
            pairs.append(("consent", consent))
        response = ok(post(client, f"/{lang}/label/applications/{application.pk}/", pairs))
        form = bound(ApplicationForm, response, instance=Application.objects.get(pk=application.pk))
        assert (Application.objects.count(), Evidence.objects.count(), Certificate.objects.count()) == counts
        if not form.is_valid():
            assert Application.objects.filter(pk=application.pk).values().get() == saved
            assert_form_rerendered(response, form, lang)


@FUZZ
@given(lang=languages, producer=text)
def test_label_start_with_any_producer_value(member_application, lang, producer):
    user, _application = member_application
    with savepoint():
        client = Client()
        client.force_login(user)
        before = Application.objects.count()
        response = ok(post(client, f"/{lang}/label/apply/", [("producer", producer)]))
        assert response.status_code in (302, 404)
        assert Application.objects.count() == before


# --- shop (switched on): cart and checkout ---

@pytest.fixture
def shop(demo, db, settings):
    with FakeStripe() as fake:
        shop_settings(settings, fake)
        yield make_offer(ProducerPage.objects.get(slug="eismanufaktur-gleisdreieck"), "Fuzz-Gutschein", "12.50", stock=5)


@FUZZ
@given(lang=languages, offer=st.one_of(text, st.just("OFFER")), quantity=st.one_of(text, st.integers(-5, 200).map(str)),
       update=st.lists(st.tuples(st.sampled_from(["quantity-OFFER", "remove", "delivery-PRODUCER", "quantity-x"]), text),
                       max_size=4))
def test_cart_forms(shop, lang, offer, quantity, update):
    with savepoint():
        client = Client()
        orders = Order.objects.count()
        ids = {"OFFER": str(shop.pk), "PRODUCER": str(shop.product.producer_id)}
        offer = ids.get(offer, offer)
        assert ok(post(client, f"/{lang}/shop/cart/add/", [("offer", offer), ("quantity", quantity)])).status_code == 302
        update = [(key.replace("OFFER", ids["OFFER"]).replace("PRODUCER", ids["PRODUCER"]), value) for key, value in update]
        assert ok(post(client, f"/{lang}/shop/cart/update/", update)).status_code == 302
        assert ok(client.get(f"/{lang}/shop/cart/")).status_code == 200
        assert Order.objects.count() == orders


@FUZZ
@given(lang=languages, name=text, email=st.one_of(text, st.emails()), street=text, postcode=text, city=text,
       delivery=st.sampled_from(["pickup", "shipping"]))
def test_checkout_form(shop, lang, name, email, street, postcode, city, delivery):
    with savepoint():
        client = Client()
        post(client, f"/{lang}/shop/cart/add/", [("offer", str(shop.pk)), ("quantity", "1")])
        post(client, f"/{lang}/shop/cart/update/", [(f"delivery-{shop.product.producer_id}", delivery)])
        before = Order.objects.count()
        # The address fields are there only when something is shipped; a browser sends what is there.
        page = client.get(f"/{lang}/shop/checkout/").content.decode()
        needs_address = 'name="street"' in page
        assert needs_address == (delivery == "shipping")
        # The honeypot's fields as the page rendered them (the shop's test settings wait no time).
        shown_at = re.search(r'name="shown_at" value="([^"]*)"', page).group(1)
        pairs = [("website", ""), ("shown_at", shown_at), ("name", name), ("email", email)]
        if needs_address:
            pairs += [("street", street), ("postcode", postcode), ("city", city)]
        response = ok(post(client, f"/{lang}/shop/checkout/", pairs))
        form = bound(CheckoutForm, response, needs_address=needs_address)
        event(f"checkout form valid: {form.is_valid()}, status {response.status_code}")
        if response.status_code == 200:
            assert Order.objects.count() == before
            assert_form_rerendered(response, form, lang)
        else:
            assert form.is_valid() and response.status_code in (302, 303)


# --- every public URL: repeated and oversized query parameters ---

PARAMETER_NAMES = ["q", "category", "form", "experience", "sold", "language", "wheelchair", "label", "open", "page",
                   "view", "month", "date", "archive", "format", "producer", "status", "focus", "next"]
FEEDS = ["/api/producers.geojson", "/api/producers.csv", "/api/label-holders.json", "/events/calendar.ics",
         "/events/format/workshop.ics", "/sitemap.xml"]
public_urls = st.sampled_from(sorted(
    {url.format(lang="{lang}").split("?")[0] for url in PUBLIC_PAGES.values() if isinstance(url, str)} | set(FEEDS)
))
repeated_values = st.lists(
    st.tuples(
        st.sampled_from(PARAMETER_NAMES),
        st.one_of(st.sampled_from(["de", "tr", "food", "workshops", "sells_online", "on", "1", "month", "2026-12"]),
                  st.text(max_size=20), st.just("ä" * 3000)),
        st.sampled_from([1, 2, 19, 20, 21, 60, 1000]),
    ),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(lang=languages, url=public_urls, parameters=repeated_values)
@example(lang="de", url="/api/producers.geojson", parameters=[("language", "de", 1000)])
@example(lang="ar", url="/{lang}/produzenten/", parameters=[("language", "de", 20), ("experience", "workshops", 20)])
@example(lang="de", url="/{lang}/veranstaltungen/", parameters=[("month", "99999999999-1", 1), ("view", "month", 1)])
def test_repeated_and_oversized_query_parameters(demo, db, lang, url, parameters):
    """Never a 500, and never a query that grows with the number of values: at most a few dozen
    statements of bounded size and joins, or the site's 400 page for a query string beyond its limits."""
    pairs = [(name, value) for name, value, times in parameters for _ in range(times)]
    with savepoint(), CaptureQueriesContext(connection) as queries:
        response = ok(Client().get(f"{url.format(lang=lang)}?{query(pairs)}"))
    event(f"status {response.status_code}")
    assert len(queries) <= 40
    assert max((len(q["sql"]) for q in queries.captured_queries), default=0) < 20_000
    assert max((q["sql"].count(" JOIN ") for q in queries.captured_queries), default=0) <= 10
