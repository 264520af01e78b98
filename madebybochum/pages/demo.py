"""Demo content for the site shell, and the helpers every app's demo module uses.

Texts are given per language as {"de": ..., "en": ..., "tr": ..., "ar": ...}; German is required.
Everything is looked up by slug first, so seeding twice changes nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from .models import HomePage, SiteSettings, StandardPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translated(field, texts):
    """{"de": "Brot"} -> {"field_de": "Brot", ...}, with the untranslated field set to German."""
    values = {f"{field}_{code}": texts.get(code, "") for code in LANGUAGE_CODES}
    values[field] = texts["de"]
    return values


def upsert_page(parent, model, slug, fields):
    """Create the page under parent unless a page with this slug is already there. Returns (page, created)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_user(username, password, email, **extra):
    """Return (user, created); an existing demo user keeps whatever it has been given since."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": email, **extra})
    if created:
        user.set_password(password)
        user.save()
    return user, created


def seed_home():
    """The home page as the site's root, replacing Wagtail's placeholder."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        # A flushed database (transactional tests) has lost even the tree's root.
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", title_de="Root", slug="root"))
        home = HomePage(
            slug="home",
            show_in_menus=False,
            **translated("title", HOME["title"]),
            **translated("hero_title", HOME["hero_title"]),
            **translated("intro", HOME["intro"]),
            **translated("label_title", HOME["label_title"]),
            **translated("label_text", HOME["label_text"]),
            **translated("search_description", HOME["search_description"]),
        )
        placeholder = root.get_children().filter(slug="home").exclude(pk__in=HomePage.objects.values("pk")).first()
        if placeholder:
            # Wagtail's placeholder has no German title, so a full save would fail validation.
            Page.objects.filter(pk=placeholder.pk).update(slug="wagtail-placeholder")
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.site_name = "Made by Bochum"
            site.save()
        if placeholder:
            placeholder.delete()
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.contact_email:
        settings_obj.contact_email = "hallo@madebybochum.example"
        for key, value in translated("address", ADDRESS).items():
            setattr(settings_obj, key, value)
        settings_obj.save()
    return home


def seed_site_pages(home):
    created = 0
    for spec in STANDARD_PAGES:
        fields = {
            **translated("title", spec["title"]),
            **translated("intro", spec["intro"]),
            **translated("body", spec["body"]),
            **translated("search_description", spec["intro"]),
            "show_in_menus": spec.get("menu", False),
            "show_in_footer": spec.get("footer", False),
        }
        _page, was_created = upsert_page(home, StandardPage, spec["slug"], fields)
        created += was_created
    return created


ADDRESS = {
    "de": "Showroom Made by Bochum\nBrückstraße 12 (fiktiv)\n44787 Bochum",
    "en": "Made by Bochum showroom\nBrückstraße 12 (fictional)\n44787 Bochum",
    "tr": "Made by Bochum showroom\nBrückstraße 12 (kurgusal)\n44787 Bochum",
    "ar": "صالة عرض Made by Bochum\nBrückstraße 12 (عنوان خيالي)\n44787 Bochum",
}

HOME = {
    "title": {"de": "Startseite", "en": "Home", "tr": "Ana sayfa", "ar": "الصفحة الرئيسية"},
    "hero_title": {
        "de": "Gemacht in Bochum. Von Menschen, die man kennt.",
        "en": "Made in Bochum. By people you can meet.",
        "tr": "Bochum'da üretildi. Tanışabileceğiniz insanlar tarafından.",
        "ar": "صُنع في بوخوم، بأيدي أناس يمكنك أن تلتقي بهم.",
    },
    "intro": {
        "de": "Rund 50 Betriebe entwerfen, fertigen und veredeln mitten in der Stadt: Eis und Kaffee, Geigen und Schuhe, Taschen und Schmuck. Hier finden Sie sie – und das Label, an dem Sie sie erkennen.",
        "en": "Some 50 businesses design, make and finish their products right in the city centre: ice cream and coffee, violins and shoes, bags and jewellery. Find them here, and the label that shows who they are.",
        "tr": "Şehir merkezinde yaklaşık 50 işletme ürünlerini tasarlıyor, üretiyor ve son halini veriyor: dondurma ve kahve, keman ve ayakkabı, çanta ve takı. Onları ve onları tanıtan etiketi burada bulabilirsiniz.",
        "ar": "نحو خمسين منشأة تصمّم منتجاتها وتصنعها وتشطّبها في قلب المدينة: المثلجات والقهوة، الكمان والأحذية، الحقائب والمجوهرات. تجدونها هنا، ومعها العلامة التي تعرّف بها.",
    },
    "label_title": {"de": "Das Label „Made by Bochum“", "en": "The “Made by Bochum” label", "tr": "“Made by Bochum” etiketi", "ar": "علامة «Made by Bochum»"},
    "label_text": {
        "de": "<p>Das Label tragen Betriebe, bei denen mindestens zwei von drei Wertschöpfungsstufen in Bochum stattfinden. Es steht für hohe Qualität, kurze Wege und Transparenz – und es ist offen für Gründerinnen und Gründer.</p>",
        "en": "<p>The label is carried by businesses where at least two of three value-creation stages happen in Bochum. It stands for high quality, short distances and transparency, and it is open to founders and start-ups.</p>",
        "tr": "<p>Etiketi, üç değer yaratma aşamasından en az ikisinin Bochum'da gerçekleştiği işletmeler taşır. Yüksek kaliteyi, kısa mesafeleri ve şeffaflığı temsil eder; girişimcilere ve yeni kurulan işletmelere de açıktır.</p>",
        "ar": "<p>تحمل العلامةَ المنشآتُ التي تجري فيها مرحلتان على الأقل من مراحل خلق القيمة الثلاث في بوخوم. وهي تعني جودة عالية ومسافات قصيرة وشفافية، وهي مفتوحة للمؤسسين والشركات الناشئة.</p>",
    },
    "search_description": {
        "de": "Made by Bochum: Label und Verein der Produzentinnen und Produzenten in der Bochumer Innenstadt.",
        "en": "Made by Bochum: the label and association of producers in Bochum's city centre.",
        "tr": "Made by Bochum: Bochum şehir merkezindeki üreticilerin etiketi ve derneği.",
        "ar": "Made by Bochum: علامة وجمعية المنتجين في وسط مدينة بوخوم.",
    },
}

STANDARD_PAGES = [
    {
        "slug": "verein",
        "menu": True,
        "title": {"de": "Über den Verein", "en": "About the association", "tr": "Dernek hakkında", "ar": "عن الجمعية"},
        "intro": {
            "de": "Ein offener Verein von Herstellerinnen, Handwerkern und Manufakturen – kein exklusiver Club.",
            "en": "An open association of makers, craftspeople and manufactories, not an exclusive club.",
            "tr": "Üreticilerin, zanaatkârların ve atölyelerin açık bir derneği; seçkin bir kulüp değil.",
            "ar": "جمعية مفتوحة للصنّاع والحرفيين والورش، وليست نادياً مغلقاً.",
        },
        "body": {
            "de": "<p>Ordentliche Mitglieder sind Betriebe, die die Kriterien erfüllen; Fördermitglieder unterstützen als Mentorinnen oder Sponsoren. Der Beitrag ist nach Betriebsgröße gestaffelt, etwa 5 bis 50 Euro im Monat.</p><p>Wir teilen einen Showroom, in dem man sich trifft, einkauft und beim Herstellen zusieht.</p>",
            "en": "<p>Ordinary members are businesses that meet the criteria; supporting members help as mentors or sponsors. Fees are staggered by company size, roughly 5 to 50 euros a month.</p><p>We share a showroom where people meet, shop and watch things being made.</p>",
            "tr": "<p>Asıl üyeler kriterleri karşılayan işletmelerdir; destekçi üyeler mentor ya da sponsor olarak katkıda bulunur. Aidat işletme büyüklüğüne göre aylık yaklaşık 5 ile 50 avro arasındadır.</p><p>İnsanların buluştuğu, alışveriş yaptığı ve üretimi izlediği ortak bir showroom'umuz var.</p>",
            "ar": "<p>الأعضاء العاديون هم المنشآت التي تستوفي المعايير، أما الأعضاء الداعمون فيساعدون كمرشدين أو رعاة. تتدرّج الاشتراكات بحسب حجم المنشأة بين 5 و50 يورو شهرياً تقريباً.</p><p>نتشارك صالة عرض يلتقي فيها الناس ويتسوقون ويشاهدون الإنتاج عن قرب.</p>",
        },
    },
    {
        "slug": "label-kriterien",
        "menu": True,
        "title": {"de": "Label-Kriterien", "en": "Label criteria", "tr": "Etiket kriterleri", "ar": "معايير العلامة"},
        "intro": {
            "de": "Woran Sie erkennen, dass etwas wirklich in Bochum gemacht ist.",
            "en": "How you can tell that something is really made in Bochum.",
            "tr": "Bir ürünün gerçekten Bochum'da yapıldığını nasıl anlarsınız.",
            "ar": "كيف تعرف أن منتجاً ما صُنع حقاً في بوخوم.",
        },
        "body": {
            "de": "<ul><li>Von Produktdesign, Anfertigung und Veredelung finden mindestens zwei Stufen in Bochum statt.</li><li>Hohe Qualität der Produkte.</li><li>Mindestens eine Vollzeitkraft – Gründerinnen und Start-ups werden ebenfalls aufgenommen.</li><li>Sitz oder Laden in Bochum.</li><li>Aktive Mitwirkung im Verein.</li></ul><p>Kein Öko-Label, aber Nachhaltigkeit, Saisonalität und Recycling werden offen gezeigt, wo es sie gibt.</p>",
            "en": "<ul><li>Of product design, manufacture and finishing, at least two stages take place in Bochum.</li><li>High product quality.</li><li>At least one full-time employee; founders and start-ups are admitted too.</li><li>Seat or shop in Bochum.</li><li>Active participation in the association.</li></ul><p>Not an eco label, but sustainability, seasonality and recycling are shown openly wherever they exist.</p>",
            "tr": "<ul><li>Ürün tasarımı, üretim ve son işlem aşamalarından en az ikisi Bochum'da gerçekleşir.</li><li>Ürünlerin yüksek kalitesi.</li><li>En az bir tam zamanlı çalışan; girişimciler ve yeni kurulan işletmeler de kabul edilir.</li><li>Merkez veya dükkân Bochum'da.</li><li>Derneğe etkin katılım.</li></ul><p>Bir eko etiket değildir; ancak sürdürülebilirlik, mevsimsellik ve geri dönüşüm varsa açıkça gösterilir.</p>",
            "ar": "<ul><li>من بين مراحل تصميم المنتج والتصنيع والتشطيب، تجري مرحلتان على الأقل في بوخوم.</li><li>جودة عالية للمنتجات.</li><li>موظف واحد على الأقل بدوام كامل، ويُقبل المؤسسون والشركات الناشئة أيضاً.</li><li>المقر أو المتجر في بوخوم.</li><li>مشاركة فعالة في الجمعية.</li></ul><p>ليست علامة بيئية، لكن الاستدامة والموسمية وإعادة التدوير تُعرض بوضوح حيثما وُجدت.</p>",
        },
    },
    {
        "slug": "impressum",
        "footer": True,
        "title": {"de": "Impressum", "en": "Legal notice", "tr": "Künye", "ar": "بيانات الناشر"},
        "intro": {
            "de": "Angaben gemäß § 5 DDG.",
            "en": "Information according to § 5 DDG (German Digital Services Act).",
            "tr": "§ 5 DDG'ye (Alman Dijital Hizmetler Yasası) göre bilgiler.",
            "ar": "معلومات وفقاً للمادة 5 من قانون الخدمات الرقمية الألماني (DDG).",
        },
        "body": {
            "de": "<p>Made by Bochum e. V. (in Gründung, fiktive Demo-Angaben)<br/>Brückstraße 12, 44787 Bochum<br/>E-Mail: hallo@madebybochum.example</p><p>Vertreten durch den Vorstand.</p>",
            "en": "<p>Made by Bochum e. V. (being founded; fictional demo details)<br/>Brückstraße 12, 44787 Bochum<br/>Email: hallo@madebybochum.example</p><p>Represented by the board.</p>",
            "tr": "<p>Made by Bochum e. V. (kuruluş aşamasında; kurgusal demo bilgileri)<br/>Brückstraße 12, 44787 Bochum<br/>E-posta: hallo@madebybochum.example</p><p>Yönetim kurulu tarafından temsil edilir.</p>",
            "ar": "<p>Made by Bochum e. V. (قيد التأسيس، بيانات تجريبية خيالية)<br/>Brückstraße 12, 44787 Bochum<br/>البريد الإلكتروني: hallo@madebybochum.example</p><p>يمثّلها مجلس الإدارة.</p>",
        },
    },
    {
        "slug": "datenschutz",
        "footer": True,
        "title": {"de": "Datenschutz", "en": "Privacy policy", "tr": "Gizlilik politikası", "ar": "سياسة الخصوصية"},
        "intro": {
            "de": "Wir erheben so wenig Daten wie möglich und laden nichts von fremden Servern.",
            "en": "We collect as little data as possible and load nothing from other servers.",
            "tr": "Mümkün olduğunca az veri topluyoruz ve başka sunuculardan hiçbir şey yüklemiyoruz.",
            "ar": "نجمع أقل قدر ممكن من البيانات ولا نحمّل أي شيء من خوادم أخرى.",
        },
        "body": {
            "de": "<p>Schriften, Bilder und Skripte liefert diese Website selbst aus; es gibt keine Analyse-Dienste. Kartenkacheln werden erst nach Ihrer Zustimmung geladen.</p><p>Namen und E-Mail-Adressen aus Anmeldungen zu Veranstaltungen löschen wir automatisch 14 Tage nach der Veranstaltung; bis dahin sehen sie nur der Verein und die Gastgeberin oder der Gastgeber.</p>",
            "en": "<p>This website serves its own fonts, images and scripts; there are no analytics services. Map tiles are only loaded after you agree.</p><p>We delete names and email addresses from event registrations automatically 14 days after the event; until then only the association and the host can see them.</p>",
            "tr": "<p>Bu web sitesi yazı tiplerini, görselleri ve betikleri kendisi sunar; analiz hizmeti kullanılmaz. Harita karoları yalnızca onayınızdan sonra yüklenir.</p><p>Etkinlik kayıtlarındaki adları ve e-posta adreslerini etkinlikten 14 gün sonra otomatik olarak sileriz; o zamana kadar bunları yalnızca dernek ve etkinliğe ev sahipliği yapan üye görebilir.</p>",
            "ar": "<p>يقدّم هذا الموقع خطوطه وصوره وبرامجه النصية بنفسه، ولا توجد خدمات تحليل. لا تُحمَّل بلاطات الخريطة إلا بعد موافقتك.</p><p>نحذف الأسماء وعناوين البريد الإلكتروني من التسجيلات في الفعاليات تلقائياً بعد 14 يوماً من الفعالية، وحتى ذلك الحين لا يطّلع عليها إلا الجمعية والجهة المضيفة.</p>",
        },
    },
]
