"""Security a visitor or an attacker would notice: CSP, deploy checks, login throttling, rate limits, bots."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from madebybochum.security import BOT_MESSAGE, Honeypot, rate_limit
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env=None):
    # As on a server: not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, not the test database.
    clean = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "madebybochum.settings.production", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_public_pages_have_a_strict_content_security_policy(client, home):
    policy = client.get("/de/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def test_the_wagtail_admin_gets_its_own_looser_policy(client, home):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "object-src 'none'" in policy


def test_public_pages_send_referrer_and_sniffing_policies(client, home):
    response = client.get("/de/")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    key = secrets.token_urlsafe(60)
    env = {"SECRET_KEY": key, "STATIC_ROOT": str(tmp_path / "static")}
    collected = run_manage("collectstatic", "--noinput", "-v0", env=env)
    assert collected.returncode == 0, collected.stderr
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


@pytest.mark.parametrize("key", ["", "short", "dev-only-insecure-key-do-not-use-in-production-at-all-ever-x"])
def test_production_refuses_to_start_without_a_real_secret_key(key):
    result = run_manage("check", env={"SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "right-password-123")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def login(client, username, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_wagtail_login_locks_after_five_wrong_passwords(client, home, editor):
    for _ in range(4):
        response = login(client, "editor", "wrong")
        assert response.status_code == 200  # the login form again, with an error
    response = login(client, "editor", "wrong")
    assert response.status_code == 429
    with translation.override("de"):
        assert gettext("Too many failed logins") in response.content.decode()
    # Locked: even the right password does not get in from this address.
    assert login(client, "editor", "right-password-123").status_code == 429
    # The same person from another address, and other accounts, are not locked out.
    assert login(client, "editor", "right-password-123", address="10.0.0.2").status_code == 302


def test_scripts_and_the_test_client_can_still_log_in_without_a_request(client, editor):
    assert client.login(username="editor", password="right-password-123")
    assert not client.login(username="editor", password="wrong")


def test_a_successful_login_resets_the_failure_count(client, home, editor):
    for _ in range(4):
        login(client, "editor", "wrong")
    assert login(client, "editor", "right-password-123").status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "editor", "wrong").status_code == 200


@rate_limit("test-form", limit=3, per=60)
def form_view(request):
    return HttpResponse("sent")


def post(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return form_view(RequestFactory().post("/de/form/", {"name": "x"}, **extra))


def test_rate_limit_answers_429_after_the_limit_and_only_for_that_client(db):
    assert [post("10.1.1.1").status_code for _ in range(3)] == [200, 200, 200]
    limited = post("10.1.1.1")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    with translation.override("de"):
        assert gettext("Too many attempts") in limited.content.decode()
    assert post("10.1.1.2").status_code == 200
    # Reading the form is never limited.
    assert form_view(RequestFactory().get("/de/form/", REMOTE_ADDR="10.1.1.1")).status_code == 200


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_rate_limit_behind_nginx_counts_the_forwarded_client_address(db):
    for _ in range(3):
        assert post("127.0.0.1", forwarded="198.51.100.7").status_code == 200
    assert post("127.0.0.1", forwarded="198.51.100.7").status_code == 429
    # A client cannot dodge the limit by sending its own X-Forwarded-For: nginx appends the real one.
    assert post("127.0.0.1", forwarded="1.2.3.4, 198.51.100.7").status_code == 429
    assert post("127.0.0.1", forwarded="198.51.100.8").status_code == 200


class ContactForm(Honeypot, forms.Form):
    name = forms.CharField()


def shown_seconds_ago(seconds):
    return signing.dumps(time.time() - seconds, salt="honeypot")


def test_honeypot_accepts_a_person_and_rejects_bots():
    person = ContactForm({"name": "Ayşe", "website": "", "shown_at": shown_seconds_ago(10)})
    assert person.is_valid(), person.errors
    bot = ContactForm({"name": "Ayşe", "website": "http://spam.example", "shown_at": shown_seconds_ago(10)})
    assert not bot.is_valid()
    assert str(BOT_MESSAGE) in str(bot.errors)
    # What was typed stays in the form for the next try.
    assert bot["name"].value() == "Ayşe"
    too_fast = ContactForm({"name": "Ayşe", "website": "", "shown_at": shown_seconds_ago(0)})
    assert not too_fast.is_valid()
    forged = ContactForm({"name": "Ayşe", "website": "", "shown_at": "12345"})
    assert not forged.is_valid()


def test_honeypot_field_is_invisible_and_needs_no_inline_style():
    html = str(ContactForm())
    assert 'name="website"' in html and "hidden" in html
    assert "style=" not in html
    assert 'type="hidden" name="shown_at"' in html


def test_s3_uploads_are_images_or_downloads_whatever_the_uploader_claims():
    from madebybochum.storage import MediaStorage

    storage = MediaStorage(bucket_name="media-test", access_key="x", secret_key="y", object_parameters={"CacheControl": "max-age=86400"})
    photo = storage.get_object_parameters("producers/portrait.JPG")
    assert (photo["ContentType"], photo["ContentDisposition"]) == ("image/jpeg", "inline")
    for name in ("evil.html", "logo.svg", "script.js", "no-extension"):
        params = storage.get_object_parameters(name)
        assert (params["ContentType"], params["ContentDisposition"]) == ("application/octet-stream", "attachment")
    assert photo["CacheControl"] == "max-age=86400"


def test_without_a_configured_proxy_a_forged_forwarded_address_changes_nothing(db):
    # TRUSTED_PROXY_COUNT is 0 unless set: a client cannot pick a new address per request.
    for number in range(3):
        assert post("10.9.9.9", forwarded=f"203.0.113.{number}").status_code == 200
    assert post("10.9.9.9", forwarded="203.0.113.99").status_code == 429


def test_production_trusts_no_proxy_unless_told(tmp_path):
    env = {"SECRET_KEY": secrets.token_urlsafe(60), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    script = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    assert run_manage("shell", "-c", script, env=env).stdout.split()[-1] == "0"
    assert run_manage("shell", "-c", script, env={**env, "TRUSTED_PROXY_COUNT": "1"}).stdout.split()[-1] == "1"


def test_guessing_a_page_password_is_rate_limited(client, home):
    from wagtail.models import PageViewRestriction

    from madebybochum.pages.models import StandardPage

    page = StandardPage(slug="intern", title="Intern", title_de="Intern")
    home.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="richtig")
    url = f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    answers = [client.post(url, {"password": f"falsch{n}", "return_url": "/de/intern/"}).status_code for n in range(10)]
    assert answers == [200] * 10  # the form again, with its error
    limited = client.post(url, {"password": "richtig", "return_url": "/de/intern/"})
    assert limited.status_code == 429
    assert "Zu viele Versuche" in limited.content.decode()


def test_only_a_post_logs_out_of_the_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert response.cookies.get("sessionid") is None or response.cookies["sessionid"].value
    assert client.get("/admin/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").status_code == 302
