"""Two reviewers approving at the same moment still get two different certificate numbers (PostgreSQL).

Not a browser test, but it needs committed data from several threads: it lives here for this folder's
fixtures, which restore the migrations' data (groups, locale, root page) around transactional tests."""

import threading

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection

from label import services
from label.models import Application, Certificate
from madebybochum.pages.demo import ensure_user
from tests.label.conftest import FACTS, make_producer

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="needs real concurrent transactions (PostgreSQL)"
)


@pytest.fixture
def reviewer(db):
    user, _ = ensure_user("rita", "rita-pass-123", "rita@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Label reviewers"))
    return user


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
