"""The demo shows the whole life cycle, and seeding twice changes nothing."""

import io

import pytest

from label import demo
from label.models import Application, Certificate

pytestmark = pytest.mark.django_db


def test_demo_has_every_status_and_waiting_applications(home):
    logins = demo.seed(io.StringIO())
    assert {role for _user, _password, role in logins} == {"label reviewer", "member (6 producers)"}
    statuses = {certificate.status for certificate in Certificate.objects.all()}
    assert statuses == {"valid", "provisional", "expired", "suspended", "revoked"}
    assert Application.objects.filter(status=Application.Status.SUBMITTED).count() == 2
    counts = (Certificate.objects.count(), Application.objects.count())
    demo.seed(io.StringIO())
    assert (Certificate.objects.count(), Application.objects.count()) == counts
