"""Delete participants' personal data EVENTS_RETENTION_DAYS after their date. Safe to run from cron
as often as you like: it only touches what is due and not yet deleted."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Registration


def purge_due(now=None, days=None):
    now = now or timezone.now()
    days = settings.EVENTS_RETENTION_DAYS if days is None else days
    due = Registration.objects.filter(occurrence_end__lt=now - timedelta(days=days), personal_data_deleted_at__isnull=True)
    # Seats and dates stay for the statistics; who it was does not.
    return due.update(name="", email="", personal_data_deleted_at=now)


class Command(BaseCommand):
    help = "Delete personal data of event registrations a set number of days after the event."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override EVENTS_RETENTION_DAYS.")

    def handle(self, *args, days=None, **options):
        count = purge_due(days=days)
        self.stdout.write(f"Deleted the personal data of {count} registration(s).")
