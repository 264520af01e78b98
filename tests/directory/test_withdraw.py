"""Admins withdraw a profile from the admin (after a confirmation) and can restore it; members cannot."""

import json

from wagtail.models import PageLogEntry, Revision

from madebybochum.pages.demo import ensure_user


def public_names(client):
    listing = client.get("/de/produzenten/").content.decode()
    geojson = [f["properties"]["name"] for f in json.loads(client.get("/api/producers.geojson").content)["features"]]
    csv = client.get("/api/producers.csv").content.decode()
    return listing, geojson, csv


def test_admin_withdraws_after_confirming_and_the_history_stays(client, admin_user, make_producer):
    producer = make_producer("Aufgegeben", latitude="51.48", longitude="7.21")
    make_producer("Bleibt", latitude="51.49", longitude="7.22")
    revisions = Revision.page_revisions.filter(object_id=str(producer.pk)).count()
    client.force_login(admin_user)
    editor = client.get(f"/admin/pages/{producer.pk}/edit/").content.decode()
    assert f"/admin/directory/producers/{producer.pk}/withdraw/" in editor

    confirm = client.get(f"/admin/directory/producers/{producer.pk}/withdraw/")
    assert confirm.status_code == 200 and "Aufgegeben" in confirm.content.decode()
    producer.refresh_from_db()
    assert producer.live and not producer.is_withdrawn  # showing the question changes nothing

    assert client.post(f"/admin/directory/producers/{producer.pk}/withdraw/").status_code == 302
    producer.refresh_from_db()
    assert producer.is_withdrawn and producer.withdrawn_by == admin_user and not producer.live
    client.logout()
    listing, geojson, csv = public_names(client)
    assert "Bleibt" in listing and "Aufgegeben" not in listing
    assert geojson == ["Bleibt"] and "Aufgegeben" not in csv
    assert client.get(f"/de/produzenten/{producer.slug}/").status_code == 404
    # Nothing deleted: every revision is still there, and the history names who withdrew it.
    assert Revision.page_revisions.filter(object_id=str(producer.pk)).count() == revisions
    assert PageLogEntry.objects.filter(page=producer, action="directory.withdraw", user=admin_user).exists()

    client.force_login(admin_user)
    history = client.get(f"/admin/pages/{producer.pk}/history/")
    assert history.status_code == 200 and "Aus dem Verzeichnis zurückgezogen" in history.content.decode()


def test_admin_restores_a_withdrawn_profile_unpublished(client, admin_user, make_producer):
    from directory.lifecycle import withdraw

    producer = withdraw(make_producer("Zurück"), by=admin_user)
    client.force_login(admin_user)
    assert f"/admin/directory/producers/{producer.pk}/restore/" in client.get(f"/admin/pages/{producer.pk}/edit/").content.decode()
    assert client.get(f"/admin/directory/producers/{producer.pk}/restore/").status_code == 200
    assert client.post(f"/admin/directory/producers/{producer.pk}/restore/").status_code == 302
    producer.refresh_from_db()
    assert not producer.is_withdrawn and not producer.live
    # Published again by an admin, it is back in the directory.
    producer.save_revision(user=admin_user).publish(user=admin_user)
    assert "Zurück" in public_names(client)[0]


def test_members_and_reviewers_cannot_withdraw_or_restore(client, make_producer, admin_user):
    from django.contrib.auth.models import Group, Permission

    producer = make_producer("Meins")
    member, _created = ensure_user("anna", "anna", "anna@example.org")
    producer.members.add(member)
    reviewer, _created = ensure_user("rita", "rita", "rita@example.org")
    staff, _created = Group.objects.get_or_create(name="Staff")
    staff.permissions.add(Permission.objects.get(codename="access_admin"))
    reviewer.groups.add(staff)
    for user in (member, reviewer):
        client.force_login(user)
        editor = client.get(f"/admin/pages/{producer.pk}/edit/").content.decode()
        assert f"/admin/directory/producers/{producer.pk}/withdraw/" not in editor
        assert client.get(f"/admin/directory/producers/{producer.pk}/withdraw/").status_code == 302
        assert client.post(f"/admin/directory/producers/{producer.pk}/withdraw/").status_code == 302
    producer.refresh_from_db()
    assert producer.live and not producer.is_withdrawn

    from directory.lifecycle import withdraw

    withdraw(producer, by=admin_user)
    client.force_login(member)
    assert client.post(f"/admin/directory/producers/{producer.pk}/restore/").status_code == 302
    producer.refresh_from_db()
    assert producer.is_withdrawn


def test_withdraw_and_invite_buttons_in_the_page_listing(client, admin_user, make_producer, index):
    producer = make_producer("Gelistet")
    client.force_login(admin_user)
    listing = client.get(f"/admin/pages/{index.pk}/").content.decode()
    assert f"/admin/directory/producers/{producer.pk}/withdraw/" in listing
    assert f"/admin/directory/producers/{producer.pk}/invite/" in listing


def test_publishing_an_older_revision_does_not_undo_a_withdrawal(client, admin_user, make_producer):
    from directory.lifecycle import withdraw
    from directory.models import ProducerPage

    producer = make_producer("Alt")
    revision = producer.latest_revision
    withdraw(ProducerPage.objects.get(pk=producer.pk), by=admin_user)
    revision.publish(user=admin_user)
    assert ProducerPage.objects.get(pk=producer.pk).is_withdrawn
    assert client.get(f"/de/produzenten/{producer.slug}/").status_code == 404
