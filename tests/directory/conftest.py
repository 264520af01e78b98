from datetime import time

import pytest

from directory.demo import seed_index
from directory.models import Category, OpeningHours, ProducerPage, Product, SpokenLanguage
from madebybochum.pages.demo import translated


@pytest.fixture
def index(home):
    return seed_index(home)


@pytest.fixture
def make_producer(index):
    """Create and publish a producer; keyword arguments set fields, `categories`/`languages` take slugs/codes."""
    counter = {"n": 0}

    def make(name="Werkstatt", categories=(), languages=(), hours=(), products=(), publish=True, **fields):
        counter["n"] += 1
        texts = fields.pop("texts", {})
        page = ProducerPage(
            slug=f"p-{counter['n']}",
            **translated("title", {"de": name}),
            **translated("intro", texts.get("intro", {"de": f"{name} aus Bochum"})),
            **translated("story", texts.get("story", {"de": ""})),
            **fields,
        )
        for weekday, opens, closes in hours:
            page.opening_hours.add(OpeningHours(weekday=weekday, opens=opens, closes=closes))
        for product in products:
            page.products.add(Product(**translated("name", {"de": product})))
        page.categories.set(Category.objects.filter(slug__in=categories))
        page.languages.set(SpokenLanguage.objects.filter(code__in=languages))
        page.live = publish
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return ProducerPage.objects.get(pk=page.pk)

    return make


WORKDAYS = [(day, time(9), time(18)) for day in range(5)]


@pytest.fixture
def photo(db):
    """A small Wagtail image drawn in memory."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    def make(title="Werkstatt"):
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 480), (163, 52, 28)).save(buffer, "JPEG")
        return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))

    return make
