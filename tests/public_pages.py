"""Every public page type, one example URL each ({lang} is the language code). Used by the axe test
in all four languages (tests/browser/test_prod_audit.py) and by `make audit` (vnu, Lighthouse).

Apps add their page types here when they land (one line each, e.g.
"directory": "/{lang}/produzenten/", "profile": "/{lang}/produzenten/demo-kaffee/"), with the demo
seed (`seed_demo`) providing the content behind the URL.
"""

LANGUAGES = ("de", "en", "tr", "ar")

PUBLIC_PAGES = {
    "home": "/{lang}/",
    "standard page": "/{lang}/verein/",
    "not found": "/{lang}/gibt-es-nicht/",
    # --- directory ---
    # --- label ---
    # --- events ---
    # --- shop ---
}
