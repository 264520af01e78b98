"""Participant lists for admins and the hosting member only; members' event proposals."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from events import registrations
from events.models import EventPage, EventProposal
from events.recurrence import next_occurrences

from .conftest import local


@pytest.fixture
def setup(make_event, make_producer):
    User = get_user_model()
    host_member = User.objects.create_user("geige", password="x")
    other_member = User.objects.create_user("eis", password="x")
    admin = User.objects.create_superuser("chef", password="x")
    violin = make_producer("geigenbau", "Geigenbau", members=[host_member])
    make_producer("eismanufaktur", "Eismanufaktur", members=[other_member])
    event = make_event(title="Geigen-Workshop", start=local(2030, 5, 3, 15), hosts=[violin], registration_required=True, capacity=5)
    registrations.confirm(registrations.register(event, next_occurrences(event, local(2030, 1, 1))[0], "Zeynep Kaya", "zeynep@example.org", 2))
    return {"event": event, "host": host_member, "other": other_member, "admin": admin, "violin": violin}


def test_hosting_member_and_admin_see_the_list_and_csv(client, setup):
    event = setup["event"]
    for user in (setup["host"], setup["admin"]):
        client.force_login(user)
        page = client.get(f"/de/events/{event.pk}/participants/")
        assert page.status_code == 200 and "Zeynep Kaya" in page.content.decode()
        response = client.get(f"/de/events/{event.pk}/participants.csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1][1:4] == ["Zeynep Kaya", "zeynep@example.org", "2"]
        assert rows[1][0] == "2030-05-03 15:00"


def test_member_of_another_producer_and_visitors_cannot_see_participants(client, setup):
    event = setup["event"]
    client.force_login(setup["other"])
    assert client.get(f"/de/events/{event.pk}/participants/").status_code == 403
    assert client.get(f"/de/events/{event.pk}/participants.csv").status_code == 403
    assert "Zeynep" not in client.get(event.url).content.decode()
    client.logout()
    assert client.get(f"/de/events/{event.pk}/participants.csv").status_code == 302  # to the login


def test_member_proposes_and_admin_approves_into_a_live_event(client, setup):
    client.force_login(setup["host"])
    form = client.get("/de/events/propose/").content.decode()
    assert "Geigenbau" in form and "Eismanufaktur" not in form
    day = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()
    data = {"producer": setup["violin"].pk, "title": "Offene Werkstatt", "description": "Schauen Sie zu.",
            "format": "workshop", "starts_at": f"{day}T15:00", "ends_at": f"{day}T14:00", "at_producer": "on"}
    response = client.post("/de/events/propose/", data)
    assert response.status_code == 200 and "Offene Werkstatt" in response.content.decode()  # end before start: kept, explained
    data["ends_at"] = f"{day}T18:00"
    assert client.post("/de/events/propose/", data).status_code == 302
    proposal = EventProposal.objects.get()
    assert not EventPage.objects.filter(title="Offene Werkstatt").exists()

    # Members cannot approve; admins can.
    assert client.post(f"/de/events/proposals/{proposal.pk}/approve/").status_code == 403
    client.force_login(setup["admin"])
    assert "Offene Werkstatt" in client.get("/de/events/proposals/").content.decode()
    assert client.post(f"/de/events/proposals/{proposal.pk}/approve/").status_code == 302
    proposal.refresh_from_db()
    event = EventPage.objects.live().get(title="Offene Werkstatt")
    assert proposal.status == "approved" and proposal.decided_by == setup["admin"] and proposal.decided_at
    assert list(event.hosts.all()) == [setup["violin"]] and event.venue_producer == setup["violin"]
    assert client.get(event.url).status_code == 200


def test_member_without_a_business_cannot_propose(client, db):
    client.force_login(get_user_model().objects.create_user("gast", password="x"))
    assert client.get("/de/events/propose/").status_code == 403


def test_admins_can_look_at_registrations_but_not_edit_them_past_the_capacity_rules(client, setup):
    """Seats and the waiting list change only through events.registrations; the admin is a read-only view."""
    from events.models import Registration

    registration = Registration.objects.get(email="zeynep@example.org")
    client.force_login(setup["admin"])
    listing = client.get("/admin/snippets/events/registration/")
    assert listing.status_code == 200 and "Zeynep Kaya" in listing.content.decode()
    inspect = client.get(f"/admin/snippets/events/registration/inspect/{registration.pk}/")
    assert inspect.status_code == 200 and "zeynep@example.org" in inspect.content.decode()
    for url in (f"/admin/snippets/events/registration/edit/{registration.pk}/",
                f"/admin/snippets/events/registration/delete/{registration.pk}/",
                "/admin/snippets/events/registration/add/"):
        assert client.get(url).status_code in (302, 403), url
    client.post(f"/admin/snippets/events/registration/edit/{registration.pk}/", {"seats": 50, "status": "confirmed"})
    registration.refresh_from_db()
    assert registration.seats == 2


def test_participant_lists_leave_out_unconfirmed_addresses(client, setup):
    """An address nobody confirmed may be made up, or someone else's: not a participant."""
    event = setup["event"]
    registrations.register(event, next_occurrences(event, local(2030, 1, 1))[0], "Erfunden", "erfunden@example.org", 1)
    client.force_login(setup["host"])
    assert "Erfunden" not in client.get(f"/de/events/{event.pk}/participants/").content.decode()
    assert "erfunden@example.org" not in client.get(f"/de/events/{event.pk}/participants.csv").content.decode()


def test_the_admin_menu_offers_the_proposal_review_only_to_who_may_use_it(client, setup):
    client.force_login(setup["host"])
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "/events/proposals/" not in dashboard.content.decode()
    client.force_login(setup["admin"])
    assert "/events/proposals/" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("start", ["9999-06-07T15:00", "2001-06-07T15:00"])
def test_implausible_event_dates_are_refused_with_a_reason_and_the_form_kept(client, setup, start):
    client.force_login(setup["host"])
    data = {"producer": setup["violin"].pk, "title": "Offene Werkstatt", "description": "Schauen Sie zu.",
            "format": "workshop", "starts_at": start, "ends_at": "9999-06-07T18:00"}
    page = client.post("/de/events/propose/", data).content.decode()
    assert "Veranstaltungen können ab jetzt bis zu zwei Jahre im Voraus vorgeschlagen werden." in page
    assert 'value="Offene Werkstatt"' in page and not EventProposal.objects.exists()
