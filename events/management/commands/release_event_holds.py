"""Delete registrations whose address was not confirmed in time (EVENTS_CONFIRM_MINUTES) and move up
the waiting list into the seats they held. Lapsed holds already count for nothing; run this from cron
every few minutes so waiting visitors get their seat soon and unconfirmed addresses do not stay."""

from django.core.management.base import BaseCommand

from events.registrations import release_expired


class Command(BaseCommand):
    help = "Delete unconfirmed event registrations whose hold has lapsed and promote the waiting list."

    def handle(self, *args, **options):
        self.stdout.write(f"Released {release_expired()} unconfirmed registration(s).")
