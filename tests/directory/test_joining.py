import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from directory.models import JoinRequest, ProducerPage

FORM = {
    "business_name": "Keramik Kuhle",
    "contact_name": "Kim Kuhle",
    "email": "kim@keramik.example",
    "phone": "",
    "what_you_make": "Tassen und Teller",
}


@pytest.fixture(autouse=True)
def _no_honeypot_wait(settings):
    settings.HONEYPOT_MIN_SECONDS = 0


def join(client, language="de", **changes):
    """Send the join form as a browser would: with the hidden honeypot fields the page rendered."""
    html = client.get(f"/{language}/mitmachen/").content.decode()
    shown_at = re.search(r'name="shown_at" value="([^"]*)"', html)
    return client.post(f"/{language}/mitmachen/",
                       {**FORM, "website": "", "shown_at": shown_at.group(1) if shown_at else "", **changes})


def test_public_join_form_keeps_input_on_errors(client, index):
    response = join(client, email="not-an-email")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Keramik Kuhle"' in html and "Tassen und Teller" in html
    assert not JoinRequest.objects.exists()


def test_admin_accepts_a_join_request(client, index, admin_user, django_capture_on_commit_callbacks):
    assert join(client, "tr").status_code == 302
    join_request = JoinRequest.objects.get()
    assert join_request.language == "tr"

    client.force_login(admin_user)
    assert "Keramik Kuhle" in client.get("/admin/directory/join-requests/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/directory/join-requests/{join_request.pk}/accept/")
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.ACCEPTED and join_request.decided_by == admin_user
    user = get_user_model().objects.get(email="kim@keramik.example")
    assert not user.has_usable_password()
    producer = ProducerPage.objects.get(title_de="Keramik Kuhle")
    assert not producer.live and list(producer.members.all()) == [user]
    assert user.groups.filter(name="Members").exists()
    assert len(mail.outbox) == 1 and "/admin/password_reset/" in mail.outbox[0].body
    # A second click changes nothing.
    client.post(f"/admin/directory/join-requests/{join_request.pk}/accept/")
    assert get_user_model().objects.filter(email="kim@keramik.example").count() == 1


def test_admin_declines_and_members_cannot_decide(client, index, admin_user):
    join(client)
    join_request = JoinRequest.objects.get()
    from madebybochum.pages.demo import ensure_user

    member, _ = ensure_user("anna", "anna", "anna@example.org")
    client.force_login(member)
    assert client.post(f"/admin/directory/join-requests/{join_request.pk}/accept/").status_code in {302, 403}
    assert client.get("/admin/directory/join-requests/").status_code in {302, 403}
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.PENDING

    client.force_login(admin_user)
    client.post(f"/admin/directory/join-requests/{join_request.pk}/decline/")
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.DECLINED
    assert not get_user_model().objects.filter(email="kim@keramik.example").exists()


def test_join_form_turns_bots_away_and_keeps_what_a_person_typed(client, index, settings):
    # A bot fills the invisible field: nothing is stored, the page says why in the visitor's language.
    response = join(client, "tr", website="http://spam.example")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Form gönderilemedi. Lütfen biraz bekleyip yeniden gönderin." in html
    assert 'value="Keramik Kuhle"' in html and "Tassen und Teller" in html
    # Sent faster than a person can type, or without the form's time stamp: the same.
    settings.HONEYPOT_MIN_SECONDS = 60
    html = join(client, "en").content.decode()
    assert "This form could not be sent. Please wait a moment and send it again." in html
    assert 'value="kim@keramik.example"' in html
    assert "could not be sent" in client.post("/en/mitmachen/", FORM).content.decode()
    assert not JoinRequest.objects.exists()


def test_join_form_is_rate_limited(client, index):
    for number in range(5):
        join(client, business_name=f"Keramik {number}")
    response = join(client, "en", business_name="Keramik 6")
    assert response.status_code == 429
    assert "You sent this form too often in a short time." in response.content.decode()
    assert JoinRequest.objects.count() == 5
