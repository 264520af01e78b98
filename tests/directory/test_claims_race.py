"""Two browsers send the same claim link at the same moment: one account is made, the other is refused."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from directory import claims
from madebybochum.pages.demo import ensure_user

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SELECT … FOR UPDATE is a no-op on SQLite, which serialises writers anyway"),
    pytest.mark.django_db(transaction=True),
    # An earlier transactional test may have flushed the locale and root page the migrations made.
    pytest.mark.usefixtures("restored_tree"),
]


def test_simultaneous_use_of_one_link_creates_one_account(make_producer):
    producer = make_producer("Keramik Kuhle")
    admin, _created = ensure_user("chefin", "chefin", "chefin@example.org")
    _invitation, token = claims.invite(producer, "kim@keramik.example", admin, "http://testserver")
    barrier = threading.Barrier(4)
    outcomes = []

    def attempt(name):
        try:
            barrier.wait()
            claims.redeem(token, username=name, password="Tassen-und-Teller-2026")
            outcomes.append("ok")
        except claims.InvalidInvitation as problem:
            outcomes.append(problem.reason)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(name,)) for name in ("kim", "kim-2", "kim-3", "kim-4")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "used", "used", "used"]
    assert get_user_model().objects.filter(email="kim@keramik.example").count() == 1
    assert producer.members.count() == 1
