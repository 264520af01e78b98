"""Members edit only their own profile, through moderation; every admin route is checked."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowState

from directory.members import MEMBERS_GROUP
from madebybochum.pages.demo import ensure_user
from django.utils import translation
from django.utils.translation import gettext


class FormFields(HTMLParser):
    """The fields of the page editor's form as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select, self._in_form = {}, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "page-edit-form":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def editor_form(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.data


@pytest.fixture
def members(make_producer):
    member_a, _ = ensure_user("anna", "anna", "anna@example.org")
    member_b, _ = ensure_user("bora", "bora", "bora@example.org")
    page_a = make_producer("Annas Eis", texts={"intro": {"de": "Eis von Anna"}})
    page_b = make_producer("Boras Kaffee", texts={"intro": {"de": "Kaffee von Bora"}})
    page_a.members.add(member_a)
    page_b.members.add(member_b)
    return member_a, page_a, member_b, page_b


def test_members_join_the_members_group(members):
    member_a, _page_a, member_b, _page_b = members
    assert member_a.groups.filter(name=MEMBERS_GROUP).exists()
    assert Group.objects.get(name=MEMBERS_GROUP).user_set.count() == 2


def test_member_cannot_reach_another_members_profile_through_any_admin_url(client, members):
    member_a, page_a, _member_b, page_b = members
    client.force_login(member_a)
    revision = page_b.latest_revision
    blocked = [
        ("get", f"/admin/pages/{page_b.pk}/edit/"),
        ("post", f"/admin/pages/{page_b.pk}/edit/"),
        ("post", f"/admin/pages/{page_b.pk}/edit/preview/"),
        ("get", f"/admin/pages/{page_b.pk}/view_draft/"),
        ("get", f"/admin/pages/{page_b.pk}/history/"),
        ("get", f"/admin/pages/{page_b.pk}/revisions/{revision.pk}/view/"),
        ("post", f"/admin/pages/{page_b.pk}/revisions/{revision.pk}/revert/"),
        ("get", f"/admin/pages/{page_b.pk}/revisions/compare/earliest...latest/"),
        ("get", f"/admin/pages/{page_b.pk}/workflow_history/"),
        ("post", f"/admin/pages/{page_b.pk}/unpublish/"),
        ("post", f"/admin/pages/{page_b.pk}/delete/"),
        ("post", f"/admin/pages/{page_b.pk}/lock/"),
        ("get", f"/admin/pages/{page_b.pk}/copy/"),
        ("get", f"/admin/pages/{page_b.pk}/move/"),
        ("get", f"/admin/pages/{page_b.pk}/privacy/"),
        ("get", f"/admin/pages/{page_b.pk}/usage/"),
        ("get", f"/admin/pages/{page_b.get_parent().pk}/add_subpage/"),
        ("get", f"/admin/pages/{page_b.get_parent().pk}/edit/"),
    ]
    for method, url in blocked:
        response = getattr(client, method)(url, {"action-publish": "1"} if method == "post" else None)
        assert response.status_code in {302, 403, 404}, url
        if response.status_code == 302:
            assert response.url != url and "/edit/" not in response.url or str(page_a.pk) in response.url, url
        assert "Kaffee von Bora" not in response.content.decode(), url
    page_b.refresh_from_db()
    assert page_b.live and page_b.intro == "Kaffee von Bora" and not page_b.locked


def test_member_does_not_see_other_profiles_in_admin_listings_or_search(client, members, index):
    member_a, page_a, _member_b, page_b = members
    client.force_login(member_a)
    for url in [f"/admin/pages/{index.pk}/", "/admin/pages/search/?q=Kaffee", "/admin/pages/search/?q=Eis", "/admin/pages/"]:
        html = client.get(url, follow=True).content.decode()
        assert "Boras Kaffee" not in html, url
    assert "Annas Eis" in client.get(f"/admin/pages/{index.pk}/", follow=True).content.decode()
    assert "Boras Kaffee" not in client.get("/admin/", follow=True).content.decode()


def test_member_cannot_publish_own_profile_directly(client, members):
    member_a, page_a, _member_b, _page_b = members
    client.force_login(member_a)
    data = editor_form(client, page_a)
    data.update({"intro_de": "Veröffentlicht ohne Freigabe", "action-publish": "action-publish"})
    client.post(f"/admin/pages/{page_a.pk}/edit/", data)
    page_a.refresh_from_db()
    assert page_a.intro_de == "Eis von Anna"


def test_moderation_round_trip(client, members, admin_user):
    member_a, page_a, _member_b, _page_b = members
    client.force_login(member_a)
    data = editor_form(client, page_a)
    data.update({"intro_de": "Neues Eis von Anna", "action-submit": "action-submit"})
    response = client.post(f"/admin/pages/{page_a.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    # Submitted: a draft waits for approval, and the public page still shows the approved version.
    state = WorkflowState.objects.get(object_id=str(page_a.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert "Eis von Anna" in client.get(page_a.url).content.decode()
    assert "Neues Eis von Anna" not in client.get(page_a.url).content.decode()

    client.force_login(admin_user)
    task_state = state.current_task_state
    response = client.post(f"/admin/pages/workflow/action/{page_a.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in {200, 302}
    page_a.refresh_from_db()
    assert page_a.intro_de == "Neues Eis von Anna"
    client.logout()
    assert "Neues Eis von Anna" in client.get(Page.objects.get(pk=page_a.pk).url).content.decode()


def test_member_sees_missing_languages_on_the_dashboard(client, members):
    member_a, page_a, _member_b, _page_b = members
    client.force_login(member_a)
    html = client.get("/admin/").content.decode()
    with translation.override("de"):
        assert gettext("Your producer profiles") in html and "Annas Eis" in html
        assert gettext("Not yet translated into:") in html
