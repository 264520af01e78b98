"""Fill the site with fictional demo content in four languages. Safe to run again: it changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from madebybochum.pages import demo


class Command(BaseCommand):
    help = "Create the demo site: pages, producers, events and logins (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--producers", type=int, default=0, help="Also create this many synthetic producers (for benchmarks)."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            home = demo.seed_home()
            created_pages = demo.seed_site_pages(home)
            _admin, admin_created = demo.ensure_user(
                "admin", "admin", "admin@madebybochum.example", is_staff=True, is_superuser=True
            )
        self.stdout.write(f"Site pages created: {created_pages}; admin created: {admin_created}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Demo logins (admin at /admin/):")
        for username, password, role in demo.DEMO_LOGINS:
            self.stdout.write(f"  {role:<24} {username} / {password}")
