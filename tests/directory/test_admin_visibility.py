"""Wagtail's page chooser and page-types report show a member only published pages and their own
producer's pages: no other producer's unpublished titles (issue 12)."""

import pytest

from madebybochum.pages.demo import ensure_user

SECRET = "Geheime Werkstatt"
DRAFT_TITLE = "Neuer Name noch geheim"


@pytest.fixture
def pages(make_producer):
    anna, _ = ensure_user("anna", "anna", "anna@example.org")
    bora, _ = ensure_user("bora", "bora", "bora@example.org")
    own = make_producer("Annas Eis", publish=False)
    own.members.add(anna)
    unpublished = make_producer(SECRET, publish=False)
    unpublished.members.add(bora)
    published = make_producer("Boras Kaffee")
    published.members.add(bora)
    # A live profile with a renamed draft waiting for approval.
    published.title = published.title_de = DRAFT_TITLE
    published.save_revision(user=bora)
    return anna, own, unpublished, published


def html_of(response):
    # A page not found in the admin is passed on to the language-prefixed site (a redirect to /de/...).
    assert response.status_code in {200, 302, 404}, response.status_code
    return response.content.decode()


def test_page_chooser_hides_other_producers_drafts(client, pages, index):
    anna, own, unpublished, published = pages
    client.force_login(anna)
    for url in [
        f"/admin/choose-page/{index.pk}/",
        f"/admin/choose-page/{index.pk}/?page_type=directory.producerpage",
        "/admin/choose-page/search/?q=Geheime",
        "/admin/choose-page/search/?q=Neuer",
        "/admin/choose-page/search/?q=Kaffee",
        f"/admin/choose-page/{unpublished.pk}/",
        f"/admin/choose-page/chosen-multiple/?id={unpublished.pk}&id={published.pk}",
    ]:
        html = html_of(client.get(url))
        assert SECRET not in html and DRAFT_TITLE not in html, url
    browse = html_of(client.get(f"/admin/choose-page/{index.pk}/"))
    assert "Annas Eis" in browse and "Boras Kaffee" in browse
    assert "Boras Kaffee" in html_of(client.get("/admin/choose-page/search/?q=Kaffee"))
    assert client.get(f"/admin/choose-page/{unpublished.pk}/").status_code in {302, 404}


def test_page_types_report_hides_other_producers_drafts(client, pages):
    anna, own, unpublished, published = pages
    client.force_login(anna)
    for url in ["/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert SECRET not in html and DRAFT_TITLE not in html, url


def test_admin_still_sees_drafts(client, pages, admin_user, index):
    _anna, _own, unpublished, published = pages
    client.force_login(admin_user)
    assert SECRET in html_of(client.get(f"/admin/choose-page/{index.pk}/"))
    assert DRAFT_TITLE in html_of(client.get("/admin/choose-page/search/?q=Kaffee"))
    assert DRAFT_TITLE in html_of(client.get("/admin/reports/page-types-usage/"))


def test_replaced_views_still_need_an_admin_login(client, pages, index):
    for url in [f"/admin/choose-page/{index.pk}/", "/admin/choose-page/search/?q=Kaffee", "/admin/reports/page-types-usage/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url, url
