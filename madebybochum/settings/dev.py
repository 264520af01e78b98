"""Local development: `make run`. SQLite unless DATABASE_URL says otherwise; mails go to the console."""

import os

from .base import *  # noqa: F403
from .base import mailer_from_env

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
MAILERS = mailer_from_env("django.core.mail.backends.console.EmailBackend")
