"""Every interface string exists in German, English, Turkish and Arabic, and none leaks untranslated."""

import gettext
import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
CODES = [code for code, _name in settings.LANGUAGES]


def catalogue(code):
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", CODES)
def test_catalogue_is_complete(code):
    po = catalogue(code)
    untranslated = [entry.msgid for entry in po if not entry.translated()]
    assert untranslated == [], f"{code}: {len(untranslated)} strings lack a translation"
    assert len(po) > 30


@pytest.mark.parametrize("code", CODES)
def test_compiled_catalogue_matches_po(code):
    """The .mo the site reads must hold what the .po says (run `make messages` after editing)."""
    with open(LOCALE / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in catalogue(code):
        if entry.msgid_plural:
            for form, text in entry.msgstr_plural.items():
                assert compiled._catalog[(entry.msgid, form)] == text, entry.msgid
        else:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            assert compiled._catalog.get(key) == entry.msgstr, entry.msgid


def visible_text(html):
    """Text a visitor reads or a screen reader announces: element text plus alt/aria-label/title/placeholder."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # The language switcher names each language in that language ("English"), on purpose.
    html = re.sub(r'<nav class="lang-switch".*?</nav>', " ", html, flags=re.S)
    attributes = re.findall(r'\b(?:alt|aria-label|title|placeholder)="([^"]*)"', html)
    attributes += re.findall(r'<meta name="description" content="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", "\n", html)
    return unescape(text + "\n" + "\n".join(attributes))


@pytest.mark.parametrize("code", ["tr", "ar"])
@pytest.mark.parametrize("path", ["", "verein/", "gibt-es-nicht/"])
def test_no_english_interface_string_on_page(client, home, code, path):
    translations = {entry.msgid: entry.msgstr for entry in catalogue(code) if not entry.msgid_plural}
    text = visible_text(client.get(f"/{code}/{path}").content.decode())
    leaked = [
        msgid
        for msgid, msgstr in translations.items()
        # Words that are the same in both languages ("Label", "Shop") cannot leak.
        if msgid != msgstr and len(msgid) > 3 and re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)
    ]
    assert leaked == []
