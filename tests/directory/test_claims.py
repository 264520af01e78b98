"""An admin invites someone to claim a profile; the emailed one-time link makes them its member."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from directory.models import ClaimInvitation
from madebybochum.pages.demo import ensure_user

PASSWORD = "Tassen-und-Teller-2026"


@pytest.fixture(autouse=True)
def _no_honeypot_wait(settings):
    settings.HONEYPOT_MIN_SECONDS = 0


@pytest.fixture
def werkstatt(make_producer):
    return make_producer("Keramik Kuhle")


def invite(client, admin_user, producer, capture, email="kim@keramik.example", language="de"):
    client.force_login(admin_user)
    with capture(execute=True):
        response = client.post(f"/admin/directory/producers/{producer.pk}/invite/", {"email": email, "language": language})
    assert response.status_code == 302
    client.logout()
    return re.search(r"http://testserver(/\w\w/claim/[\w-]+/)", mail.outbox[-1].body).group(1)


def form_fields(html):
    """The hidden honeypot fields as the browser would send them back."""
    return {
        "website": "",
        "shown_at": re.search(r'name="shown_at" value="([^"]*)"', html).group(1),
    }


def test_invited_person_sets_up_an_account_and_edits_only_that_profile(
    client, admin_user, werkstatt, make_producer, django_capture_on_commit_callbacks
):
    other = make_producer("Fahrradwerkstatt")
    client.force_login(admin_user)
    editor = client.get(f"/admin/pages/{werkstatt.pk}/edit/").content.decode()
    assert f"/admin/directory/producers/{werkstatt.pk}/invite/" in editor
    client.logout()

    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert message.to == ["kim@keramik.example"] and "Keramik Kuhle" in message.body
    assert timezone.localtime(timezone.now() + timedelta(days=14)).strftime("%d.%m.%Y") in message.body
    invitation = ClaimInvitation.objects.get()
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert invitation.invited_by == admin_user and token not in invitation.token_hash
    assert invitation.expires_at > timezone.now() + timedelta(days=13)

    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200 and "Keramik Kuhle" in html
    assert 'value="kim"' in html  # the login name suggested from the email
    response = client.post(path, {"username": "kim", "password1": PASSWORD, "password2": PASSWORD, **form_fields(html)})
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{werkstatt.pk}/edit/"

    user = get_user_model().objects.get(username="kim")
    assert user.email == "kim@keramik.example" and user.check_password(PASSWORD)
    assert list(werkstatt.members.all()) == [user]
    # Logged in by the link: the profile opens in the editor, another producer's does not.
    assert client.get(f"/admin/pages/{werkstatt.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.used_at is not None


def test_the_link_works_once(client, admin_user, werkstatt, django_capture_on_commit_callbacks):
    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks)
    html = client.get(path).content.decode()
    client.post(path, {"username": "kim", "password1": PASSWORD, "password2": PASSWORD, **form_fields(html)})
    client.logout()

    again = client.get(path)
    assert again.status_code == 410 and "Dieser Link wurde bereits verwendet" in again.content.decode()
    posted = client.post(path, {"username": "kim2", "password1": PASSWORD, "password2": PASSWORD, **form_fields(html)})
    assert posted.status_code == 410
    assert not get_user_model().objects.filter(username="kim2").exists()


def test_expired_and_unknown_links_get_a_clear_page_in_the_visitors_language(
    client, admin_user, werkstatt, django_capture_on_commit_callbacks
):
    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks)
    ClaimInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = client.get(path.replace("/de/", "/en/"))
    assert expired.status_code == 410 and "This link has expired" in expired.content.decode()
    assert client.post(path, {"username": "kim"}).status_code == 410
    assert not get_user_model().objects.filter(username="kim").exists()

    unknown = client.get("/de/claim/gibt-es-nicht/")
    assert unknown.status_code == 404 and "Dieser Link ist nicht gültig" in unknown.content.decode()
    wrong = client.get(path[:-5] + "xxxx/")
    assert wrong.status_code == 404


def test_logged_in_member_claims_with_one_click(client, admin_user, werkstatt, django_capture_on_commit_callbacks):
    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks, language="tr")
    assert path.startswith("/tr/claim/")
    assert "Keramik Kuhle profilini yönetmeye davet edildiniz" in mail.outbox[0].body
    member, _created = ensure_user("anna", "anna", "anna@example.org")
    client.force_login(member)
    page = client.get(path).content.decode()
    assert "anna" in page and 'name="password1"' not in page
    assert client.post(path).status_code == 302
    assert list(werkstatt.members.all()) == [member]
    assert client.get(f"/admin/pages/{werkstatt.pk}/edit/").status_code == 200


def test_form_errors_keep_what_was_typed(client, admin_user, werkstatt, django_capture_on_commit_callbacks):
    ensure_user("taken", "taken", "taken@example.org")
    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks)
    html = client.get(path).content.decode()
    response = client.post(path, {"username": "kim-kuhle", "password1": PASSWORD, "password2": "anders", **form_fields(html)})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="kim-kuhle"' in page and "Die beiden Passwörter stimmen nicht überein." in page
    short = client.post(path, {"username": "kim-kuhle", "password1": "kurz", "password2": "kurz", **form_fields(html)})
    assert short.status_code == 200 and "zu kurz" in short.content.decode()
    taken = client.post(path, {"username": "Taken", "password1": PASSWORD, "password2": PASSWORD, **form_fields(html)})
    assert taken.status_code == 200 and "Dieser Benutzername ist schon vergeben" in taken.content.decode()
    bot = client.post(path, {"username": "bot", "password1": PASSWORD, "password2": PASSWORD, **form_fields(html), "website": "x"})
    assert bot.status_code == 200
    assert not get_user_model().objects.filter(username__in=["kim-kuhle", "bot"]).exists()
    assert ClaimInvitation.objects.get().used_at is None


def test_members_and_reviewers_cannot_invite(client, werkstatt):
    member, _created = ensure_user("anna", "anna", "anna@example.org")
    werkstatt.members.add(member)
    client.force_login(member)
    url = f"/admin/directory/producers/{werkstatt.pk}/invite/"
    assert client.get(url).status_code == 302
    assert client.post(url, {"email": "evil@example.org", "language": "de"}).status_code == 302
    assert not ClaimInvitation.objects.exists() and not mail.outbox
    assert url not in client.get(f"/admin/pages/{werkstatt.pk}/edit/").content.decode()


def test_invitation_form_keeps_a_mistyped_address(client, admin_user, werkstatt):
    client.force_login(admin_user)
    response = client.post(f"/admin/directory/producers/{werkstatt.pk}/invite/", {"email": "kim@", "language": "de"})
    assert response.status_code == 200 and 'value="kim@"' in response.content.decode()
    assert not ClaimInvitation.objects.exists()


def test_claim_posts_are_rate_limited(client, admin_user, werkstatt, django_capture_on_commit_callbacks):
    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks)
    statuses = [client.post(path, {"username": "kim", "password1": "a", "password2": "b"}).status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_an_admin_revokes_a_link_that_went_to_the_wrong_address(
    client, admin_user, werkstatt, make_producer, django_capture_on_commit_callbacks
):
    path = invite(client, admin_user, werkstatt, django_capture_on_commit_callbacks, email="falsch@example.org")
    invitation = ClaimInvitation.objects.get()
    revoke = f"/admin/directory/producers/{werkstatt.pk}/invitations/{invitation.pk}/revoke/"

    member, _created = ensure_user("anna", "anna", "anna@example.org")
    werkstatt.members.add(member)
    client.force_login(member)
    client.post(revoke)
    assert client.get(path).status_code == 200  # a member cannot revoke it

    client.force_login(admin_user)
    page = client.get(f"/admin/directory/producers/{werkstatt.pk}/invite/").content.decode()
    assert "falsch@example.org" in page and revoke in page
    assert client.get(revoke).status_code == 405
    # Only through the profile it belongs to.
    other = make_producer("Fahrradwerkstatt")
    client.post(f"/admin/directory/producers/{other.pk}/invitations/{invitation.pk}/revoke/")
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now()
    assert client.post(revoke).status_code == 302
    page = client.get(f"/admin/directory/producers/{werkstatt.pk}/invite/").content.decode()
    assert "Die Einladung an falsch@example.org gilt nicht mehr." in page and revoke not in page
    client.logout()
    assert client.get(path).status_code == 410
