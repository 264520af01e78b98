"""The "Members" group (admin access, own images) and the concept's categories and common languages."""

from django.db import migrations

CATEGORIES = [
    ("food", {"de": "Lebensmittel und Getränke", "en": "Food and drink", "tr": "Gıda ve içecek", "ar": "أغذية ومشروبات"}),
    ("textiles", {"de": "Bekleidung, Textil und Leder", "en": "Clothing, textiles and leather", "tr": "Giyim, tekstil ve deri", "ar": "ملابس ومنسوجات وجلود"}),
    ("health", {"de": "Gesundheitshandwerk", "en": "Health crafts", "tr": "Sağlık zanaatları", "ar": "حِرف صحية"}),
    ("bicycles", {"de": "Fahrräder", "en": "Bicycles", "tr": "Bisikletler", "ar": "دراجات"}),
    ("instruments", {"de": "Musikinstrumente", "en": "Musical instruments", "tr": "Müzik aletleri", "ar": "آلات موسيقية"}),
    ("jewellery", {"de": "Schmuck, Gold- und Silberschmiede", "en": "Jewellery and goldsmithing", "tr": "Takı ve kuyumculuk", "ar": "مجوهرات وصياغة"}),
    ("wood-metal", {"de": "Holz, Metall und Design", "en": "Wood, metal and design", "tr": "Ahşap, metal ve tasarım", "ar": "خشب ومعادن وتصميم"}),
    ("printing", {"de": "Druck", "en": "Printing", "tr": "Baskı", "ar": "طباعة"}),
    ("industry", {"de": "Industrieprodukte", "en": "Industrial products", "tr": "Endüstriyel ürünler", "ar": "منتجات صناعية"}),
]

LANGUAGES = [
    ("de", {"de": "Deutsch", "en": "German", "tr": "Almanca", "ar": "الألمانية"}),
    ("en", {"de": "Englisch", "en": "English", "tr": "İngilizce", "ar": "الإنجليزية"}),
    ("tr", {"de": "Türkisch", "en": "Turkish", "tr": "Türkçe", "ar": "التركية"}),
    ("ar", {"de": "Arabisch", "en": "Arabic", "tr": "Arapça", "ar": "العربية"}),
    ("pl", {"de": "Polnisch", "en": "Polish", "tr": "Lehçe", "ar": "البولندية"}),
    ("ru", {"de": "Russisch", "en": "Russian", "tr": "Rusça", "ar": "الروسية"}),
    ("it", {"de": "Italienisch", "en": "Italian", "tr": "İtalyanca", "ar": "الإيطالية"}),
    ("fr", {"de": "Französisch", "en": "French", "tr": "Fransızca", "ar": "الفرنسية"}),
]


def names(texts):
    return {"name": texts["de"], **{f"name_{code}": text for code, text in texts.items()}}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Category = apps.get_model("directory", "Category")
    SpokenLanguage = apps.get_model("directory", "SpokenLanguage")

    group, _created = Group.objects.get_or_create(name="Members")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"})
    group.permissions.add(access)
    image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    add_image, _ = Permission.objects.get_or_create(content_type=image_type, codename="add_image", defaults={"name": "Can add image"})
    root = Collection.objects.filter(depth=1).first()
    if root:
        # "add" alone lets members upload, and edit and choose only the images they uploaded.
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=add_image)

    for order, (slug, texts) in enumerate(CATEGORIES):
        Category.objects.get_or_create(slug=slug, defaults={"sort_order": order, **names(texts)})
    for code, texts in LANGUAGES:
        SpokenLanguage.objects.get_or_create(code=code, defaults=names(texts))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_category_spokenlanguage_and_more"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
