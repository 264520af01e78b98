"""Settings shared by every environment. Everything secret or host-specific comes from env vars."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "madebybochum.pages",
    "directory",
    "label",
    "events",
    "shop",
    "routes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# CSP on every response (the Wagtail admin gets ADMIN_CSP instead). Oversized query strings are refused
# before the page cache or a view spends work on them. The page cache sits after the authentication
# middleware so it can tell members from anonymous visitors; Wagtail's Site comes from a per-process copy
# after it, so cached pages skip that; axes comes last.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "madebybochum.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "madebybochum.security.QueryLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "madebybochum.cache.AnonymousPageCacheMiddleware",
    "madebybochum.routing.CachedSiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "madebybochum.urls"
WSGI_APPLICATION = "madebybochum.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "madebybochum.redis_cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mbb",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German first (the fallback for every translated field), then English, Turkish, Arabic.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)
# One slug for all languages: a language switch only swaps the /xx/ prefix.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Made by Bochum"
WAGTAILADMIN_USER_LOGIN_FORM = "madebybochum.pages.forms.LoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No internet at run time: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_FINDERS = []
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

LOGIN_URL = "wagtailadmin_login"

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mailer_from_env(default_backend=SMTP_BACKEND):
    """The default mailer (Django 6.1's MAILERS) from EMAIL_* env vars; SMTP options only for SMTP."""
    backend = os.environ.get("EMAIL_BACKEND", default_backend)
    mailer = {"BACKEND": backend}
    if backend == SMTP_BACKEND:
        mailer["OPTIONS"] = {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "timeout": 10,
        }
    return {"default": mailer}


MAILERS = mailer_from_env()
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Made by Bochum <info@madebybochum.de>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Every page save logs its search-index and reference-index tasks at INFO: too chatty.
    "loggers": {
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Background work (emails, reminders). Immediate by default; production can switch to a worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


# Settings of the apps, each in its own section.

# --- directory ---
# Map tiles from any XYZ tile server (empty: maps show markers on a blank background). With the proxy on,
# the site fetches and caches tiles itself (directory/tiles.py) and visitors' browsers never contact the
# tile server, so no consent is asked; off, browsers load them directly after a two-click consent.
DIRECTORY_TILE_URL = os.environ.get("DIRECTORY_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
DIRECTORY_TILE_ATTRIBUTION = os.environ.get(
    "DIRECTORY_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
DIRECTORY_TILE_PROXY = env_bool("DIRECTORY_TILE_PROXY", True)
# The tile policy of openstreetmap.org asks for a User-Agent that names the site and a contact.
DIRECTORY_TILE_USER_AGENT = os.environ.get("DIRECTORY_TILE_USER_AGENT", "MadeByBochum/1.0 (map tiles for madebybochum.de)")
DIRECTORY_TILE_TIMEOUT = 5
DIRECTORY_TILE_CACHE_SECONDS = 7 * 86400
# Tiles not yet cached that one visitor may have fetched in 10 minutes (a phone map shows about 20 at a time).
DIRECTORY_TILE_RATE_LIMIT = 600
# The proxy serves only tiles of this area (west, south, east, north): Bochum and its neighbours.
DIRECTORY_TILE_BOUNDS = (6.9, 51.3, 7.6, 51.65)
# Days an emailed claim link (an admin invites someone to take over a profile) stays valid.
DIRECTORY_CLAIM_DAYS = int(os.environ.get("DIRECTORY_CLAIM_DAYS", "14"))
# Optional address search in the admin's coordinates picker: a Nominatim-compatible search URL
# (e.g. https://nominatim.openstreetmap.org/search), queried by the server. Empty: no search button.
DIRECTORY_GEOCODER_URL = os.environ.get("DIRECTORY_GEOCODER_URL", "")
DIRECTORY_GEOCODER_TIMEOUT = 5
# Largest photo upload accepted from members (bytes); Wagtail checks it on every image upload.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000


# --- label ---
# Municipalities whose businesses may hold the label (seat or shop); compared case-insensitively.
LABEL_ELIGIBLE_MUNICIPALITIES = env_list("LABEL_ELIGIBLE_MUNICIPALITIES", "Bochum")
LABEL_VALIDITY_MONTHS = int(os.environ.get("LABEL_VALIDITY_MONTHS", "12"))
LABEL_PROVISIONAL_VALIDITY_MONTHS = int(os.environ.get("LABEL_PROVISIONAL_VALIDITY_MONTHS", "6"))
# Days before expiry on which the renewal reminder goes out, one mail per certificate and step.
LABEL_REMINDER_DAYS = [int(day) for day in env_list("LABEL_REMINDER_DAYS", "60,30,7")]
# Evidence files are private: stored outside MEDIA_ROOT and only served through a permission check.
LABEL_EVIDENCE_ROOT = Path(os.environ.get("LABEL_EVIDENCE_ROOT", BASE_DIR / "private" / "label-evidence"))
LABEL_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


# --- events ---
# Participants' names and emails are deleted this many days after their event (purge_event_registrations).
EVENTS_RETENTION_DAYS = int(os.environ.get("EVENTS_RETENTION_DAYS", "14"))
# A registration holds its seats this long until the address is confirmed by the link in its e-mail;
# then the hold lapses and the seats are free again (release_event_holds deletes lapsed holds).
EVENTS_CONFIRM_MINUTES = int(os.environ.get("EVENTS_CONFIRM_MINUTES", "30"))


# --- shop ---
# Off unless SHOP_ENABLED is set; then the three Stripe keys are required (see shop/checks.py).
SHOP_ENABLED = env_bool("SHOP_ENABLED")
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
# Only for pointing at a local Stripe stand-in; production talks to Stripe itself.
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "https://api.stripe.com")
# Only label holders may sell; tests that are not about the label switch this off.
SHOP_REQUIRE_LABEL = True
# Stripe Checkout sessions last at least 30 minutes; stock stays reserved that long.
SHOP_RESERVATION_MINUTES = int(os.environ.get("SHOP_RESERVATION_MINUTES", "30"))
# Slugs of the standard pages linked before the order (terms, right of withdrawal).
SHOP_TERMS_SLUG = "agb"
SHOP_WITHDRAWAL_SLUG = "widerrufsbelehrung"
# The stripe library logs every request at INFO.
LOGGING["loggers"]["stripe"] = {"level": "WARNING"}


# --- security and production readiness ---
# Every piece of state lives in PostgreSQL, the shared cache (Redis) or object storage, so any number
# of app servers can run side by side (docs/deploy.md).
from django.utils.csp import CSP  # noqa: E402

INSTALLED_APPS += ["madebybochum.ops", "axes", "django_tasks_db"]
# Wagtail's PostgreSQL search index uses SearchVectorField: without this app, migrate (and every
# command with system checks) stops on PostgreSQL.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
_tile_server = urlsplit(DIRECTORY_TILE_URL)
_tile_origin = [f"{_tile_server.scheme}://{_tile_server.netloc}"] if _tile_server.netloc else []
# Public pages: nothing inline, nothing from another origin but map tiles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # The tile server's origin, for maps without the tile proxy.
    "img-src": [CSP.SELF, "data:"] + _tile_origin + env_list("CSP_IMG_SRC"),
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    # Placing an order posts to us and is redirected on to Stripe's hosted checkout page.
    "form-action": [CSP.SELF] + (["https://checkout.stripe.com"] if SHOP_ENABLED else []) + env_list("CSP_FORM_ACTION"),
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin (under /admin/) writes inline scripts and styles of its own.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": SECURE_CSP["img-src"] + ["blob:"],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_PATH_PREFIX = "/admin/"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Client addresses: REMOTE_ADDR, or X-Forwarded-For as written by this many trusted proxies (nginx = 1).
# None by default: without a proxy in front, a client could write any address into the header and
# reset its own login lockout and rate limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Login throttling (django-axes), for Wagtail's login view and every other authenticate() call:
# a username tried from one address is locked for AXES_COOLOFF_MINUTES after AXES_FAILURE_LIMIT misses.
AUTHENTICATION_BACKENDS = [
    "madebybochum.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "madebybochum.security.client_ip"
AXES_LOCKOUT_CALLABLE = "madebybochum.security.lockout_response"
AXES_VERBOSE = False
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# Query strings beyond these are refused with a 400 page (security.QueryLimitMiddleware): every value of a
# filter costs work, and no link of the site comes near them.
QUERY_LIMITS = {"length": 2000, "parameters": 30, "values": 20}

# Public forms sent faster than this after they were shown are taken for bots (security.Honeypot).
HONEYPOT_MIN_SECONDS = float(os.environ.get("HONEYPOT_MIN_SECONDS", "2"))

# Anonymous page cache (madebybochum/cache.py): seconds a page may live in the shared cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Paths that are never cached: the admin, private downloads, health checks.
PAGE_CACHE_EXCLUDE = ["/admin/", "/documents/", "/healthz", "/django-admin/"]
# Apps whose rows show on public pages: saving or deleting one makes every cached page stale.
PAGE_CACHE_CONTENT_APPS = [
    "pages", "directory", "label", "events", "shop", "routes",
    "wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit",
]
