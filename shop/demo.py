"""Demo content for the shop, called by `seed_demo` (idempotent).

Makes some demo products purchasable and adds the legal pages linked before an order. The shop itself
stays off in the demo unless SHOP_ENABLED and the Stripe keys are set in the environment.
"""

from decimal import Decimal

from directory.models import ProducerIndexPage, ProducerPage, Product
from madebybochum.pages.demo import ensure_user, translated, upsert_page
from madebybochum.pages.models import HomePage, StandardPage

from .models import Offer

# slug of the producer: its name (if the directory demo has not made it) and the products to sell.
OFFERS = {
    "eismanufaktur-gleisdreieck": {
        "title": "Eismanufaktur Kohlenpott",
        "products": [
            {"name": {"de": "Eis-Gutschein für 10 Kugeln", "en": "Ice cream voucher for 10 scoops", "tr": "10 top dondurma hediye çeki", "ar": "قسيمة مثلجات لعشر كرات"}, "price": "18.00", "vat": "7.00", "stock": 40, "shipping": "1.90"},
            {"name": {"de": "Eistorte „Förderturm“ (auf Bestellung)", "en": "“Headframe” ice cream cake (made to order)", "tr": "“Maden kulesi” dondurmalı pasta (siparişe özel)", "ar": "كعكة مثلجات «برج المنجم» (حسب الطلب)"}, "price": "36.00", "vat": "7.00", "stock": None,
             "lead": 3, "ship": False},
        ],
    },
    "roesterei-kortum": {
        "title": "Kaffeerösterei Gleisdreieck",
        "products": [
            {"name": {"de": "Röstkaffee „Gleisdreieck“, 500 g", "en": "“Gleisdreieck” roasted coffee, 500 g", "tr": "“Gleisdreieck” kavrulmuş kahve, 500 g", "ar": "قهوة محمصة «غلايسدرايإك»، 500 غ"}, "price": "14.90", "vat": "7.00", "stock": 25, "shipping": "4.90"},
            {"name": {"de": "Espresso „Zeche“, 250 g", "en": "“Colliery” espresso, 250 g", "tr": "“Maden ocağı” espresso, 250 g", "ar": "إسبريسو «المنجم»، 250 غ"}, "price": "8.50", "vat": "7.00", "stock": 2, "shipping": "4.90"},
        ],
    },
    "polsterei-sattlerei-bergmann": {
        "title": "Polsterei & Sattlerei Hellweg",
        "products": [
            {"name": {"de": "Ledertasche „Hellweg“", "en": "“Hellweg” leather bag", "tr": "“Hellweg” deri çanta", "ar": "حقيبة جلدية «هيلفيغ»"}, "price": "189.00", "vat": "19.00", "stock": None, "lead": 21,
             "shipping": "6.90"},
        ],
    },
}


def seed(stdout, **options):
    """Create this app's demo content; return the demo logins it made as (username, password, role)."""
    home = HomePage.objects.first()
    seed_legal_pages(home)
    index = ProducerIndexPage.objects.first()
    if index is None:
        index, _ = upsert_page(home, ProducerIndexPage, "hersteller",
                               translated("title", {"de": "Hersteller", "en": "Producers", "tr": "Üreticiler",
                                                    "ar": "المنتجون"}))
    made = 0
    for slug, spec in OFFERS.items():
        producer = ProducerPage.objects.filter(slug=slug).first()
        if producer is None:
            producer, _ = upsert_page(index, ProducerPage, slug, translated("title", {"de": spec["title"]}))
        for item in spec["products"]:
            product = producer.products.filter(name_de=item["name"]["de"]).first()
            if product is None:
                product = Product.objects.create(
                    producer=producer, **translated("name", item["name"]), price=Decimal(item["price"]),
                    made_to_order=item["stock"] is None, lead_time_days=item.get("lead"),
                    design_in_bochum=True, manufacture_in_bochum=True,
                )
            _offer, created = Offer.objects.get_or_create(product=product, defaults={
                "purchasable": True, "vat_rate": Decimal(item["vat"]), "stock": item["stock"],
                "shipping": item.get("ship", True), "shipping_cost": Decimal(item.get("shipping", "0.00")),
                "pickup": True,
            })
            made += created
    seller, _ = ensure_user("roesterei", "demo-roesterei", "roesterei@madebybochum.example")
    ProducerPage.objects.get(slug="roesterei-kortum").members.add(seller)
    stdout.write(f"shop: {made} offers made purchasable (the shop stays off unless SHOP_ENABLED is set)")
    return [("roesterei", "demo-roesterei", "producer: sees the coffee roastery's shop orders")]


def seed_legal_pages(home):
    for slug, spec in LEGAL_PAGES.items():
        upsert_page(home, StandardPage, slug, {
            **translated("title", spec["title"]),
            **translated("intro", spec["intro"]),
            **translated("body", spec["body"]),
            "show_in_footer": True,
        })


LEGAL_PAGES = {
    "agb": {
        "title": {"de": "AGB des Shops", "en": "Shop terms and conditions", "tr": "Mağaza satış koşulları",
                  "ar": "الشروط والأحكام للمتجر"},
        "intro": {
            "de": "Allgemeine Geschäftsbedingungen für Bestellungen im Shop von Made by Bochum (Demo-Text).",
            "en": "General terms and conditions for orders in the Made by Bochum shop (demo text).",
            "tr": "Made by Bochum mağazasındaki siparişler için genel koşullar (demo metni).",
            "ar": "الشروط العامة للطلبات في متجر Made by Bochum (نص تجريبي).",
        },
        "body": {
            "de": "<p>Verkäufer ist der jeweilige Betrieb, dessen Produkt Sie bestellen; der Verein vermittelt. Alle Preise sind Endpreise in Euro inklusive Mehrwertsteuer, zuzüglich der angegebenen Versandkosten. Der Vertrag kommt zustande, wenn Sie auf „Zahlungspflichtig bestellen“ klicken und die Zahlung abgeschlossen ist. Auf Bestellung gefertigte Waren werden innerhalb der angegebenen Lieferzeit hergestellt.</p>",
            "en": "<p>The seller is the business whose product you order; the association acts as intermediary. All prices are final prices in euros including VAT, plus the shipping costs stated. The contract is concluded when you click “Order with obligation to pay” and the payment is complete. Made-to-order goods are produced within the lead time stated.</p>",
            "tr": "<p>Satıcı, ürününü sipariş ettiğiniz işletmedir; dernek aracılık eder. Tüm fiyatlar KDV dahil avro cinsinden nihai fiyatlardır, belirtilen kargo ücreti ayrıca eklenir. Sözleşme, “Ödeme yükümlülüğü ile sipariş ver” düğmesine tıkladığınızda ve ödeme tamamlandığında kurulur. Siparişe göre üretilen ürünler belirtilen süre içinde hazırlanır.</p>",
            "ar": "<p>البائع هو المنشأة التي تطلب منتجها، وتعمل الجمعية وسيطاً. جميع الأسعار نهائية باليورو وتشمل ضريبة القيمة المضافة، مضافاً إليها تكاليف الشحن المذكورة. ينعقد العقد عند النقر على «اطلب مع الالتزام بالدفع» واكتمال الدفع. تُصنع البضائع المصنوعة حسب الطلب خلال المدة المذكورة.</p>",
        },
    },
    "widerrufsbelehrung": {
        "title": {"de": "Widerrufsbelehrung", "en": "Right of withdrawal", "tr": "Cayma hakkı", "ar": "حق الانسحاب"},
        "intro": {
            "de": "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.",
            "en": "You have the right to withdraw from this contract within fourteen days without giving any reason.",
            "tr": "On dört gün içinde herhangi bir gerekçe göstermeden bu sözleşmeden cayma hakkınız vardır.",
            "ar": "يحق لك الانسحاب من هذا العقد خلال أربعة عشر يوماً دون إبداء أي سبب.",
        },
        "body": {
            "de": "<p>Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie die Waren in Besitz genommen haben. Um Ihr Widerrufsrecht auszuüben, teilen Sie uns (Made by Bochum e. V., Brückstraße 12, 44787 Bochum, hallo@madebybochum.example) mittels einer eindeutigen Erklärung Ihren Entschluss mit. Das Widerrufsrecht besteht nicht bei Waren, die nach Kundenspezifikation angefertigt werden, und bei schnell verderblichen Waren.</p>",
            "en": "<p>The withdrawal period is fourteen days from the day you took possession of the goods. To exercise your right of withdrawal, inform us (Made by Bochum e. V., Brückstraße 12, 44787 Bochum, hallo@madebybochum.example) by a clear statement. The right of withdrawal does not apply to goods made to the customer's specifications or to perishable goods.</p>",
            "tr": "<p>Cayma süresi, ürünleri teslim aldığınız günden itibaren on dört gündür. Cayma hakkınızı kullanmak için kararınızı açık bir beyanla bize bildirin (Made by Bochum e. V., Brückstraße 12, 44787 Bochum, hallo@madebybochum.example). Müşteriye özel üretilen ürünlerde ve çabuk bozulan ürünlerde cayma hakkı yoktur.</p>",
            "ar": "<p>مدة الانسحاب أربعة عشر يوماً من يوم استلامك للبضائع. لممارسة حق الانسحاب، أبلغنا بقرارك ببيان واضح (Made by Bochum e. V., Brückstraße 12, 44787 Bochum, hallo@madebybochum.example). لا يسري حق الانسحاب على البضائع المصنوعة وفق مواصفات العميل ولا على البضائع سريعة التلف.</p>",
        },
    },
}
