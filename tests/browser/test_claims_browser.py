"""The claim link in Chromium at phone width: no axe violation in any language, and the account set up
through it lands in the profile editor."""

import pytest

from directory import claims
from directory.demo import seed_index
from directory.models import ProducerPage
from madebybochum.pages.demo import translated
from tests.browser.conftest import axe_violations
from tests.public_pages import LANGUAGES


@pytest.fixture
def token(home, admin_user, settings):
    settings.HONEYPOT_MIN_SECONDS = 0
    index = seed_index(home)
    producer = ProducerPage(slug="keramik", **translated("title", {"de": "Keramik Kuhle"}))
    index.add_child(instance=producer)
    producer.save_revision().publish()
    return claims.invite(producer, "kim@keramik.example", admin_user, "http://testserver")[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_claim_pages_have_no_axe_violations(live_server, token, new_page, lang):
    page = new_page(width=360, height=800, lang=lang)
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    for path in (f"/{lang}/claim/{token}/", f"/{lang}/claim/unbekannt/"):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [] and blocked == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_setting_up_the_account_opens_the_profile_editor(live_server, token, new_page):
    page = new_page(width=360, height=800, lang="de-DE")
    page.goto(f"{live_server.url}/de/claim/{token}/")
    assert page.get_by_label("Benutzername").input_value() == "kim"
    page.locator("#id_password1").fill("Tassen-und-Teller-2026")
    page.get_by_label("Passwort wiederholen").fill("Tassen-und-Teller-2026")
    page.get_by_role("button", name="Zugang einrichten").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    assert "Willkommen! Sie können jetzt das Profil von Keramik Kuhle bearbeiten." in page.content()
