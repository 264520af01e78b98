"""Demo content for this app, called by `seed_demo` after the directory's (idempotent): the route
overview and two walks past the demo producers."""

from django.db import transaction

from directory.models import ProducerPage
from madebybochum.pages.demo import seed_home, translated, upsert_page

from .models import ExperienceRouteIndexPage, ExperienceRoutePage, RouteStop

INDEX = {
    "title": {"de": "Routen", "en": "Routes", "tr": "Rotalar", "ar": "مسارات"},
    "intro": {
        "de": "Zu Fuß von Werkstatt zu Werkstatt: Rundgänge, auf denen Sie zusehen, probieren und mitmachen können.",
        "en": "On foot from workshop to workshop: walks on which you can watch, taste and join in.",
        "tr": "Atölyeden atölyeye yürüyerek: izleyebileceğiniz, tadabileceğiniz ve katılabileceğiniz turlar.",
        "ar": "سيراً على الأقدام من ورشة إلى أخرى: جولات تشاهدون فيها وتتذوقون وتشاركون.",
    },
    "search_description": {
        "de": "Rundgänge zu den Produzentinnen und Produzenten der Innenstadt, mit Karte und zum Ausdrucken.",
        "en": "Walks to the producers of the city centre, with a map and ready to print.",
        "tr": "Şehir merkezindeki üreticilere yürüyüş turları; harita ile ve yazdırmaya hazır.",
        "ar": "جولات إلى منتجي وسط المدينة، مع خريطة وجاهزة للطباعة.",
    },
}

ROUTES = [
    {
        "slug": "ehrenfeld-runde",
        "title": {"de": "Ehrenfeld-Runde", "en": "Ehrenfeld round", "tr": "Ehrenfeld turu", "ar": "جولة إهرنفيلد"},
        "intro": {
            "de": "Vom Schneidertisch über die Geigenwerkstatt bis zur Rösterei: fünf Betriebe, in denen Sie beim Herstellen zusehen können. Gut zwei Stunden mit Pausen.",
            "en": "From the tailor's table via the violin workshop to the roastery: five businesses where you can watch things being made. A good two hours with breaks.",
            "tr": "Terzi masasından keman atölyesine ve kavurma evine: üretimi izleyebileceğiniz beş işletme. Molalarla iki saatten biraz fazla.",
            "ar": "من طاولة الخياطة مروراً بورشة الكمان وصولاً إلى المحمصة: خمس منشآت يمكنكم فيها مشاهدة الإنتاج. ساعتان ونيف مع الاستراحات.",
        },
        "stops": [
            ("aenderungsschneiderei-yildiz", {}),
            ("geigenbau-hellweg", {
                "de": "Klopfen Sie an: Die Werkstatt ist klein, Besuch ist trotzdem willkommen.",
                "en": "Knock on the door: the workshop is small, but visitors are welcome.",
                "tr": "Kapıyı çalın: atölye küçük ama ziyaretçiler her zaman hoş karşılanır.",
                "ar": "اطرقوا الباب: الورشة صغيرة، لكن الزوار مرحّب بهم.",
            }),
            ("goldschmiede-feldmann", {}),
            ("eismanufaktur-gleisdreieck", {
                "de": "Vom Schaufenster aus sehen Sie, wie das Eis gerührt wird.",
                "en": "From the shop window you can watch the ice cream being churned.",
                "tr": "Vitrinden dondurmanın nasıl yapıldığını izleyebilirsiniz.",
                "ar": "من الواجهة ترون كيف تُحضَّر المثلجات.",
            }),
            ("roesterei-kortum", {
                "de": "Zum Schluss ein Kaffee: jeden ersten Samstag mit Führung durch die Rösterei.",
                "en": "A coffee to finish: every first Saturday with a tour of the roastery.",
                "tr": "Son olarak bir kahve: her ayın ilk cumartesi kavurma evinde rehberli tur.",
                "ar": "وفي الختام فنجان قهوة: في أول سبت من كل شهر مع جولة في المحمصة.",
            }),
        ],
    },
    {
        "slug": "genuss-runde",
        "title": {"de": "Genuss-Runde", "en": "Taste round", "tr": "Lezzet turu", "ar": "جولة التذوّق"},
        "intro": {
            "de": "Pilze aus dem Bunker, Eis aus dem Schaufenster, Bier aus dem Sudhaus: vier Stationen zum Probieren.",
            "en": "Mushrooms from the bunker, ice cream from the shop window, beer from the brewhouse: four stops to taste.",
            "tr": "Sığınaktan mantar, vitrinden dondurma, bira evinden bira: tadımlık dört durak.",
            "ar": "فطر من الملجأ ومثلجات من الواجهة وبيرة من المصنع: أربع محطات للتذوّق.",
        },
        "stops": [
            ("bunkerpilze", {
                "de": "Nur samstags geöffnet.",
                "en": "Open on Saturdays only.",
                "tr": "Yalnızca cumartesi günleri açık.",
                "ar": "مفتوح أيام السبت فقط.",
            }),
            ("eismanufaktur-gleisdreieck", {}),
            ("roesterei-kortum", {}),
            ("brauerei-schlegelhof", {}),
        ],
    },
]


def seed_index(home):
    fields = {
        **translated("title", INDEX["title"]),
        **translated("intro", INDEX["intro"]),
        **translated("search_description", INDEX["search_description"]),
        "show_in_menus": True,
    }
    index, _created = upsert_page(home, ExperienceRouteIndexPage, "routen", fields)
    return index


def seed_route(index, spec, producers):
    fields = {
        **translated("title", spec["title"]),
        **translated("intro", spec["intro"]),
        **translated("search_description", spec["intro"]),
    }
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    route = ExperienceRoutePage(slug=spec["slug"], **fields)
    # sort_order is the walking order: stops added in code get none of their own.
    for number, (slug, note) in enumerate(spec["stops"]):
        if slug in producers:
            route.stops.add(RouteStop(producer=producers[slug], sort_order=number, **translated("note", note or {"de": ""})))
    index.add_child(instance=route)
    route.save_revision().publish()
    return route


def seed(stdout, **options):
    """Create this app's demo content; it makes no logins."""
    with transaction.atomic():
        index = seed_index(seed_home())
        producers = {p.slug: p for p in ProducerPage.objects.filter(slug__in={s for r in ROUTES for s, _n in r["stops"]})}
        for spec in ROUTES:
            seed_route(index, spec, producers)
    return []
