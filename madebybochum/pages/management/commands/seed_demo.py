"""Fill the site with fictional demo content in four languages. Safe to run again: it changes nothing."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

import directory.demo
import events.demo
import label.demo
import routes.demo
import shop.demo
from madebybochum.pages import demo


class Command(BaseCommand):
    help = "Create the demo site: pages, producers, label certificates, events and logins (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--producers", type=int, default=0, help="Also create synthetic producers until there are this many (for benchmarks)."
        )
        parser.add_argument(
            "--events", type=int, default=0, help="Also create synthetic events until there are this many (for benchmarks)."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            home = demo.seed_home()
            demo.seed_site_pages(home)
            demo.ensure_user("admin", "admin", "admin@madebybochum.example", is_staff=True, is_superuser=True)
        logins = [("admin", "admin", "administrator")]
        # Each app seeds its own part, in dependency order.
        for app_demo in (directory.demo, routes.demo, label.demo, events.demo, shop.demo):
            logins += app_demo.seed(self.stdout, producers=options["producers"], events=options["events"])
        if (options["producers"] or options["events"]) and connection.vendor == "postgresql":
            # Thousands of rows in bulk: fresh planner statistics, or PostgreSQL plans for tiny tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Demo logins (admin at /admin/):")
        for username, password, role in logins:
            self.stdout.write(f"  {role:<28} {username} / {password}")
