import json
import re
from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import ProducerPhoto, SocialLink
from madebybochum.pages.demo import translated

from .conftest import WORKDAYS


@pytest.fixture
def roastery(make_producer, photo):
    page = make_producer(
        "Rösterei Kortum",
        texts={
            "intro": {"de": "Kaffee aus der Innenstadt.", "en": "Coffee from the city centre.", "tr": "Şehir merkezinden kahve."},
            "story": {"de": "<p>Seit 2015 rösten wir langsam.</p>", "en": "<p>We have roasted slowly since 2015.</p>"},
        },
        categories=["food"],
        languages=["de", "tr"],
        hours=WORKDAYS,
        products=["Espresso"],
        street="Kortumstraße 88",
        postcode="44787",
        latitude="51.480520",
        longitude="7.219950",
        founding_year=2015,
        team_size=14,
        guided_tours=True,
        sells_online=True,
        wheelchair_accessible=True,
        portrait=photo("Portrait"),
        portrait_alt="Die Röstmaschine",
        phone="+49 234 1234",
    )
    ProducerPhoto.objects.create(producer=page, image=photo("Laden"), **translated("alt_text", {"de": "Der Laden von außen"}))
    SocialLink.objects.create(producer=page, platform="instagram", url="https://instagram.example/kortum")
    product = page.products.get()
    product.price = "9.50"
    product.made_to_order = True
    product.lead_time_days = 3
    product.design_in_bochum = product.manufacture_in_bochum = True
    product.save()
    page.save_revision().publish()
    return page


def test_profile_shows_everything_a_visitor_needs(client, roastery):
    html = client.get(f"/en/produzenten/{roastery.slug}/").content.decode()
    for text in [
        "Rösterei Kortum", "Coffee from the city centre.", "We have roasted slowly since 2015.", "Espresso", "9.50 EUR",
        "ready in 3 days", "Kortumstraße 88", "44787 Bochum", "09:00–18:00", "Guided tours", "Online", "Turkish",
        "Wheelchair accessible", "2015", "14 people", "+49 234 1234", "Instagram", "In Bochum: Design, Manufacture",
    ]:
        assert text in html, text


def test_profile_images_are_lazy_avif_and_webp_renditions_with_alt_text(client, roastery):
    html = client.get(roastery.url).content.decode()
    photo = re.search(r'<picture>((?:(?!</picture>).)*alt="Der Laden von außen"(?:(?!</picture>).)*)</picture>', html).group(1)
    sources = re.findall(r'<source sizes="[^"]+" srcset="([^"]+)" type="([^"]+)">', photo)
    assert [kind for _srcset, kind in sources] == ["image/avif", "image/webp"]
    # Two sizes each (the 640 px test photo is not upscaled, so the larger one is 640 px wide).
    assert all(re.fullmatch(r"\S+ 600w, \S+ 640w", srcset) for srcset, _kind in sources), sources
    img = re.search(r"<img[^>]*>", photo).group(0)
    assert 'loading="lazy"' in img and 'width="600"' in img and 'height="400"' in img and "srcset=" in img
    # The portrait is above the fold: not lazy, but first in line.
    portrait = re.search(r'<picture>((?:(?!</picture>).)*alt="Die Röstmaschine"(?:(?!</picture>).)*)</picture>', html).group(1)
    assert 'type="image/avif"' in portrait and 'fetchpriority="high"' in portrait and 'loading="lazy"' not in portrait


def test_avif_renditions_really_are_avif(client, roastery):
    from django.core.files.storage import default_storage

    html = client.get(roastery.url).content.decode()
    urls = re.findall(r'(/media/\S+\.avif) \d+w', html)
    assert urls
    for url in urls:
        with default_storage.open(url.removeprefix("/media/")) as file:
            assert file.read(12)[4:12] == b"ftypavif", url


def test_profile_has_json_ld_and_open_graph_image(client, roastery):
    html = client.get(roastery.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "Rösterei Kortum"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.48052, "longitude": 7.21995}
    assert data["address"]["streetAddress"] == "Kortumstraße 88"
    offer = data["makesOffer"][0]
    assert offer["itemOffered"]["@type"] == "Product" and offer["itemOffered"]["name"] == "Espresso"
    assert offer["price"] == "9.50" and offer["priceCurrency"] == "EUR"
    assert len(data["openingHoursSpecification"]) == 5
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og_image.startswith("http://testserver/") and og_image.endswith(".webp")


def test_untranslated_fields_fall_back_to_german(client, roastery):
    path = f"/produzenten/{roastery.slug}/"
    turkish = client.get(f"/tr{path}").content.decode()
    assert "Şehir merkezinden kahve." in turkish  # written in Turkish
    assert "Seit 2015 rösten wir langsam." in turkish  # story not translated: German, never empty
    english = client.get(f"/en{path}").content.decode()
    assert "We have roasted slowly since 2015." in english
    arabic = client.get(f"/ar{path}").content.decode()
    assert "Kaffee aus der Innenstadt." in arabic and 'dir="rtl"' in arabic


# The budget. Site, routing to the directory, view restrictions and menus come from per-process
# copies (madebybochum/routing.py); the profile's small lists come with the page in one query.
PROFILE_BUDGET = 10


def test_profile_query_budget(client, roastery, make_producer):
    client.get(roastery.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(roastery.url).status_code == 200
    assert len(queries) <= PROFILE_BUDGET, [q["sql"][:120] for q in queries]


def test_profile_query_count_does_not_grow_with_content(client, make_producer):
    small = make_producer("Klein", hours=WORKDAYS[:1], products=["Eins"], categories=["food"])
    big = make_producer(
        "Groß", hours=WORKDAYS + [(5, time(9), time(12))], products=[f"Ding {n}" for n in range(8)],
        categories=["food", "textiles", "printing"], languages=["de", "en", "tr"],
    )
    counts = []
    for page in (small, big):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_texts_shown_in_german_for_want_of_a_translation_are_marked_as_german(client, make_producer):
    producer = make_producer(
        "Weberei", texts={"intro": {"de": "Stoffe aus Bochum", "tr": "Bochum'dan kumaşlar"}, "story": {"de": "<p>Seit 1990.</p>"}},
        products=["Schal"],
    )
    producer.products.update(name_ar="وشاح")
    path = producer.url[3:]  # after /de
    turkish = client.get(f"/tr{path}").content.decode()
    assert '<p class="lead">Bochum&#x27;dan kumaşlar</p>' in turkish
    assert '<div lang="de"><p>Seit 1990.</p></div>' in turkish
    assert "Henüz çevrilmedi" in turkish
    assert '<h3 lang="de">Schal</h3>' in turkish

    arabic = client.get(f"/ar{path}").content.decode()
    assert '<h3>وشاح</h3>' in arabic and '<p class="lead" lang="de">Stoffe aus Bochum</p>' in arabic

    german = client.get(f"/de{path}").content.decode()
    assert 'lang="de">' not in german.split("<main", 1)[1] and "Noch nicht übersetzt" not in german


def test_lists_on_a_profile_use_the_languages_separator(client, make_producer):
    producer = make_producer("Weberei", languages=["de", "en"])
    path = producer.url[3:]
    assert "Deutsch, Englisch" in client.get(f"/de{path}").content.decode()
    assert "الألمانية، الإنجليزية" in client.get(f"/ar{path}").content.decode()
