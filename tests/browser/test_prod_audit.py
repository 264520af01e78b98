"""Every public page type in all four languages: no axe-core violation, nothing blocked by the CSP.
(One test for all, so the demo site is seeded once.)"""

from tests.browser.conftest import axe_violations
from tests.public_pages import LANGUAGES, PUBLIC_PAGES


def test_every_public_page_type_is_accessible_and_csp_clean_in_every_language(live_server, demo_site, new_page):
    problems = {}
    for lang in LANGUAGES:
        page = new_page(width=390, height=844, lang=lang)
        blocked = []
        page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
        for kind, url in PUBLIC_PAGES.items():
            page.goto(live_server.url + url.format(lang=lang))
            found = axe_violations(page) + blocked
            if page.locator("html").get_attribute("lang") != lang:
                found.append("wrong lang attribute")
            if found:
                problems[f"{kind} ({lang})"] = list(found)
            blocked.clear()
    assert problems == {}


def test_the_wagtail_admin_works_under_its_content_security_policy(live_server, home, new_page):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("csp-admin", "csp@example.org", "pw-123456789")
    page = new_page(lang="en")
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "pw-123456789")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.wait_for_selector("[data-edit-form], #page-edit-form")
    assert blocked == []
