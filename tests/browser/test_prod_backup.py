"""make backup / make restore on PostgreSQL: back up the demo site, wipe it, restore it, find everything again."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page

ROOT = Path(__file__).resolve().parents[2]


def row_counts():
    """Rows of every model of every app: certificates, registrations, orders included as the apps land."""
    return {model._meta.label: model._base_manager.count() for model in apps.get_models() if model._meta.managed}


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def run(script, *args, media_root):
    env = {**os.environ, "DATABASE_URL": database_url(), "MEDIA_ROOT": str(media_root), "CONFIRM": "yes"}
    result = subprocess.run(["bash", f"tools/{script}", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are pg_dump/pg_restore: PostgreSQL only")
# Committed data (pg_dump runs in another process); what migrations made is put back afterwards.
@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_finds_everything_again(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # Transactional tests before this one may have flushed what migrations created.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    default_storage.save("uploads/portrait.txt", ContentFile(b"a producer's portrait"))
    before = row_counts()
    pages = sorted(Page.objects.values_list("url_path", flat=True))
    assert before["pages.StandardPage"] > 0

    run("backup.sh", str(tmp_path / "backup"), media_root=settings.MEDIA_ROOT)
    assert (tmp_path / "backup" / "db.dump").stat().st_size > 0

    # Disaster: the database and the media files are gone.
    connection.close()
    with psycopg.connect(database_url(), autocommit=True) as wipe:
        wipe.execute("DROP SCHEMA public CASCADE")
        wipe.execute("CREATE SCHEMA public")
    subprocess.run(["rm", "-rf", settings.MEDIA_ROOT], check=True)
    with pytest.raises(Exception):
        Page.objects.count()
    connection.close()

    run("restore.sh", str(tmp_path / "backup"), media_root=settings.MEDIA_ROOT)
    cache.clear()

    assert row_counts() == before
    assert sorted(Page.objects.values_list("url_path", flat=True)) == pages
    assert (Path(settings.MEDIA_ROOT) / "uploads" / "portrait.txt").read_bytes() == b"a producer's portrait"
    assert client.get("/de/verein/").status_code == 200
