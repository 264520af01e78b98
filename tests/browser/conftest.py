"""Headless Chromium through Playwright. Skipped, loudly, where Chromium is missing; required in CI."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()

# Playwright's sync API runs an event loop in this thread; the test's database work is still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data, so these tests commit and the database is flushed.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(autouse=True)
def _restore_migration_data(restored_tree):
    """Browser tests commit (the live server needs the data), so an earlier one's flush is undone first."""


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests must run in CI")
        pytest.skip(f"BROWSER TESTS SKIPPED: Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """A fresh browser tab; call with width/lang to match a visitor's device and language."""
    contexts = []

    def make(width=1280, height=900, lang="de-DE"):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale=lang,
            extra_http_headers={"Accept-Language": lang},
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def axe_violations(page):
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns the violations, described."""
    # Through DevTools, not a <script> tag: the strict Content-Security-Policy blocks inline scripts.
    page.evaluate(AXE)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]



CONTRAST_JS = """el => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = el;
  while (bg && rgb(getComputedStyle(bg).backgroundColor)[3] === 0) bg = bg.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(getComputedStyle(bg || document.body).backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def contrast(locator):
    """The WCAG contrast ratio between an element's text colour and the first opaque background behind it,
    as the browser computes the styles (axe leaves such cases "incomplete" where an overlay covers them)."""
    return locator.evaluate(CONTRAST_JS)
