"""In production, e-mails and reminders wait in PostgreSQL until the worker (`manage.py db_worker`) sends them."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import task

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@task()
def send_welcome(address):
    mail.send_mail("Willkommen", "Schön, dass Sie da sind.", None, [address])


def test_production_settings_queue_tasks_in_the_database():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**env, "DJANGO_SETTINGS_MODULE": "madebybochum.settings.production", "SECRET_KEY": secrets.token_urlsafe(60)},
    )
    assert result.stdout.strip() == DATABASE_TASKS["default"]["BACKEND"], result.stderr


# The worker closes its database connection when done, as in production: committed data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_queued_email_is_sent_by_the_worker(settings):
    settings.TASKS = DATABASE_TASKS
    result = send_welcome.enqueue("ayse@example.org")
    assert mail.outbox == []  # nothing sent during the request that queued it
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
    assert [message.to for message in mail.outbox] == [["ayse@example.org"]]
    result.refresh()
    assert result.status == "SUCCESSFUL"
