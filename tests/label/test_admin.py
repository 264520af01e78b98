"""The review queue in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from label import services
from label.models import Application, Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(draft, member):
    return services.submit(draft, member)


def test_reviewers_group_exists_with_admin_access():
    codenames = set(Group.objects.get(name="Label reviewers").permissions.values_list("codename", flat=True))
    assert {"access_admin", "review_application"} <= codenames


def test_dashboard_counts_waiting_applications(client, reviewer, submitted):
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 application is waiting for review." in html
    assert reverse("label_admin_queue") in html


def test_queue_is_for_reviewers_only(client, member, reviewer, submitted):
    client.force_login(member)
    assert client.get(reverse("label_admin_queue")).status_code == 302
    assert client.get(reverse("label_admin_application", args=[submitted.pk])).status_code == 302
    client.force_login(reviewer)
    html = client.get(reverse("label_admin_queue")).content.decode()
    assert "Geigenbau Test" in html


def test_reviewer_sees_check_evidence_and_profile(client, reviewer, submitted):
    client.force_login(reviewer)
    html = client.get(reverse("label_admin_application", args=[submitted.pk])).content.decode()
    assert "Automatic check" in html and "2 of 3 stages" in html
    assert reverse("wagtailadmin_pages:edit", args=[submitted.producer.pk]) in html
    assert "Approve and issue certificate" in html


def test_approve_in_the_admin(client, reviewer, submitted):
    client.force_login(reviewer)
    response = client.post(
        reverse("label_admin_application", args=[submitted.pk]), {"action": "approve", "message": ""}
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get(application=submitted)
    assert certificate.status == "valid"
    assert any(certificate.number in message.body for message in mail.outbox)


def test_request_changes_needs_a_message(client, reviewer, submitted):
    client.force_login(reviewer)
    url = reverse("label_admin_application", args=[submitted.pk])
    response = client.post(url, {"action": "request_changes", "message": ""})
    assert "Tell the member what to change." in response.content.decode()
    client.post(url, {"action": "request_changes", "message": "Bitte Fotos"})
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.CHANGES_REQUESTED


def test_reviewer_cannot_approve_own_producer_in_the_admin(client, reviewer, submitted, producer):
    producer.members.add(reviewer)
    client.force_login(reviewer)
    url = reverse("label_admin_application", args=[submitted.pk])
    html = client.get(url).content.decode()
    assert "another reviewer must decide" in html and "Approve and issue certificate" not in html
    client.post(url, {"action": "approve", "message": ""})
    assert not Certificate.objects.exists()


def test_suspend_and_revoke_in_the_admin(client, reviewer, submitted):
    certificate = services.approve(submitted, reviewer)
    client.force_login(reviewer)
    url = reverse("label_admin_certificate_action", args=[certificate.pk])
    client.post(url, {"action": "suspend", "message": "Prüfung"})
    certificate.refresh_from_db()
    assert certificate.status == "suspended"
    client.post(url, {"action": "revoke", "message": "Entzogen"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revoked_reason == "Entzogen"
