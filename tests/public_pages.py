"""Every public page type, one example URL each ({lang} is the language code). Used by the axe test
in all four languages (tests/browser/test_prod_audit.py) and by `make audit` (vnu, Lighthouse).

Apps add their page types here when they land (one line each, e.g.
"directory": "/{lang}/produzenten/", "profile": "/{lang}/produzenten/demo-kaffee/"), with the demo
seed (`seed_demo`) providing the content behind the URL. A URL that depends on the data (a certificate
number, which the demo draws by year) is a FromDatabase: its .format(lang=...) looks it up in the
database the caller's Django uses, so it only works in-process (the axe test), not against a cluster.
"""


class FromDatabase:
    def __init__(self, find):
        self.find = find

    def format(self, lang):
        return self.find(lang)


def valid_certificate(lang):
    """The verification page of the demo's first currently valid, non-provisional certificate."""
    from label.models import Certificate

    number = next(c.number for c in Certificate.objects.current().order_by("number") if c.status == "valid")
    return f"/{lang}/label/certificates/{number}/"


def open_claim_link(lang):
    """A fresh claim link for the demo's ice-cream maker (the demo seeds none: the token is only ever mailed)."""
    from datetime import timedelta

    from django.utils import timezone

    from directory.claims import token_hash
    from directory.models import ClaimInvitation, ProducerPage

    token = f"audit-{lang}-{timezone.now().timestamp():.0f}"
    ClaimInvitation.objects.get_or_create(
        token_hash=token_hash(token),
        defaults={"producer": ProducerPage.objects.get(slug="eismanufaktur-gleisdreieck"), "email": "neu@example.org",
                  "expires_at": timezone.now() + timedelta(days=1)},
    )
    return f"/{lang}/claim/{token}/"


LANGUAGES = ("de", "en", "tr", "ar")

PUBLIC_PAGES = {
    "home": "/{lang}/",
    "standard page": "/{lang}/verein/",
    "not found": "/{lang}/gibt-es-nicht/",
    # --- directory ---
    "directory": "/{lang}/produzenten/",
    "directory filtered": "/{lang}/produzenten/?category=food&wheelchair=on",
    "directory search": "/{lang}/produzenten/?q=kaffee",
    "map": "/{lang}/karte/",
    "profile": "/{lang}/produzenten/eismanufaktur-gleisdreieck/",
    "join": "/{lang}/mitmachen/",
    "claim link": FromDatabase(open_claim_link),
    "claim link unknown": "/{lang}/claim/unbekannt/",
    # --- label ---
    "label overview": "/{lang}/label-kriterien/",
    "label register": "/{lang}/label/",
    "verification": FromDatabase(valid_certificate),
    "verification unknown": "/{lang}/label/certificates/MBB-1999-9999/",
    # --- events ---
    "calendar": "/{lang}/veranstaltungen/",
    "calendar month": "/{lang}/veranstaltungen/?view=month",
    "event": "/{lang}/veranstaltungen/werkstatt-mittwoch/",
    "open day programme": "/{lang}/veranstaltungen/tag-der-offenen-tuer-programm/",
    # --- routes ---
    "route overview": "/{lang}/routen/",
    "route": "/{lang}/routen/ehrenfeld-runde/",
    # --- shop --- every shop page is a 404 while the shop is off (the default), so none is listed.
}
