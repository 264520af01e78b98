"""Demo content for this app, called by `seed_demo` (idempotent): twelve fictional producers in
Bochum's inner city, with texts in four languages, products, opening hours and drawn photos, plus two
member logins. `--producers N` adds N synthetic producers in bulk for benchmarks."""

import io
import random
from datetime import time, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from madebybochum.pages.demo import ensure_user, seed_home, translated, upsert_page

from .models import Category, Closure, OpeningHours, ProducerIndexPage, ProducerPage, ProducerPhoto, Product, SpokenLanguage

INDEX = {
    "title": {"de": "Produzenten", "en": "Producers", "tr": "Üreticiler", "ar": "المنتجون"},
    "intro": {
        "de": "Wer in Bochum entwirft, fertigt und veredelt: suchen Sie nach Produkten, Handwerk und Erlebnissen.",
        "en": "Who designs, makes and finishes things in Bochum: search by product, craft and what you can experience.",
        "tr": "Bochum'da kim tasarlıyor, üretiyor ve son halini veriyor: ürüne, zanaate ve deneyime göre arayın.",
        "ar": "من يصمّم ويصنع ويشطّب في بوخوم: ابحثوا حسب المنتج والحرفة وما يمكنكم تجربته.",
    },
    "search_description": {
        "de": "Alle Betriebe mit Suche, Filtern und Karte: wer was in der Innenstadt herstellt.",
        "en": "Every business with search, filters and a map: who makes what in the city centre.",
        "tr": "Arama, filtreler ve harita ile tüm işletmeler: şehir merkezinde kim ne üretiyor.",
        "ar": "كل المنشآت مع البحث والمرشحات والخريطة: من يصنع ماذا في وسط المدينة.",
    },
}

WEEKDAYS_9_18 = [(day, time(9), time(18)) for day in range(5)]

# slug, names, category, form, flags, coordinates, street, hours, colour, products
PRODUCERS = [
    {
        "slug": "eismanufaktur-gleisdreieck", "name": "Eismanufaktur Gleisdreieck", "category": "food", "form": "manufactory",
        "flags": ["show_production", "workshops", "sells_own_shop", "sells_markets"], "lat": 51.48195, "lng": 7.21762,
        "street": "Brückstraße 41", "team": 30, "founded": 2011, "wheelchair": True, "languages": ["de", "it", "en"],
        "colour": (232, 172, 44), "hours": [(day, time(11), time(21)) for day in range(7)],
        "intro": {"de": "Speiseeis aus Milch vom Hof nebenan, jeden Morgen frisch gerührt.", "en": "Ice cream from the neighbouring farm's milk, churned fresh every morning.", "tr": "Komşu çiftliğin sütünden, her sabah taze yapılan dondurma.", "ar": "مثلجات من حليب المزرعة المجاورة، تُحضَّر طازجة كل صباح."},
        "story": {"de": "<p>Im Sommer 30 Leute, im Winter sechs: Wir rühren im Schaufenster, und wer will, schaut zu.</p>", "en": "<p>Thirty people in summer, six in winter: we churn in the shop window, and anyone can watch.</p>", "tr": "<p>Yazın otuz, kışın altı kişi: vitrinde üretiyoruz, isteyen izleyebilir.</p>", "ar": "<p>ثلاثون شخصاً في الصيف وستة في الشتاء: نحضّر المثلجات في الواجهة ويمكن لأي أحد أن يشاهد.</p>"},
        "products": [({"de": "Haselnuss-Eis", "en": "Hazelnut ice cream", "tr": "Fındıklı dondurma", "ar": "مثلجات البندق"}, "3.20", False, None, (True, True, True))],
    },
    {
        "slug": "roesterei-kortum", "name": "Rösterei Kortum", "category": "food", "form": "manufactory",
        "flags": ["show_production", "guided_tours", "sells_own_shop", "sells_online", "sells_partner_shops"], "lat": 51.48052, "lng": 7.21995,
        "street": "Kortumstraße 88", "team": 14, "founded": 2015, "wheelchair": True, "languages": ["de", "en", "tr"],
        "colour": (126, 39, 19), "hours": WEEKDAYS_9_18 + [(5, time(10), time(16))],
        "intro": {"de": "Kaffee, langsam geröstet, mitten in der Stadt. Brot und Kuchen vom Bäcker nebenan.", "en": "Coffee roasted slowly, right in town. Bread and cake from the bakery next door.", "tr": "Şehrin ortasında yavaşça kavrulan kahve. Yan fırından ekmek ve kek.", "ar": "قهوة محمّصة ببطء في قلب المدينة، مع خبز وكعك من المخبز المجاور."},
        "story": {"de": "<p>Zwölf Festangestellte und zwei Aushilfen rösten, mahlen und schenken aus. Jeden ersten Samstag führen wir durch die Rösterei.</p>", "en": "<p>Twelve staff and two helpers roast, grind and serve. Every first Saturday we give a tour of the roastery.</p>", "ar": "<p>اثنا عشر موظفاً ومساعدان يحمّصون ويطحنون ويقدّمون. في أول سبت من كل شهر نقدّم جولة في المحمصة.</p>"},
        "products": [({"de": "Espresso Bochumer Bohne", "en": "Bochum Bean espresso", "tr": "Bochum Çekirdeği espresso", "ar": "إسبريسو حبة بوخوم"}, "9.50", False, None, (True, True, True))],
    },
    {
        "slug": "geigenbau-hellweg", "name": "Geigenbau Hellweg", "category": "instruments", "form": "manufactory",
        "flags": ["show_production", "repair_service", "sells_made_to_order"], "lat": 51.48321, "lng": 7.21489,
        "street": "Hellweg 7", "team": 1, "founded": 1998, "wheelchair": False, "languages": ["de", "en", "fr"],
        "colour": (53, 86, 58), "hours": [(1, time(10), time(13)), (1, time(14), time(18)), (3, time(10), time(18))],
        "intro": {"de": "Geigen, Bratschen und Celli, gebaut und repariert in einer Werkstatt von 18 Quadratmetern.", "en": "Violins, violas and cellos, built and repaired in an 18 m² workshop.", "tr": "18 metrekarelik bir atölyede yapılan ve onarılan kemanlar, viyolalar ve çellolar.", "ar": "كمان وفيولا وتشيلو، تُصنع وتُصلح في ورشة مساحتها 18 متراً مربعاً."},
        "story": {"de": "<p>Eine Person, ein Raum, Holz, das Jahrzehnte gelagert hat.</p>", "en": "<p>One person, one room, and wood that has been stored for decades.</p>", "tr": "<p>Bir kişi, bir oda ve on yıllardır saklanan ahşap.</p>", "ar": "<p>شخص واحد وغرفة واحدة وخشب خُزّن لعقود.</p>"},
        "products": [({"de": "Meistergeige", "en": "Master violin", "tr": "Usta keman", "ar": "كمان احترافي"}, None, True, 180, (True, True, True))],
    },
    {
        "slug": "orthopaedie-schuhtechnik-ruhr", "name": "Orthopädie-Schuhtechnik Ruhrstein", "category": "health", "form": "manufactory",
        "flags": ["repair_service", "sells_own_shop", "sells_made_to_order"], "lat": 51.47988, "lng": 7.22241,
        "street": "Viktoriastraße 23", "team": 4, "founded": 1987, "wheelchair": True, "languages": ["de", "tr", "ru"],
        "colour": (58, 52, 49), "hours": WEEKDAYS_9_18,
        "intro": {"de": "Maßschuhe und Einlagen, die passen: gemessen, geleistet und genäht in Bochum.", "en": "Made-to-measure shoes and insoles that fit: measured, lasted and stitched in Bochum.", "tr": "Tam oturan ısmarlama ayakkabı ve tabanlıklar: Bochum'da ölçülüp dikiliyor.", "ar": "أحذية ونعال مصنوعة حسب المقاس: تُقاس وتُخاط في بوخوم."},
        "story": {"de": "<p>Vier Fachleute für Füße, die mehr brauchen als Konfektion.</p>", "en": "<p>Four specialists for feet that need more than off-the-peg.</p>", "tr": "<p>Hazırdan fazlasına ihtiyaç duyan ayaklar için dört uzman.</p>", "ar": "<p>أربعة مختصين لأقدام تحتاج أكثر من المقاسات الجاهزة.</p>"},
        "products": [({"de": "Maßschuh", "en": "Made-to-measure shoe", "tr": "Ismarlama ayakkabı", "ar": "حذاء حسب المقاس"}, None, True, 42, (True, True, True))],
    },
    {
        "slug": "aenderungsschneiderei-yildiz", "name": "Änderungsschneiderei Yıldız", "category": "textiles", "form": "manufactory",
        "flags": ["repair_service", "sells_own_shop", "sells_made_to_order"], "lat": 51.48133, "lng": 7.21305,
        "street": "Brückstraße 9", "team": 2, "founded": 2004, "wheelchair": True, "languages": ["de", "tr", "ar"],
        "colour": (163, 52, 28), "hours": WEEKDAYS_9_18 + [(5, time(9), time(14))],
        "intro": {"de": "Kürzen, weiten, flicken: Kleidung länger tragen.", "en": "Shortening, letting out, mending: wear your clothes longer.", "tr": "Kısaltma, genişletme, yama: kıyafetlerinizi daha uzun giyin.", "ar": "تقصير وتوسيع ورتق: ارتدوا ملابسكم لفترة أطول."},
        "story": {"de": "<p>Zwei Schneiderinnen, drei Sprachen, ein Bügeleisen, das nie kalt wird.</p>", "en": "<p>Two tailors, three languages, and an iron that never goes cold.</p>", "tr": "<p>İki terzi, üç dil ve hiç soğumayan bir ütü.</p>", "ar": "<p>خيّاطتان وثلاث لغات ومكواة لا تبرد أبداً.</p>"},
        "products": [({"de": "Hosen kürzen", "en": "Trouser hemming", "tr": "Pantolon kısaltma", "ar": "تقصير السراويل"}, "12.00", False, None, (False, True, True))],
    },
    {
        "slug": "polsterei-sattlerei-bergmann", "name": "Polsterei & Sattlerei Bergmann", "category": "textiles", "form": "manufactory",
        "flags": ["repair_service", "workshops", "sells_made_to_order"], "lat": 51.47912, "lng": 7.21652,
        "street": "Luisenstraße 15", "team": 3, "founded": 1962, "wheelchair": False, "languages": ["de", "pl"],
        "colour": (90, 80, 73), "hours": [(day, time(8), time(17)) for day in range(5)],
        "intro": {"de": "Sessel neu bezogen, Taschen aus Leder, Sättel repariert.", "en": "Armchairs reupholstered, leather bags, saddles repaired.", "tr": "Koltuk kaplama, deri çanta, eyer onarımı.", "ar": "تنجيد الكراسي وحقائب جلدية وإصلاح السروج."},
        "story": {"de": "<p>In dritter Generation an der Luisenstraße.</p>", "en": "<p>Third generation on Luisenstraße.</p>", "tr": "<p>Luisenstraße'de üçüncü kuşak.</p>", "ar": "<p>الجيل الثالث في شارع لويزن.</p>"},
        "products": [({"de": "Ledertasche Zeche", "en": "Colliery leather bag", "tr": "Maden deri çanta", "ar": "حقيبة جلد المنجم"}, "189.00", True, 21, (True, True, True))],
    },
    {
        "slug": "filterwerk-bochum", "name": "Filterwerk Bochum", "category": "industry", "form": "industry",
        "flags": ["guided_tours"], "lat": 51.48466, "lng": 7.22105,
        "street": "Herner Straße 60", "team": 22, "founded": 1979, "wheelchair": True, "languages": ["de", "en"],
        "colour": (31, 28, 26), "hours": [(day, time(7), time(16)) for day in range(5)],
        "intro": {"de": "Industriefilter für Lüftung und Wasser, entwickelt und gefertigt in der Innenstadt.", "en": "Industrial filters for air and water, designed and made in the city centre.", "tr": "Hava ve su için endüstriyel filtreler, şehir merkezinde tasarlanıp üretiliyor.", "ar": "مرشحات صناعية للهواء والماء، تُصمَّم وتُصنع في وسط المدينة."},
        "story": {"de": "<p>22 Beschäftigte, Kundschaft in ganz Europa, Führungen für Schulklassen.</p>", "en": "<p>22 staff, customers across Europe, tours for school classes.</p>", "tr": "<p>22 çalışan, Avrupa çapında müşteriler, okul sınıflarına turlar.</p>", "ar": "<p>22 موظفاً وزبائن في أنحاء أوروبا وجولات للصفوف المدرسية.</p>"},
        "products": [({"de": "Taschenfilter F7", "en": "F7 bag filter", "tr": "F7 torba filtre", "ar": "مرشح كيسي F7"}, None, True, 14, (True, True, False))],
    },
    {
        "slug": "brauerei-schlegelhof", "name": "Brauerei Schlegelhof", "category": "food", "form": "industry",
        "flags": ["show_production", "guided_tours", "sells_own_shop", "sells_partner_shops", "sells_markets"], "lat": 51.47845, "lng": 7.21187,
        "street": "Universitätsstraße 3", "team": 9, "founded": 2016, "wheelchair": True, "languages": ["de", "en"],
        "colour": (232, 172, 44), "hours": [(3, time(16), time(23)), (4, time(16), time(23, 59)), (5, time(14), time(23, 59))],
        "intro": {"de": "Helles, Pils und Saisonbiere aus dem Sudhaus hinterm Bahnhof.", "en": "Lager, pilsner and seasonal beers from the brewhouse behind the station.", "tr": "İstasyonun arkasındaki bira evinden lager, pilsner ve mevsimlik biralar.", "ar": "بيرة فاتحة وبيلسنر وبيرة موسمية من مصنع الجعة خلف المحطة."},
        "story": {"de": "<p>Durch die Scheibe sieht man die Kessel, samstags führen wir durchs Sudhaus.</p>", "en": "<p>You can see the kettles through the window; on Saturdays we show you round the brewhouse.</p>", "tr": "<p>Kazanları camdan görebilirsiniz; cumartesileri bira evini gezdiriyoruz.</p>", "ar": "<p>ترون الغلايات من خلف الزجاج، وأيام السبت نقدّم جولة في المصنع.</p>"},
        "products": [({"de": "Bochumer Helles", "en": "Bochum lager", "tr": "Bochum lager", "ar": "بيرة بوخوم الفاتحة"}, "2.40", False, None, (True, True, True))],
    },
    {
        "slug": "bunkerpilze", "name": "Bunkerpilze", "category": "food", "form": "agriculture",
        "flags": ["guided_tours", "workshops", "sells_markets", "sells_online"], "lat": 51.48384, "lng": 7.21825,
        "street": "Hochbunker Wittener Straße", "team": 3, "founded": 2021, "wheelchair": False, "languages": ["de", "en", "ar"],
        "colour": (53, 86, 58), "hours": [(5, time(10), time(14))],
        "intro": {"de": "Austernpilze und Shiitake aus einem Hochbunker, auf Kaffeesatz der Nachbarn gezogen.", "en": "Oyster mushrooms and shiitake grown in a bunker on the neighbours' coffee grounds.", "tr": "Bir sığınakta, komşuların kahve telvesi üzerinde yetiştirilen istiridye mantarı ve şitake.", "ar": "فطر المحار والشيتاكي يُزرع في ملجأ على تفل قهوة الجيران."},
        "story": {"de": "<p>Im Dunkeln wachsen die besten Pilze. Samstags öffnen wir den Bunker.</p>", "en": "<p>The best mushrooms grow in the dark. On Saturdays we open the bunker.</p>", "ar": "<p>أفضل الفطر ينمو في الظلام. أيام السبت نفتح الملجأ.</p>"},
        "products": [({"de": "Austernpilze, 250 g", "en": "Oyster mushrooms, 250 g", "tr": "İstiridye mantarı, 250 g", "ar": "فطر المحار، 250 غ"}, "4.50", False, None, (False, True, True))],
    },
    {
        "slug": "goldschmiede-feldmann", "name": "Goldschmiede Feldmann", "category": "jewellery", "form": "manufactory",
        "flags": ["show_production", "workshops", "sells_own_shop", "sells_made_to_order"], "lat": 51.48077, "lng": 7.21578,
        "street": "Huestraße 20", "team": 2, "founded": 2009, "wheelchair": True, "languages": ["de", "en"],
        "colour": (232, 172, 44), "hours": [(day, time(10), time(18)) for day in range(1, 6)],
        "intro": {"de": "Ringe, Ketten und Trauringe aus recyceltem Gold.", "en": "Rings, necklaces and wedding bands from recycled gold.", "tr": "Geri dönüştürülmüş altından yüzükler, kolyeler ve alyanslar.", "ar": "خواتم وقلائد وخواتم زواج من ذهب معاد تدويره."},
        "story": {"de": "<p>Im Trauring-Workshop schmieden Paare ihre Ringe selbst.</p>", "en": "<p>In the wedding-ring workshop, couples forge their own rings.</p>", "tr": "<p>Alyans atölyesinde çiftler kendi yüzüklerini dövüyor.</p>", "ar": "<p>في ورشة خواتم الزواج يصوغ الأزواج خواتمهم بأنفسهم.</p>"},
        "products": [({"de": "Trauringe", "en": "Wedding bands", "tr": "Alyanslar", "ar": "خواتم زواج"}, None, True, 28, (True, True, True))],
    },
    {
        "slug": "radwerk-bermuda", "name": "Radwerk Bermuda", "category": "bicycles", "form": "manufactory",
        "flags": ["repair_service", "workshops", "sells_own_shop"], "lat": 51.47981, "lng": 7.21402,
        "street": "Kreuzstraße 5", "team": 5, "founded": 2013, "wheelchair": True, "languages": ["de", "en", "tr"],
        "colour": (163, 52, 28), "hours": WEEKDAYS_9_18 + [(5, time(10), time(15))],
        "intro": {"de": "Stahlrahmen nach Maß, Reparatur von allem, was zwei Räder hat.", "en": "Made-to-measure steel frames, repair for anything on two wheels.", "tr": "Ölçüye göre çelik kadrolar, iki tekerlekli her şeyin onarımı.", "ar": "هياكل فولاذية حسب المقاس وإصلاح كل ما له عجلتان."},
        "story": {"de": "<p>Einmal im Monat zeigen wir in der Selbsthilfe-Werkstatt, wie man Schläuche flickt.</p>", "en": "<p>Once a month, our self-help workshop shows how to patch an inner tube.</p>", "tr": "<p>Ayda bir, kendin yap atölyemizde iç lastik yamamayı gösteriyoruz.</p>", "ar": "<p>مرة في الشهر نعرض في ورشة المساعدة الذاتية كيفية ترقيع الإطار الداخلي.</p>"},
        "products": [({"de": "Stahlrahmen Stadtrad", "en": "Steel city-bike frame", "tr": "Çelik şehir bisikleti kadrosu", "ar": "هيكل دراجة مدينة فولاذي"}, "890.00", True, 56, (True, True, True))],
    },
    {
        "slug": "grubenholz-werkstatt", "name": "Grubenholz Werkstatt", "category": "wood-metal", "form": "manufactory",
        "flags": ["workshops", "sells_online", "sells_markets", "sells_partner_shops"], "lat": 51.48251, "lng": 7.21121,
        "street": "Dorstener Straße 2 (Pop-up)", "team": 2, "founded": 2023, "wheelchair": False, "languages": ["de", "en"],
        "colour": (90, 80, 73), "hours": [(4, time(12), time(19)), (5, time(11), time(17))],
        "intro": {"de": "Schneidebretter, Regale und Leuchten aus altem Grubenholz.", "en": "Chopping boards, shelves and lamps from old mine timber.", "tr": "Eski maden kerestesinden kesme tahtaları, raflar ve lambalar.", "ar": "ألواح تقطيع ورفوف ومصابيح من خشب المناجم القديم."},
        "story": {"de": "<p>Ein Start-up aus dem Pop-up-Store: jedes Brett hat schon unter Tage gearbeitet.</p>", "en": "<p>A start-up from the pop-up store: every board has already worked underground.</p>", "ar": "<p>شركة ناشئة من متجر مؤقت: كل لوح عمل من قبل تحت الأرض.</p>"},
        "products": [({"de": "Schneidebrett Flöz", "en": "Seam chopping board", "tr": "Damar kesme tahtası", "ar": "لوح تقطيع العِرق"}, "49.00", False, None, (True, True, True))],
    },
]

MEMBERS = [("mitglied-a", "eismanufaktur-gleisdreieck"), ("mitglied-b", "roesterei-kortum")]


def draw_photo(title, colour, seed):
    """A 1200×800 picture: the business's colour, some workshop shapes and its initials."""
    rng = random.Random(seed)
    image = PILImage.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y, r = rng.randint(0, 1200), rng.randint(0, 800), rng.randint(40, 220)
        shade = tuple(min(255, max(0, c + rng.randint(-60, 60))) for c in colour)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    initials = "".join(word[0] for word in title.split()[:2]).upper()
    draw.rectangle((420, 250, 780, 550), fill=(255, 253, 248))
    draw.text((600, 400), initials, fill=colour, anchor="mm", font_size=180)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer


def demo_image(title, colour, seed):
    name = f"demo-{seed}.jpg"
    existing = Image.objects.filter(title=f"{title} ({seed})").first()
    if existing:
        return existing
    return Image.objects.create(title=f"{title} ({seed})", file=ImageFile(draw_photo(title, colour, seed), name=name))


def seed_index(home):
    fields = {
        **translated("title", INDEX["title"]),
        **translated("intro", INDEX["intro"]),
        **translated("search_description", INDEX["search_description"]),
        "show_in_menus": True,
    }
    index, _created = upsert_page(home, ProducerIndexPage, "produzenten", fields)
    return index


def seed_producer(index, spec):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    portrait = demo_image(spec["name"], spec["colour"], spec["slug"])
    workshop = demo_image(spec["name"], tuple(255 - c // 2 for c in spec["colour"]), spec["slug"] + "-werkstatt")
    name = {code: spec["name"] for code in ("de", "en", "tr", "ar")}
    page = ProducerPage(
        slug=spec["slug"],
        **translated("title", name),
        **translated("intro", spec["intro"]),
        **translated("story", spec["story"]),
        **translated("portrait_alt", {
            "de": f"Werkstatt von {spec['name']}", "en": f"{spec['name']}'s workshop",
            "tr": f"{spec['name']} atölyesi", "ar": f"ورشة {spec['name']}",
        }),
        production_form=spec["form"],
        wheelchair_accessible=spec["wheelchair"],
        street=spec["street"],
        postcode="44787",
        city="Bochum",
        latitude=Decimal(str(spec["lat"])),
        longitude=Decimal(str(spec["lng"])),
        phone="+49 234 000000",
        email=f"hallo@{spec['slug']}.example",
        website=f"https://{spec['slug']}.example",
        founding_year=spec["founded"],
        team_size=spec["team"],
        portrait=portrait,
        **{flag: True for flag in spec["flags"]},
    )
    for weekday, opens, closes in spec["hours"]:
        page.opening_hours.add(OpeningHours(weekday=weekday, opens=opens, closes=closes))
    page.photos.add(ProducerPhoto(image=workshop, **translated("alt_text", {
        "de": f"Blick in die Werkstatt von {spec['name']}", "en": f"Inside {spec['name']}'s workshop",
        "tr": f"{spec['name']} atölyesinin içi", "ar": f"داخل ورشة {spec['name']}",
    })))
    for names, price, to_order, lead, stages in spec["products"]:
        page.products.add(Product(
            **translated("name", names),
            price=price,
            made_to_order=to_order,
            lead_time_days=lead,
            design_in_bochum=stages[0],
            manufacture_in_bochum=stages[1],
            finishing_in_bochum=stages[2],
        ))
    page.categories.set(Category.objects.filter(slug=spec["category"]))
    page.languages.set(SpokenLanguage.objects.filter(code__in=spec["languages"]))
    index.add_child(instance=page)
    # The page made the producer's collection; its photos belong there, for its members to choose.
    Image.objects.filter(pk__in=[portrait.pk, workshop.pk]).update(collection=page.collection)
    page.save_revision().publish()
    return page


def seed_synthetic(index, count, stdout):
    """N producers in bulk (pages, hours and categories in batches), for benchmarks: no revisions."""
    index = Page.objects.get(pk=index.pk)
    content_type = ContentType.objects.get_for_model(ProducerPage)
    locale = Locale.get_default()
    categories = list(Category.objects.all())
    languages = list(SpokenLanguage.objects.all())
    # Continue after the last child's path step (numchild may lag behind after an interrupted run).
    last = index.get_last_child()
    start = Page._str2int(last.path[-Page.steplen:]) if last else 0
    now = timezone.now()
    rng = random.Random(42)
    words = ["Brot", "Kaffee", "Holz", "Leder", "Eis", "Schmuck", "Fahrrad", "Geige", "Pilze", "Bier", "Schuhe", "Druck"]
    batch = 500
    for offset in range(0, count, batch):
        pages = []
        for i in range(start + offset, min(start + count, start + offset + batch)):
            word = rng.choice(words)
            slug = f"synthetisch-{i + 1}"
            title = f"{word}werk {i + 1}"
            pages.append(
                ProducerPage(
                    path=ProducerPage._get_path(index.path, index.depth + 1, i + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    slug=slug,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    draft_title=title,
                    **translated("title", {"de": title, "en": title, "tr": title, "ar": title}),
                    **translated("intro", {"de": f"Wir machen {word} in Bochum.", "en": f"We make {word} in Bochum."}),
                    production_form=rng.choice(["manufactory", "agriculture", "industry"]),
                    show_production=rng.random() < 0.3,
                    guided_tours=rng.random() < 0.2,
                    workshops=rng.random() < 0.3,
                    repair_service=rng.random() < 0.3,
                    sells_own_shop=rng.random() < 0.6,
                    sells_online=rng.random() < 0.4,
                    sells_markets=rng.random() < 0.3,
                    wheelchair_accessible=rng.random() < 0.5,
                    street=f"Synthetische Straße {i + 1}",
                    postcode="44787",
                    city="Bochum",
                    latitude=Decimal(f"{51.47 + rng.random() * 0.025:.6f}"),
                    longitude=Decimal(f"{7.20 + rng.random() * 0.035:.6f}"),
                )
            )
        # Page rows in one go, then each ProducerPage row on top (Django cannot bulk-create child tables).
        Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"}) for p in pages])
        created = Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
        ids = dict(created)
        for page in pages:
            page.page_ptr_id = page.pk = page.id = ids[page.path]
            page.save_base(raw=True, force_insert=True)
        hours = [OpeningHours(producer_id=p.pk, weekday=d, opens=time(9), closes=time(18), sort_order=d) for p in pages for d in range(rng.randint(3, 6))]
        OpeningHours.objects.bulk_create(hours)
        Through = ProducerPage.categories.through
        Through.objects.bulk_create([Through(producerpage_id=p.pk, category_id=rng.choice(categories).pk) for p in pages])
        LangThrough = ProducerPage.languages.through
        LangThrough.objects.bulk_create([LangThrough(producerpage_id=p.pk, spokenlanguage_id=rng.choice(languages).pk) for p in pages])
        # Bulk-created pages send no signals: the directory search finds them only once they are indexed.
        for backend in get_search_backends():
            backend.add_bulk(ProducerPage, ProducerPage.objects.filter(pk__in=ids.values()))
        done = min(count, offset + batch)
        bar = "#" * (30 * done // count)
        stdout.write(f"\r  synthetic producers [{bar:<30}] {done}/{count}", ending="")
        stdout.flush()
    Page.objects.filter(pk=index.pk).update(numchild=Page.objects.child_of(index).count())
    stdout.write("")


def seed(stdout, **options):
    """Create this app's demo content; return the demo logins it made as (username, password, role)."""
    with transaction.atomic():
        home = seed_home()
        index = seed_index(home)
        pages = {spec["slug"]: seed_producer(index, spec) for spec in PRODUCERS}
        # A closure over the coming days shows how holidays override the usual hours.
        yildiz = pages["aenderungsschneiderei-yildiz"]
        if not yildiz.closures.exists():
            today = timezone.localdate()
            Closure.objects.create(producer=yildiz, start_date=today + timedelta(days=10), end_date=today + timedelta(days=17),
                                   **translated("note", {"de": "Betriebsferien", "en": "Company holiday", "tr": "Tatil", "ar": "إجازة"}))
        logins = []
        for username, slug in MEMBERS:
            user, _created = ensure_user(username, username, f"{username}@madebybochum.example", first_name=username)
            pages[slug].members.add(user)
            logins.append((username, username, f"member ({pages[slug].title})"))
    # Tops up to the number asked for, so running seed_demo again adds none.
    missing = (options.get("producers") or 0) - ProducerPage.objects.filter(slug__startswith="synthetisch-").count()
    if missing > 0:
        seed_synthetic(index, missing, stdout)
    return logins
