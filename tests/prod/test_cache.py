"""Anonymous visitors get pages from the shared cache; a publish shows at once; members never get cached pages."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from madebybochum.pages.models import StandardPage


@pytest.fixture
def about(home):
    return StandardPage.objects.get(slug="verein")


def test_second_anonymous_visit_comes_from_the_cache_with_etag(client, about):
    first = client.get("/de/verein/")
    second = client.get("/de/verein/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Cookie" in second["Vary"]
    assert "Content-Security-Policy" in second
    # A browser that has the page already gets a 304 without a body.
    revalidated = client.get("/de/verein/", HTTP_IF_NONE_MATCH=second["ETag"])
    assert revalidated.status_code == 304
    assert revalidated.content == b""


def test_each_language_is_cached_on_its_own(client, about):
    client.get("/de/verein/")
    english = client.get("/en/verein/")
    assert english["X-Cache"] == "MISS"
    assert about.title_en in english.content.decode()


def test_publishing_a_change_shows_to_anonymous_visitors_at_once(client, about):
    client.get("/de/verein/")
    # A change that bypasses signals is not seen: proof the page really comes from the cache.
    StandardPage.objects.filter(pk=about.pk).update(intro_de="Heimlich geändert")
    assert "Heimlich geändert" not in client.get("/de/verein/").content.decode()

    about.refresh_from_db()
    about.intro_de = "Frisch veröffentlicht"
    about.save_revision().publish()
    response = client.get("/de/verein/")
    assert response["X-Cache"] == "MISS"
    assert "Frisch veröffentlicht" in response.content.decode()


def test_a_saved_draft_does_not_throw_the_cache_away(client, about):
    client.get("/de/verein/")
    about.intro_de = "Nur ein Entwurf"
    about.save_revision()
    response = client.get("/de/verein/")
    assert response["X-Cache"] == "HIT"
    assert "Nur ein Entwurf" not in response.content.decode()


def test_unpublishing_removes_the_page_for_anonymous_visitors(client, about):
    assert client.get("/de/verein/").status_code == 200
    about.unpublish()
    assert client.get("/de/verein/").status_code == 404


def test_changing_other_content_also_invalidates(client, home):
    from wagtail.models import Site

    from madebybochum.pages.models import SiteSettings

    client.get("/de/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "neu@madebybochum.example"
    settings.save()
    assert client.get("/de/")["X-Cache"] == "MISS"


def test_logged_in_members_always_get_fresh_private_pages(client, about):
    member = get_user_model().objects.create_user("member", "m@example.org", "pw-123456789")
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.get("/de/verein/")  # cached for anonymous visitors
    StandardPage.objects.filter(pk=about.pk).update(intro_de="Nur frisch zu sehen")
    client.force_login(member)
    response = client.get("/de/verein/")
    assert "X-Cache" not in response
    assert "Nur frisch zu sehen" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_the_admin_and_health_check_are_never_cached(client, home):
    assert "X-Cache" not in client.get("/healthz")
    assert "X-Cache" not in client.get("/admin/login/")


def test_pages_with_a_form_token_are_not_stored(client, home):
    # The admin login form carries a CSRF token; any public form page behaves the same way.
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    from madebybochum.cache import AnonymousPageCacheMiddleware

    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>")

    middleware = AnonymousPageCacheMiddleware(view)
    request = RequestFactory().get("/de/formular/")
    request.LANGUAGE_CODE = "de"
    assert "X-Cache" not in middleware(request)
    request = RequestFactory().get("/de/formular/")
    request.LANGUAGE_CODE = "de"
    assert "X-Cache" not in middleware(request)


def test_the_sitemap_is_cached_with_an_etag_and_follows_publishing(client, about):
    first = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml")["X-Cache"] == "HIT"
    assert first["ETag"]
    about.slug = "ueber-uns"
    about.save_revision().publish()
    fresh = client.get("/sitemap.xml")
    assert fresh["X-Cache"] == "MISS"
    assert "/ueber-uns/" in fresh.content.decode()
