"""pg_trgm for the search's typo-tolerant fallback (directory/filters.py). Django's CreateExtension does
nothing on other databases, so SQLite stays as it is: no fuzzy matching there."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_claiminvitation_withdraw_permission")]

    operations = [TrigramExtension()]
