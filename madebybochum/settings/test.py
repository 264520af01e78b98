"""Test run: `make test`. Same apps as production, fast hashing, mails kept in memory."""

import os

# No test reaches a real tile server: a closed local port, so the CSP and the proxy see one consistent
# URL; tests that paint tiles start a stand-in (tests/directory/fake_tiles.py) or answer in the browser.
os.environ.setdefault("DIRECTORY_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png")

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
