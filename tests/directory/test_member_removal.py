"""Removing a member, whichever way, takes away their edit rights on the profile (issue 12)."""

import pytest

from directory.members import MEMBERS_GROUP
from madebybochum.pages.demo import ensure_user

from .test_members import editor_form


@pytest.fixture
def anna(make_producer):
    member, _ = ensure_user("anna", "anna", "anna@example.org")
    page = make_producer("Annas Eis", texts={"intro": {"de": "Eis von Anna"}})
    page.members.add(member)
    return member, page


def can_edit(client, user, page):
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def assert_rights_gone(client, user, page):
    user.refresh_from_db()
    assert not can_edit(client, user, page)
    assert not user.groups.exists()
    assert client.get("/admin/").status_code == 302  # no admin access left either


def test_member_can_edit_before_removal(client, anna):
    member, page = anna
    assert can_edit(client, member, page)
    assert member.groups.filter(name=MEMBERS_GROUP).exists()


@pytest.mark.parametrize(
    "remove",
    [
        lambda member, page: page.members.remove(member),
        lambda member, page: member.producers.remove(page),
        lambda member, page: page.members.clear(),
        lambda member, page: member.producers.clear(),
        lambda member, page: page.members.set([]),
        lambda member, page: member.producers.set([]),
    ],
    ids=["remove", "reverse-remove", "clear", "reverse-clear", "set", "reverse-set"],
)
def test_removed_member_loses_edit_rights(client, anna, remove):
    member, page = anna
    remove(member, page)
    assert_rights_gone(client, member, page)


def test_member_of_two_producers_keeps_the_other_one(client, anna, make_producer):
    member, page = anna
    other = make_producer("Annas Werkstatt")
    other.members.add(member)
    page.members.clear()
    member.refresh_from_db()
    assert not can_edit(client, member, page)
    assert can_edit(client, member, other)


def test_deleting_the_producer_removes_its_group_and_rights(client, anna):
    member, page = anna
    page.delete()
    member.refresh_from_db()
    assert not member.groups.exists()
    client.force_login(member)
    assert client.get("/admin/").status_code == 302


def test_deleted_user_leaves_no_member_behind(anna):
    member, page = anna
    member.delete()
    assert not page.members.exists()
    from django.contrib.auth.models import Group

    assert not Group.objects.filter(name=MEMBERS_GROUP, user__isnull=False).exists()


def test_admin_removing_the_member_in_the_page_settings_removes_rights(client, anna, admin_user):
    member, page = anna
    client.force_login(admin_user)
    data = editor_form(client, page)
    data.pop("members", None)
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not page.members.exists()
    assert_rights_gone(client, member, page)
