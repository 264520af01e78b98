"""Two reviewers approving at the same moment still get two different certificate numbers (PostgreSQL)."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from label import services
from label.models import Application, Certificate
from madebybochum.pages.demo import ensure_user
from tests.label.conftest import FACTS, make_producer

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="needs real concurrent transactions (PostgreSQL)"
)


# serialized_rollback: the flush after this test must not take the migrations' data (groups, root page) along.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_approvals_get_distinct_numbers(home, reviewer):
    applications = []
    for n in range(4):
        producer = make_producer(home, f"race-{n}", f"Race {n}")
        user, _ = ensure_user(f"racer{n}", "pass-12345", f"racer{n}@example.org")
        producer.members.add(user)
        application = Application.objects.create(producer=producer, applicant=user, **FACTS)
        services.submit(application, user)
        applications.append(application)

    barrier = threading.Barrier(len(applications))
    errors = []

    def approve(application):
        try:
            barrier.wait()
            services.approve(application, reviewer)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(application,)) for application in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Certificate.objects.values_list("number", flat=True))
    assert len(set(numbers)) == 4
