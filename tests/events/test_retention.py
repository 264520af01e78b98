"""Participants' personal data goes a set number of days after their date, and only then."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from events.models import Registration


def registration(event, ended_days_ago, email):
    end = timezone.now() - timedelta(days=ended_days_ago)
    return Registration.objects.create(event=event, occurrence_start=end - timedelta(hours=2), occurrence_end=end,
                                       name="Gast", email=email, seats=1, status=Registration.CONFIRMED)


def test_purge_deletes_only_what_is_due_and_is_idempotent(make_event, settings):
    settings.EVENTS_RETENTION_DAYS = 14
    event = make_event()
    due = registration(event, 15, "due@example.org")
    recent = registration(event, 13, "recent@example.org")
    upcoming = registration(event, -3, "upcoming@example.org")

    call_command("purge_event_registrations", stdout=open("/dev/null", "w"))
    due.refresh_from_db()
    assert due.name == "" and due.email == "" and due.personal_data_deleted_at
    assert due.seats == 1  # counts stay for the statistics
    for kept in (recent, upcoming):
        kept.refresh_from_db()
        assert kept.email.endswith("@example.org") and kept.personal_data_deleted_at is None

    first_run = due.personal_data_deleted_at
    call_command("purge_event_registrations", stdout=open("/dev/null", "w"))
    due.refresh_from_db()
    assert due.personal_data_deleted_at == first_run


def test_the_demo_privacy_page_states_the_configured_retention_period(client, home, settings):
    """What the privacy page promises is what the purge command does by default."""
    response = client.get("/de/datenschutz/")
    assert f"automatisch {settings.EVENTS_RETENTION_DAYS} Tage nach der Veranstaltung" in response.content.decode()
    response = client.get("/ar/datenschutz/")
    assert f"بعد {settings.EVENTS_RETENTION_DAYS} يوماً من الفعالية" in response.content.decode()
