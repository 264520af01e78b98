"""Six visitors press "register" for the last seat at the same moment: only one gets it."""

import threading

import pytest
from django.db import connection, connections

from events import registrations
from events.recurrence import next_occurrences

from .conftest import local

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SELECT … FOR UPDATE is a no-op on SQLite, which serialises writers anyway"),
    pytest.mark.django_db(transaction=True),
    # An earlier transactional test may have flushed the locale and root page the migrations made.
    pytest.mark.usefixtures("restored_tree"),
]


def test_simultaneous_registrations_for_the_last_seat(make_event):
    event = make_event(start=local(2030, 5, 3, 15), registration_required=True, capacity=1, waiting_list=False)
    date = next_occurrences(event, local(2030, 1, 1))[0]
    barrier = threading.Barrier(6)
    outcomes = []

    def attempt(name):
        try:
            barrier.wait()
            registrations.register(event, date, name, f"{name}@example.org", 1)
            outcomes.append("ok")
        except registrations.RegistrationError:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(name,)) for name in ("anna", "ben", "cem", "dora", "emre", "fatma")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["full"] * 5 + ["ok"]
    assert registrations.holding().count() == 1
