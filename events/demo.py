"""Demo content for the showroom calendar, called by `seed_demo` (idempotent).

Dates are relative to today, so the calendar always has something coming up."""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from directory.models import ProducerIndexPage, ProducerPage
from madebybochum.pages.demo import ensure_user, translated, upsert_page
from madebybochum.pages.models import HomePage

from .models import BERLIN, EventException, EventIndexPage, EventPage, Exhibition, OpenDayPage, OpenDaySlot, Registration

PRODUCERS = {
    "eismanufaktur-gleisdreieck": ("Eismanufaktur Kohlenpott", "51.481600", "7.219400"),
    "roesterei-kortum": ("Kaffeerösterei Gleisdreieck", "51.478900", "7.222100"),
    "geigenbau-hellweg": ("Geigenbau Brückstraße", "51.484300", "7.217800"),
    "polsterei-sattlerei-bergmann": ("Polsterei & Sattlerei Hellweg", "51.482100", "7.226300"),
}
SHOWROOM = ("51.482900", "7.218600")


def producers(home):
    """The demo producers by slug; minimal pages only where the directory demo has not made them."""
    index = ProducerIndexPage.objects.first()
    if index is None:
        index, _created = upsert_page(
            home, ProducerIndexPage, "produzenten",
            {**translated("title", {"de": "Produzenten", "en": "Producers", "tr": "Üreticiler", "ar": "المنتجون"})},
        )
    found = {}
    for slug, (name, _lat, _lng) in PRODUCERS.items():
        page = ProducerPage.objects.filter(slug=slug).first()
        if page is None:
            page, _created = upsert_page(index, ProducerPage, slug, {"title": name, "title_de": name})
        found[slug] = page
    return found


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), BERLIN)


def first_weekday(year, month, weekday):
    day = date(year, month, 1)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def month_after(day, months):
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def T(de, en, tr, ar):
    return {"de": de, "en": en, "tr": tr, "ar": ar}


def seed(stdout, **options):
    home = HomePage.objects.first()
    shops = producers(home)
    today = timezone.now().astimezone(BERLIN).date()
    index, _created = upsert_page(
        home,
        EventIndexPage,
        "veranstaltungen",
        {
            **translated("title", T("Veranstaltungen", "Events", "Etkinlikler", "الفعاليات")),
            **translated("intro", T(
                "Workshops, Vorträge, Filmabende und offene Werkstätten – im Showroom und bei den Betrieben.",
                "Workshops, talks, film evenings and open workshops, in the showroom and at the makers' places.",
                "Atölyeler, konuşmalar, film akşamları ve açık atölyeler; showroom'da ve üreticilerin yerinde.",
                "ورش عمل ومحاضرات وأمسيات أفلام وورش مفتوحة، في صالة العرض ولدى المنتجين.",
            )),
            **translated("search_description", T(
                "Veranstaltungskalender des Made-by-Bochum-Showrooms: Workshops, Netzwerkabende, Tag der offenen Tür.",
                "Calendar of the Made by Bochum showroom: workshops, network evenings, open-door day.",
                "Made by Bochum showroom takvimi: atölyeler, ağ akşamları, açık kapı günü.",
                "تقويم صالة عرض Made by Bochum: ورش عمل وأمسيات تواصل ويوم الأبواب المفتوحة.",
            )),
            "show_in_menus": True,
        },
    )
    first_friday = first_weekday(today.year, today.month, 4)
    next_wednesday = today + timedelta(days=(2 - today.weekday()) % 7 or 7)
    in_days = lambda n: today + timedelta(days=n)  # noqa: E731
    december = date(today.year, 12, 1) if today.month < 12 else date(today.year + 1, 12, 1)
    specs = [
        dict(slug="erster-freitag", format="network", start=at(first_friday, 19), end=at(first_friday, 22),
             title=T("Erster Freitag: Netzwerkabend", "First Friday: network evening", "İlk Cuma: ağ akşamı", "الجمعة الأولى: أمسية تواصل"),
             text=T("Jeden ersten Freitag im Monat treffen sich die Betriebe im Showroom. Gäste willkommen.",
                    "Every first Friday of the month the makers meet in the showroom. Guests welcome.",
                    "Her ayın ilk cuması üreticiler showroom'da buluşuyor. Misafirler hoş geldiniz.",
                    "في أول جمعة من كل شهر يلتقي المنتجون في صالة العرض. الضيوف مرحَّب بهم."),
             repeat="monthly", repeat_weekday=4, repeat_week_of_month=1, langs="de,en",
             cancel=first_weekday(*month_after(first_friday, 2), 4)),
        dict(slug="werkstatt-mittwoch", format="workshop", start=at(next_wednesday, 17), end=at(next_wednesday, 19),
             title=T("Polster-Werkstatt am Mittwoch", "Wednesday upholstery workshop", "Çarşamba döşeme atölyesi", "ورشة التنجيد يوم الأربعاء"),
             text=T("Einen Hocker neu beziehen – Material wird gestellt.", "Re-cover a stool; materials provided.",
                    "Bir tabureyi yeniden kaplayın; malzeme sağlanır.", "أعد تنجيد مقعد صغير، المواد متوفرة."),
             repeat="weekly", hosts=["polsterei-sattlerei-bergmann"], venue="producer", langs="de,tr",
             price="25.00", registration=True, capacity=6),
        dict(slug="mein-abend-bei-kaffeeroesterei", format="evening_at", start=at(in_days(9), 19), end=at(in_days(9), 22),
             title=T("Mein Abend bei … der Kaffeerösterei Gleisdreieck", "“Mein Abend bei …” the Gleisdreieck coffee roastery",
                     "“Mein Abend bei …” Gleisdreieck kahve kavurma evinde", "«أمسيتي لدى …» محمصة قهوة غلايسدرايك"),
             text=T("Mitglieder laden ihre Kundschaft ein: Röstung live, Verkostung, Gespräche.",
                    "Members invite their customers: live roasting, tasting, conversation.",
                    "Üyeler müşterilerini davet ediyor: canlı kavurma, tadım, sohbet.",
                    "يدعو الأعضاء زبائنهم: تحميص مباشر وتذوق وحديث."),
             doors=T("Vorbereitung ab 18:45, Gäste ab 19:00", "Preparation from 18:45, guests from 19:00",
                     "Hazırlık 18:45'ten itibaren, misafirler 19:00'dan itibaren", "التحضير من 18:45، والضيوف من 19:00"),
             hosts=["roesterei-kortum"], venue="producer", langs="de,en,ar", registration=True, capacity=20),
        dict(slug="tag-der-offenen-tuer", format="open_day", start=at(in_days(20), 11), end=at(in_days(20), 17),
             title=T("Tag der offenen Tür der Innenstadt-Betriebe", "Open-door day of the city-centre makers",
                     "Şehir merkezi üreticilerinin açık kapı günü", "يوم الأبواب المفتوحة لمنتجي وسط المدينة"),
             text=T("Führungen, Mitmach-Werkstätten und gläserne Produktion bei allen teilnehmenden Betrieben.",
                    "Tours, hands-on workshops and production in view at every participating business.",
                    "Katılan tüm işletmelerde turlar, uygulamalı atölyeler ve göz önünde üretim.",
                    "جولات وورش عملية وإنتاج مكشوف لدى جميع المنشآت المشاركة."),
             hosts=list(PRODUCERS), venue="other", langs="de,en,tr,ar"),
        dict(slug="weihnachtsmarkt-stand", format="market", start=at(december + timedelta(days=3), 11), end=at(december + timedelta(days=3), 21),
             title=T("Made by Bochum am Weihnachtsmarkt", "Made by Bochum at the Christmas market", "Noel pazarında Made by Bochum",
                     "Made by Bochum في سوق عيد الميلاد"),
             text=T("Unser gemeinsamer Stand: Eis-Pralinen, Kaffee, Lederwaren.", "Our shared stand: ice-cream pralines, coffee, leather goods.",
                    "Ortak standımız: dondurmalı pralinler, kahve, deri ürünler.", "جناحنا المشترك: شوكولاتة المثلجات والقهوة والمنتجات الجلدية."),
             hosts=["eismanufaktur-gleisdreieck", "roesterei-kortum", "polsterei-sattlerei-bergmann"], venue="other",
             venue_name=T("Weihnachtsmarkt, Dr.-Ruer-Platz", "Christmas market, Dr.-Ruer-Platz", "Noel pazarı, Dr.-Ruer-Platz", "سوق عيد الميلاد، Dr.-Ruer-Platz"),
             address="Dr.-Ruer-Platz\n44787 Bochum", lat="51.481200", lng="7.216900", langs="de"),
        dict(slug="geigenbau-werkstatt", format="workshop", start=at(in_days(12), 15), end=at(in_days(12), 18),
             title=T("Wie entsteht eine Geige?", "How is a violin made?", "Bir keman nasıl yapılır?", "كيف يُصنع الكمان؟"),
             text=T("Kleine Runde in der 18-m²-Werkstatt: Holz, Lack, Klang.", "A small group in the 18 m² workshop: wood, varnish, sound.",
                    "18 m²'lik atölyede küçük bir grup: ahşap, vernik, ses.", "مجموعة صغيرة في ورشة مساحتها 18 م²: الخشب والطلاء والصوت."),
             hosts=["geigenbau-hellweg"], venue="producer", langs="de,en", price="15.00", registration=True, capacity=8,
             nearly_full=7, access=T("Zwei Stufen am Eingang, Sitzplätze vorhanden.", "Two steps at the entrance; seating available.",
                                     "Girişte iki basamak; oturma yeri var.", "درجتان عند المدخل، وتتوفر مقاعد.")),
        dict(slug="vortrag-urbane-produktion", format="talk", start=at(in_days(15), 19), end=at(in_days(15), 21),
             title=T("Vortrag: Urbane Produktion in Bochum", "Talk: urban production in Bochum", "Konuşma: Bochum'da kentsel üretim",
                     "محاضرة: الإنتاج الحضري في بوخوم"),
             text=T("Warum Manufakturen in die Innenstadt gehören.", "Why manufactories belong in the city centre.",
                    "Atölyeler neden şehir merkezine aittir.", "لماذا تنتمي الورش إلى وسط المدينة."),
             langs="de", access=T("Stufenlos, Induktionsschleife.", "Step-free, hearing loop.", "Basamaksız, işitme döngüsü.", "دون درجات، مع حلقة سمعية.")),
        dict(slug="filmabend-handwerk", format="film", start=at(in_days(26), 19, 30), end=at(in_days(26), 22),
             title=T("Filmabend: Hände, die machen", "Film evening: hands that make", "Film akşamı: Üreten eller", "أمسية فيلم: أيادٍ تصنع"),
             text=T("Dokumentarfilme über Handwerk im Ruhrgebiet, mit Untertiteln.", "Documentaries on crafts in the Ruhr, with subtitles.",
                    "Ruhr bölgesinde zanaat üzerine belgeseller, altyazılı.", "أفلام وثائقية عن الحرف في منطقة الرور مع ترجمة."),
             langs="de,en,tr,ar"),
        dict(slug="schaufensterwettbewerb", format="window", start=at(in_days(30), 10), end=at(in_days(44), 18),
             title=T("Schaufensterwettbewerb", "Shop-window competition", "Vitrin yarışması", "مسابقة واجهات المحلات"),
             text=T("Stimmen Sie für das schönste Schaufenster der Innenstadt ab.", "Vote for the finest shop window in town.",
                    "Şehrin en güzel vitrinine oy verin.", "صوّت لأجمل واجهة محل في المدينة."), langs="de"),
        dict(slug="ausstellung-eis", format="exhibition", start=at(in_days(-3), 10), end=at(in_days(25), 18),
             title=T("Ausstellung: Eis aus dem Kohlenpott", "Exhibition: ice cream from the Kohlenpott", "Sergi: Kohlenpott'tan dondurma",
                     "معرض: مثلجات من كولنبوت"),
             text=T("Vom Rohstoff zur Kugel – im Showroom.", "From raw milk to scoop, in the showroom.", "Hammaddeden külaha, showroom'da.",
                    "من المادة الخام إلى الكرة، في صالة العرض."), hosts=["eismanufaktur-gleisdreieck"], langs="de,tr"),
        dict(slug="sattlerei-vortrag-tuerkisch", format="talk", start=at(in_days(17), 18), end=at(in_days(17), 19, 30),
             title=T("Leder pflegen (auf Türkisch und Arabisch)", "Caring for leather (in Turkish and Arabic)", "Deri bakımı (Türkçe ve Arapça)",
                     "العناية بالجلد (بالتركية والعربية)"),
             text=T("Praktische Tipps aus der Sattlerei.", "Practical tips from the saddlery.", "Saraciyeden pratik ipuçları.", "نصائح عملية من ورشة السراجة."),
             hosts=["polsterei-sattlerei-bergmann"], langs="tr,ar"),
        dict(slug="kaffee-verkostung-rueckblick", format="workshop", start=at(in_days(-20), 16), end=at(in_days(-20), 18),
             title=T("Kaffee-Verkostung (Rückblick)", "Coffee tasting (past)", "Kahve tadımı (geçmiş)", "تذوق القهوة (سابقاً)"),
             text=T("So war es: zwölf Sorten, ein Röster.", "How it went: twelve coffees, one roaster.", "Nasıldı: on iki çeşit, bir kavurucu.",
                    "كيف كانت: اثنا عشر نوعاً ومحمصة واحدة."), hosts=["roesterei-kortum"], langs="de"),
    ]
    created = 0
    for spec in specs:
        lang_codes = spec["langs"].split(",")
        venue = spec.get("venue", "showroom")
        host_slug = (spec.get("hosts") or [None])[0]
        lat, lng = spec.get("lat"), spec.get("lng")
        if venue == "showroom":
            lat, lng = SHOWROOM
        elif venue == "producer":
            lat, lng = PRODUCERS[host_slug][1:]
        fields = {
            **translated("title", spec["title"]),
            **translated("description", {code: f"<p>{text}</p>" for code, text in spec["text"].items()}),
            **translated("search_description", spec["text"]),
            **translated("doors_note", spec.get("doors", T("", "", "", ""))),
            **translated("venue_name", spec.get("venue_name", T("", "", "", ""))),
            **translated("accessibility", spec.get("access", T("", "", "", ""))),
            "format": spec["format"],
            "starts_at": spec["start"],
            "ends_at": spec["end"],
            "venue_kind": venue,
            "venue_producer": shops[host_slug] if venue == "producer" else None,
            "venue_address": spec.get("address", "Brückstraße 12 (fiktiv)\n44787 Bochum" if venue == "showroom" else ""),
            "latitude": Decimal(lat) if lat else None,
            "longitude": Decimal(lng) if lng else None,
            "in_german": "de" in lang_codes,
            "in_english": "en" in lang_codes,
            "in_turkish": "tr" in lang_codes,
            "in_arabic": "ar" in lang_codes,
            "price": Decimal(spec["price"]) if spec.get("price") else None,
            "registration_required": spec.get("registration", False),
            "capacity": spec.get("capacity"),
            "repeat": spec.get("repeat", ""),
            "repeat_weekday": spec.get("repeat_weekday"),
            "repeat_week_of_month": spec.get("repeat_week_of_month"),
        }
        event, was_created = upsert_page(index, EventPage, spec["slug"], fields)
        if not was_created:
            continue
        created += 1
        event.hosts.set([shops[slug] for slug in spec.get("hosts", [])])
        if spec.get("cancel"):
            EventException.objects.create(
                event=event, original_date=spec["cancel"], kind=EventException.CANCELLED,
                **translated("note", T("Fällt aus: Weihnachtsmarkt-Aufbau", "Cancelled: setting up the Christmas market",
                                       "İptal: Noel pazarı kurulumu", "ملغاة: تجهيز سوق عيد الميلاد")),
            )
        event.save_revision().publish()
        if spec.get("nearly_full"):
            for number in range(spec["nearly_full"]):
                Registration.objects.create(
                    event=event, occurrence_start=event.starts_at, occurrence_end=event.ends_at,
                    name=f"Demo-Gast {number + 1}", email=f"gast{number + 1}@example.org", seats=1,
                    status=Registration.CONFIRMED, confirmed_at=timezone.now(),
                )
    seed_open_day(index, shops, today + timedelta(days=20))
    seed_exhibitions(shops, today)
    if options.get("events"):
        seed_synthetic(index, options["events"], stdout)
    member, _created = ensure_user("geigenbau", "geigenbau", "geigenbau@madebybochum.example")
    shops["geigenbau-hellweg"].members.add(member)
    stdout.write(f"events: {created} new events")
    return [("geigenbau", "geigenbau", "member (violin maker, events)")]


def seed_open_day(index, shops, day):
    page, created = upsert_page(
        index, OpenDayPage, "tag-der-offenen-tuer-programm",
        {
            **translated("title", T("Programm: Tag der offenen Tür", "Programme: open-door day", "Program: açık kapı günü",
                                    "البرنامج: يوم الأبواب المفتوحة")),
            **translated("intro", T("Alle Betriebe an einem Tag – zum Mitnehmen ausdrucken.", "Every maker on one day: print it and take it along.",
                                    "Tüm üreticiler tek günde: yazdırın ve yanınıza alın.", "جميع المنتجين في يوم واحد: اطبعه وخذه معك.")),
            "day": day,
        },
    )
    if not created or page.slots.exists():
        return
    slots = [
        ("eismanufaktur-gleisdreieck", OpenDaySlot.SHOW, time(11), time(13), T("Eis wird gerührt", "Ice cream in the making", "Dondurma yapımı", "صنع المثلجات")),
        ("eismanufaktur-gleisdreieck", OpenDaySlot.TOUR, time(14), time(15), T("", "", "", "")),
        ("roesterei-kortum", OpenDaySlot.TOUR, time(11, 30), time(12, 30), T("Röstung", "Roasting", "Kavurma", "التحميص")),
        ("roesterei-kortum", OpenDaySlot.WORKSHOP, time(15), time(16, 30), T("Brühmethoden", "Brewing methods", "Demleme yöntemleri", "طرق التخمير")),
        ("geigenbau-hellweg", OpenDaySlot.SHOW, time(12), time(17), T("Offene Werkstatt", "Open workshop", "Açık atölye", "ورشة مفتوحة")),
        ("polsterei-sattlerei-bergmann", OpenDaySlot.WORKSHOP, time(13), time(15), T("Nähen mit der Sattlernaht", "Saddle stitching", "Saraç dikişi", "خياطة السروج")),
    ]
    for slug, kind, starts, ends, note in slots:
        name, lat, lng = PRODUCERS[slug]
        OpenDaySlot.objects.create(
            page=page, producer=shops[slug], kind=kind, starts=starts, ends=ends, **translated("note", note),
            address="Bochum-Innenstadt", latitude=Decimal(lat), longitude=Decimal(lng),
        )


def seed_exhibitions(shops, today):
    specs = [
        ("eismanufaktur-gleisdreieck", T("Winter-Eissorten in gläserner Produktion", "Winter ice-cream flavours, made in view",
                                       "Göz önünde üretilen kış dondurmaları", "نكهات مثلجات شتوية تُصنع أمام الزوار")),
        ("polsterei-sattlerei-bergmann", T("Taschen aus Grubenholz und Leder", "Bags of mine timber and leather",
                                          "Maden kerestesi ve deriden çantalar", "حقائب من خشب المناجم والجلد")),
    ]
    for slug, what in specs:
        if not Exhibition.objects.filter(producer=shops[slug], ends_on__gte=today).exists():
            Exhibition.objects.create(producer=shops[slug], starts_on=today - timedelta(days=5), ends_on=today + timedelta(days=30),
                                      **translated("what", what))


def seed_synthetic(index, count, stdout):
    """Synthetic events until there are `count` of them, in bulk (no revisions), for benchmarks:
    spread over the past month and the coming half year, some weekly, hosted by random producers."""
    index = Page.objects.get(pk=index.pk)
    missing = count - EventPage.objects.filter(slug__startswith="synthetisch-").count()
    if missing <= 0:
        return
    content_type = ContentType.objects.get_for_model(EventPage)
    locale = Locale.get_default()
    last = index.get_last_child()
    start = Page._str2int(last.path[-Page.steplen:]) if last else 0
    number = EventPage.objects.filter(slug__startswith="synthetisch-").count()
    # Some producers run events, most do not.
    producers = list(ProducerPage.objects.live().values_list("pk", flat=True)[:40])
    rng = random.Random(7)
    today = timezone.now().astimezone(BERLIN).date()
    now = timezone.now()
    formats = ["workshop", "talk", "network", "film", "market"]
    with transaction.atomic():
        pages = []
        for i in range(missing):
            day = today + timedelta(days=rng.randint(-30, 180))
            hour = rng.choice([10, 14, 17, 19])
            slug = f"synthetisch-{number + i + 1}"
            title = f"Werkstattabend {number + i + 1}"
            pages.append(EventPage(
                path=EventPage._get_path(index.path, index.depth + 1, start + i + 1),
                depth=index.depth + 1, numchild=0, slug=slug, url_path=f"{index.url_path}{slug}/",
                content_type=content_type, locale=locale, live=True, first_published_at=now, last_published_at=now,
                draft_title=title,
                **translated("title", {"de": title, "en": f"Workshop evening {number + i + 1}"}),
                **translated("description", {"de": "<p>Mitmachen, fragen, ausprobieren.</p>"}),
                format=rng.choice(formats), starts_at=at(day, hour), ends_at=at(day, hour + 2),
                repeat="weekly" if rng.random() < 0.05 else "", in_english=rng.random() < 0.3,
                in_turkish=rng.random() < 0.2, in_arabic=rng.random() < 0.1,
            ))
        Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"}) for p in pages])
        ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
        for page in pages:
            page.page_ptr_id = page.pk = page.id = ids[page.path]
            page.save_base(raw=True, force_insert=True)
        Hosts = EventPage.hosts.through
        Hosts.objects.bulk_create([Hosts(eventpage_id=p.pk, producerpage_id=rng.choice(producers)) for p in pages if producers])
        Page.objects.filter(pk=index.pk).update(numchild=Page.objects.child_of(index).count())
    stdout.write(f"events: {missing} synthetic events")
