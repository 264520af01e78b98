"""Demo content for the label, called by `seed_demo` (idempotent): certificates in every status and
applications waiting for review, for producers the directory demo creates (made here if still missing)."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from directory.models import ProducerIndexPage, ProducerPage
from madebybochum.pages.demo import ensure_user, translated, upsert_page
from madebybochum.pages.models import HomePage

from . import services
from .models import Application

INDEX = {
    "title": {"de": "Produzenten", "en": "Producers", "tr": "Üreticiler", "ar": "المنتجون"},
    "intro": {
        "de": "Wer in Bochum was macht.",
        "en": "Who makes what in Bochum.",
        "tr": "Bochum'da kim ne üretiyor.",
        "ar": "من يصنع ماذا في بوخوم.",
    },
}

# slug, name, intro, facts of the application, what happens to it
PRODUCERS = [
    (
        "eismanufaktur-gleisdreieck",
        "Eismanufaktur Kohlenpott",
        {"de": "Eis aus Bochumer Milch, im Café hergestellt.", "en": "Ice cream from local milk, made in the café.",
         "tr": "Yerel sütten, kafede yapılan dondurma.", "ar": "مثلجات من حليب محلي تُصنع في المقهى."},
        {"full_time_employees": 6, "design": True, "manufacture": True, "finishing": True},
        "valid",
    ),
    (
        "roesterei-kortum",
        "Kaffeerösterei Gleisdreieck",
        {"de": "Kaffee, im Gleisdreieck geröstet.", "en": "Coffee roasted inside the railway triangle.",
         "tr": "Demiryolu üçgeninde kavrulan kahve.", "ar": "قهوة تُحمَّص داخل مثلث السكك الحديدية."},
        {"full_time_employees": 12, "design": True, "manufacture": True, "finishing": False},
        "expiring",
    ),
    (
        "geigenbau-hellweg",
        "Geigenbau Brückstraße",
        {"de": "Geigen, gebaut und repariert auf 18 m².", "en": "Violins made and repaired in an 18 m² workshop.",
         "tr": "18 m²'lik atölyede yapılan ve onarılan kemanlar.", "ar": "كمانات تُصنع وتُصلح في ورشة مساحتها 18 م²."},
        {"full_time_employees": 0, "is_startup": True, "design": True, "manufacture": True, "finishing": True},
        "provisional",
    ),
    (
        "orthopaedie-schuhtechnik-ruhr",
        "Orthopädie-Schuhtechnik Ost",
        {"de": "Maßschuhe und Einlagen aus der Werkstatt.", "en": "Made-to-measure shoes and insoles.",
         "tr": "Ölçüye göre ayakkabı ve tabanlık.", "ar": "أحذية ونعال طبية حسب المقاس."},
        {"full_time_employees": 4, "design": True, "manufacture": True, "finishing": True},
        "expired",
    ),
    (
        "aenderungsschneiderei-yildiz",
        "Änderungsschneiderei Kortum",
        {"de": "Ändern, reparieren, maßschneidern.", "en": "Alterations, repairs, tailoring.",
         "tr": "Tadilat, onarım, ölçüye göre dikim.", "ar": "تعديل الملابس وإصلاحها وتفصيلها."},
        {"full_time_employees": 2, "design": False, "manufacture": True, "finishing": True},
        "suspended",
    ),
    (
        "polsterei-sattlerei-bergmann",
        "Polsterei & Sattlerei Hellweg",
        {"de": "Polstermöbel und Lederwaren von Hand.", "en": "Upholstery and leather goods by hand.",
         "tr": "El yapımı döşeme ve deri ürünler.", "ar": "تنجيد ومنتجات جلدية يدوية."},
        {"full_time_employees": 3, "design": True, "manufacture": True, "finishing": True},
        "revoked",
    ),
]  # fmt: skip


def _index_page():
    index = ProducerIndexPage.objects.first()
    if index:
        return index
    home = HomePage.objects.first()
    page, _created = upsert_page(
        home,
        ProducerIndexPage,
        "produzenten",
        {**translated("title", INDEX["title"]), **translated("intro", INDEX["intro"]), "show_in_menus": True},
    )
    return page


def _producer(index, slug, name, intro):
    existing = ProducerPage.objects.filter(slug=slug).first()
    if existing:
        return existing
    page, _created = upsert_page(
        index,
        ProducerPage,
        slug,
        {**translated("title", {code: name for code in ("de", "en", "tr", "ar")}), **translated("intro", intro)},
    )
    return page


def _application(producer, member, facts, status=Application.Status.DRAFT):
    return Application.objects.create(
        producer=producer,
        applicant=member,
        status=status,
        seat_address=f"{producer.title}\nBochum",
        seat_municipality="Bochum",
        shop_address="",
        shop_municipality="Bochum",
        full_time_employees=facts["full_time_employees"],
        is_startup=facts.get("is_startup", False),
        founded_on=datetime.date(2024 if facts.get("is_startup") else 2009, 4, 1),
        design_in_bochum=facts["design"],
        design_elsewhere="" if facts["design"] else "Designbüro in Dortmund",
        design_description="Entwürfe entstehen in der eigenen Werkstatt.",
        manufacture_in_bochum=facts["manufacture"],
        manufacture_description="Jedes Stück wird vor Ort von Hand gefertigt.",
        finishing_in_bochum=facts["finishing"],
        finishing_elsewhere="" if facts["finishing"] else "Verpackung durch einen Partner in Herne",
        finishing_description="Veredelung und Kontrolle vor Ort.",
        quality_statement="Beste Zutaten und Materialien, sorgfältige Handarbeit, Reklamationen unter 1 %.",
        sustainability_notes="Zutaten und Materialien aus der Region, kurze Wege.",
        seasonality_notes="Das Sortiment wechselt mit den Jahreszeiten.",
        recycling_notes="Mehrwegverpackungen und Reparaturservice.",
        consent=True,
    )


def _approved(producer, member, reviewer, facts, today):
    application = _application(producer, member, facts)
    services.submit(application, member)
    return services.approve(application, reviewer, "Willkommen beim Label!", today=today)


def _renewal_waiting(certificate, member):
    renewal = services.start_renewal(certificate, member)
    renewal.consent = True
    renewal.save()
    services.submit(renewal, member)


@transaction.atomic
def seed(stdout, **options):
    """Create this app's demo content; return the demo logins it made as (username, password, role)."""
    reviewer, _created = ensure_user(
        "pruefer", "pruefer", "pruefer@madebybochum.example", first_name="Petra", last_name="Prüfer", is_staff=True
    )
    reviewer.groups.add(Group.objects.get(name="Label reviewers"))
    member, _created = ensure_user(
        "mitglied", "mitglied", "mitglied@madebybochum.example", first_name="Mehmet", last_name="Mitglied"
    )
    index = _index_page()
    today = timezone.localdate()
    for slug, name, intro, facts, fate in PRODUCERS:
        producer = _producer(index, slug, name, intro)
        producer.members.add(member)
        if producer.label_applications.exists():
            continue
        if fate == "valid":
            _approved(producer, member, reviewer, facts, today - datetime.timedelta(days=90))
        elif fate == "expiring":
            # Runs out in 20 days: a renewal is waiting for review.
            certificate = _approved(producer, member, reviewer, facts, services.add_months(today, -12) + datetime.timedelta(days=20))
            _renewal_waiting(certificate, member)
        elif fate == "provisional":
            _approved(producer, member, reviewer, facts, today - datetime.timedelta(days=30))
        elif fate == "expired":
            certificate = _approved(producer, member, reviewer, facts, today - datetime.timedelta(days=400))
            _renewal_waiting(certificate, member)
        elif fate == "suspended":
            certificate = _approved(producer, member, reviewer, facts, today - datetime.timedelta(days=120))
            services.suspend(certificate, reviewer, "Die Fertigung wurde ausgelagert; wir prüfen das.")
        elif fate == "revoked":
            certificate = _approved(producer, member, reviewer, facts, today - datetime.timedelta(days=200))
            services.revoke(certificate, reviewer, "Die Produkte werden nicht mehr in Bochum hergestellt.")
    stdout.write("Label: certificates in every status and applications waiting for review.")
    return [("pruefer", "pruefer", "label reviewer"), ("mitglied", "mitglied", "member (6 producers)")]
