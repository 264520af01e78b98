"""Daily cron job: renewal reminders before a certificate expires. Safe to run as often as you like."""

from django.core.management.base import BaseCommand

from label.services import send_reminders


class Command(BaseCommand):
    help = "Mail renewal reminders (e.g. 60, 30 and 7 days before expiry); one per certificate and step."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
