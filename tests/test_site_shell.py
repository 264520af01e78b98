"""The site shell: languages, navigation, metadata, error pages, sitemap, robots, health check."""

import os
import re
import subprocess
import sys
from html import unescape

import pytest
from django.test import override_settings
from django.urls import reverse

LANGS = {"de": "ltr", "en": "ltr", "tr": "ltr", "ar": "rtl"}


@pytest.mark.parametrize("code,direction", LANGS.items())
def test_home_page_in_each_language_has_lang_and_dir(client, home, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert f'<html lang="{code}" dir="{direction}">' in html
    # The home page speaks the visitor's language: its headline is the translated one.
    assert getattr(home, f"hero_title_{code}") in html


@pytest.mark.parametrize(
    "accept,expected",
    [("ar,en;q=0.8", "/ar/"), ("tr-TR,tr;q=0.9", "/tr/"), ("en-US,en;q=0.9", "/en/"), ("fr-FR", "/de/"), ("", "/de/")],
)
def test_root_redirects_to_best_language(client, home, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, home):
    html = client.get("/tr/verein/").content.decode()
    switcher = html[html.index('class="lang-switch"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', switcher) == ["/de/verein/", "/en/verein/", "/tr/verein/", "/ar/verein/"]
    assert 'aria-current="true">Türkçe<' in switcher


def test_header_and_footer_navigation(client, home):
    html = client.get("/en/").content.decode()
    nav = html[html.index('class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert "About the association" in nav and "Label criteria" in nav
    footer = html[html.index('class="site-footer"') :]
    assert "Legal notice" in footer and "Privacy policy" in footer
    assert "hallo@madebybochum.example" in footer


def test_current_section_is_marked_in_the_menu(client, home):
    html = client.get("/de/verein/").content.decode()
    assert re.search(r'<a href="/de/verein/" aria-current="page">', html)


@pytest.mark.parametrize("path", ["/de/", "/ar/verein/", "/en/impressum/", "/tr/datenschutz/"])
def test_every_page_has_meta_description_and_open_graph(client, home, path):
    html = client.get(path).content.decode()
    description = re.search(r'<meta name="description" content="([^"]+)"', html)
    assert description and len(description.group(1)) > 20
    for prop in ("og:title", "og:description", "og:image", "og:url"):
        assert re.search(rf'<meta property="{prop}" content="[^"]+"', html), prop
    assert re.search(r'<link rel="alternate" hreflang="ar" href="http://testserver/ar/', html)


def test_standard_page_falls_back_to_german_where_untranslated(client, home):
    page = home.get_children().get(slug="verein").specific
    page.intro_tr = ""
    page.save_revision().publish()
    html = client.get("/tr/verein/").content.decode()
    assert page.intro_de in html


@pytest.mark.parametrize(
    "code,title", [("de", "Seite nicht gefunden"), ("tr", "Sayfa bulunamadı"), ("ar", "الصفحة غير موجودة")]
)
def test_404_page_in_visitors_language(client, home, code, title):
    response = client.get(f"/{code}/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert title in html
    assert f'lang="{code}"' in html


@pytest.mark.parametrize("code,title,link", [("de", "Kein Zugang", "Zu Ihrer Übersicht"), ("ar", "لا يمكن الوصول", "إلى لوحة التحكم")])
def test_403_page_in_visitors_language(client, home, django_user_model, code, title, link):
    member = django_user_model.objects.create_user("mia", password="x", is_staff=True)
    client.force_login(member)
    response = client.get(f"/{code}/events/proposals/")  # for event reviewers only
    assert response.status_code == 403
    html = response.content.decode()
    assert title in html and link in html and f'lang="{code}"' in html


@override_settings(ROOT_URLCONF="tests.urls_failing")
@pytest.mark.parametrize("code,text", [("de", "Etwas ist schiefgelaufen"), ("ar", "حدث خطأ ما")])
def test_500_page_in_visitors_language(client, code, text):
    client.raise_request_exception = False
    response = client.get(f"/{code}/fails/")
    assert response.status_code == 500
    html = response.content.decode()
    assert text in html
    assert f'lang="{code}"' in html


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, home):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for code in LANGS:
        assert f"<loc>http://testserver/{code}/verein/</loc>" in xml
    assert 'hreflang="ar" href="http://testserver/ar/impressum/"' in xml
    assert 'hreflang="x-default"' in xml


def test_robots_txt_points_to_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_favicon(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")
    assert 'rel="icon" href="/static/img/favicon.svg"' in client.get("/de/").content.decode()


@pytest.mark.django_db
def test_healthz_reports_ok_when_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_503_when_database_is_unreachable():
    """A fresh process whose DATABASE_URL points at a port where no database listens."""
    script = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())"
    )
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "DJANGO_SETTINGS_MODULE": "madebybochum.settings.test"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("503 "), result.stdout + result.stderr
    assert '"database": "unreachable"' in result.stdout


def test_no_external_assets_on_pages(client, home):
    html = client.get("/ar/").content.decode()
    for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
        assert url.startswith("http://testserver/"), url
