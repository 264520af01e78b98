"""The label in a real browser: a member applies on a phone, a reviewer approves in the admin; axe-core."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from label import services
from label.models import Application, Certificate
from madebybochum.pages.demo import ensure_user
from tests.browser.conftest import axe_violations, contrast
from tests.label.conftest import FACTS, english_admin, make_producer


@pytest.fixture(autouse=True)
def _private_evidence(settings, tmp_path):
    settings.LABEL_EVIDENCE_ROOT = tmp_path / "evidence"


@pytest.fixture
def producer(home):
    return make_producer(home, "geigenbau-test", "Geigenbau Test")


@pytest.fixture
def member(producer):
    user, _ = ensure_user("anna", "anna-pass-123", "anna@example.org")
    producer.members.add(user)
    return user


@pytest.fixture
def reviewer(db):
    user, _ = ensure_user("rita", "rita-pass-123", "rita@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Label reviewers"))
    english_admin(user)
    return user


def logged_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_member_applies_and_reviewer_approves(live_server, new_page, producer, member, reviewer):
    page = logged_in(new_page(width=375, height=800, lang="en"), live_server, member)
    page.goto(f"{live_server.url}/en/label/apply/")
    page.locator(".label-start button").click()
    page.wait_for_url("**/label/applications/*/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.fill("#id_seat_address", "Brückstraße 1, 44787 Bochum")
    page.fill("#id_seat_municipality", "Bochum")
    page.fill("#id_full_time_employees", "1")
    page.check("#id_design_in_bochum")
    # One stage is not enough: the live check says so while the member types.
    stages = page.locator(".label-check__item").first
    expect(stages).to_contain_text("Only 1 of 3")
    assert "label-check__item--not_met" in stages.get_attribute("class")
    page.check("#id_manufacture_in_bochum")
    expect(stages).to_contain_text("2 of 3")
    expect(stages).to_have_class(re.compile(r"label-check__item--met"))
    page.fill("#id_quality_statement", "Tonholz, zehn Jahre gelagert.")
    application = Application.objects.get(producer=producer)
    for _attempt in range(50):
        page.wait_for_timeout(100)
        application.refresh_from_db()
        if application.quality_statement:
            break
    assert application.quality_statement == "Tonholz, zehn Jahre gelagert.", "the draft is saved as the member types"

    page.check("#id_consent")
    page.locator("button[name=submit]").click()
    page.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED

    admin = logged_in(new_page(lang="en"), live_server, reviewer)
    admin.goto(f"{live_server.url}/admin/")
    admin.get_by_role("link", name="Open the review queue").click()
    admin.get_by_role("link", name="Geigenbau Test").click()
    admin.locator("button[value=approve]").click()
    admin.wait_for_load_state()
    certificate = Certificate.objects.get(application=application)
    assert certificate.status == "valid"

    page.goto(f"{live_server.url}/v/{certificate.number}")
    assert page.locator("h1").inner_text() == "Geigenbau Test"
    assert certificate.number in page.locator(".label-facts").inner_text()


@pytest.mark.parametrize("code,direction", [("de", "ltr"), ("ar", "rtl")])
def test_form_and_verification_page_are_accessible(live_server, new_page, producer, member, reviewer, code, direction):
    application = Application.objects.create(producer=producer, applicant=member, **FACTS)
    page = logged_in(new_page(width=360, height=740, lang=code), live_server, member)
    page.goto(f"{live_server.url}/{code}/label/applications/{application.pk}/")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []

    services.submit(application, member)
    certificate = services.approve(application, reviewer)
    page.goto(f"{live_server.url}/v/{certificate.number}")
    assert page.locator("html").get_attribute("lang") == code
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/{code}/label/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("startup", [False, True], ids=["valid", "provisional"])
def test_the_label_badge_on_a_directory_card_is_readable(live_server, producer, member, reviewer, new_page, startup):
    application = Application.objects.create(producer=producer, applicant=member, language="de", **{**FACTS, "is_startup": startup, "full_time_employees": 0 if startup else 2})
    services.submit(application, member)
    services.approve(application, reviewer, "")
    page = new_page(width=390, height=844, lang="de-DE")
    page.goto(f"{live_server.url}/de/produzenten/")
    badge = page.locator(".producer-card .label-badge__text")
    expect(badge).to_have_text(re.compile("Made by Bochum"))
    assert contrast(badge) >= 4.5


def test_a_member_finds_the_label_application_from_any_page_on_a_phone(live_server, new_page, producer, member):
    page = new_page(width=390, height=844, lang="de-DE")
    page.goto(f"{live_server.url}/de/")
    footer = page.get_by_role("navigation", name="Für Mitglieder")
    footer.get_by_role("link", name="Label beantragen").click()

    page.get_by_label("Benutzername").fill("anna")
    page.get_by_label("Passwort").fill("anna-pass-123")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/de/label/apply/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".label-businesses")).to_contain_text("Geigenbau Test")
    expect(page.get_by_role("button", name="Antrag beginnen oder fortsetzen")).to_be_visible()


def test_a_long_unbroken_text_stays_inside_the_reviewers_view(live_server, new_page, producer, member, reviewer):
    application = Application.objects.create(producer=producer, applicant=member, **{**FACTS, "quality_statement": "Qualität" * 60})
    services.submit(application, member)
    admin = logged_in(new_page(width=1024, lang="de"), live_server, reviewer)
    admin.goto(f"{live_server.url}/admin/")
    admin.get_by_role("link", name="Open the review queue").click()
    admin.get_by_role("link", name="Geigenbau Test").click()
    text = admin.locator("dd", has_text="QualitätQualität")
    expect(text).to_be_visible()
    box = text.bounding_box()
    assert box["x"] + box["width"] <= 1024, "the text ends inside the window"
    assert text.evaluate("el => el.scrollWidth <= el.clientWidth"), "nothing is cut off"
