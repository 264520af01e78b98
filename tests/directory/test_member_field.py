"""The profile's members field offers a member only the members of their own producers (issue 12)."""

import re

import pytest

from madebybochum.pages.demo import ensure_user

from .test_members import editor_form


@pytest.fixture
def accounts(make_producer):
    anna, _ = ensure_user("anna", "anna", "anna@example.org")
    ali, _ = ensure_user("ali", "ali", "ali@example.org")
    bora, _ = ensure_user("bora", "bora", "bora@example.org")
    loner, _ = ensure_user("loner", "loner", "loner@example.org")
    page_a = make_producer("Annas Eis")
    page_a.members.add(anna, ali)
    page_b = make_producer("Boras Kaffee")
    page_b.members.add(bora)
    return anna, ali, bora, loner, page_a, page_b


def member_options(html):
    select = re.search(r'<select[^>]*name="members".*?</select>', html, re.S).group(0)
    return set(re.findall(r"<option[^>]*>\s*([^<]+?)\s*</option>", select))


def test_member_sees_only_their_co_members(client, accounts):
    anna, ali, bora, loner, page_a, _page_b = accounts
    client.force_login(anna)
    options = member_options(client.get(f"/admin/pages/{page_a.pk}/edit/").content.decode())
    assert {"anna", "ali"} <= options
    assert not options & {"bora", "loner", "admin"}


def test_member_cannot_add_a_stranger_by_posting_their_id(client, accounts):
    anna, _ali, bora, _loner, page_a, _page_b = accounts
    client.force_login(anna)
    data = editor_form(client, page_a)
    data.update({"members": [str(anna.pk), str(bora.pk)], "action-submit": "action-submit"})
    client.post(f"/admin/pages/{page_a.pk}/edit/", data)
    assert not page_a.members.filter(pk=bora.pk).exists()
    client.force_login(bora)
    assert client.get(f"/admin/pages/{page_a.pk}/edit/").status_code != 200


def test_admin_sees_every_account(client, accounts, admin_user):
    _anna, _ali, _bora, _loner, page_a, _page_b = accounts
    client.force_login(admin_user)
    options = member_options(client.get(f"/admin/pages/{page_a.pk}/edit/").content.decode())
    assert {"anna", "ali", "bora", "loner"} <= options
