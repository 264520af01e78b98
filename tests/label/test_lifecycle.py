"""The whole life of an application and its certificate, through the same functions the views call."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from label import services
from label.models import CRITERIA_VERSION, Application, Certificate, CertificateStatus, Reminder, ReviewStep

pytestmark = pytest.mark.django_db


def test_draft_to_approved_to_reminded_to_renewed_and_expired(draft, member, reviewer, settings):
    settings.LABEL_REMINDER_DAYS = [60, 30, 7]
    services.submit(draft, member)
    assert draft.status == Application.Status.SUBMITTED
    assert "received" in mail.outbox[-1].subject and mail.outbox[-1].to == ["anna@example.org"]

    services.request_changes(draft, reviewer, "Bitte Fotos der Werkstatt hochladen.")
    assert draft.status == Application.Status.CHANGES_REQUESTED
    assert "Bitte Fotos der Werkstatt hochladen." in mail.outbox[-1].body
    assert draft.last_message().message == "Bitte Fotos der Werkstatt hochladen."

    services.submit(draft, member)
    issued = datetime.date(2026, 3, 15)
    certificate = services.approve(draft, reviewer, today=issued)
    assert draft.status == Application.Status.APPROVED
    assert certificate.number == "MBB-2026-0001"
    assert (certificate.valid_from, certificate.valid_until) == (issued, datetime.date(2027, 3, 15))
    assert not certificate.provisional
    assert certificate.status_on(issued) == CertificateStatus.VALID
    assert certificate.number in mail.outbox[-1].subject + mail.outbox[-1].body

    steps = list(draft.steps.values_list("action", "actor__username", "criteria_version"))
    assert steps == [
        ("submitted", "anna", CRITERIA_VERSION),
        ("changes_requested", "rita", CRITERIA_VERSION),
        ("resubmitted", "anna", CRITERIA_VERSION),
        ("approved", "rita", CRITERIA_VERSION),
    ]

    # Reminders: nothing early, then one per step however often cron runs.
    assert services.send_reminders(today=datetime.date(2027, 1, 1)) == 0
    assert services.send_reminders(today=datetime.date(2027, 1, 20)) == 1
    assert services.send_reminders(today=datetime.date(2027, 1, 21)) == 0
    assert services.send_reminders(today=datetime.date(2027, 2, 14)) == 1
    assert list(Reminder.objects.values_list("days_before", flat=True)) == [60, 30]
    assert "expires" in mail.outbox[-1].subject

    # An expired certificate shows as expired on the day after, no job needed.
    assert certificate.status_on(datetime.date(2027, 3, 16)) == CertificateStatus.EXPIRED

    renewal = services.start_renewal(certificate, member)
    assert renewal.renewal_of == certificate
    assert renewal.quality_statement == "Beste Materialien." and renewal.finishing_elsewhere == "Lackiererei in Herne"
    assert not renewal.consent, "consent to the rules is given anew"
    renewal.consent = True
    renewal.save()
    services.submit(renewal, member)
    new = services.approve(renewal, reviewer, today=datetime.date(2027, 2, 20))
    assert new.number == "MBB-2027-0001"
    # Renewing early costs nothing: the new period starts where the old one ends.
    assert new.valid_until == datetime.date(2028, 3, 15)
    # A renewed certificate gets no further reminders.
    assert services.send_reminders(today=datetime.date(2027, 3, 10)) == 0


def test_start_up_gets_a_provisional_label(draft, member, reviewer):
    draft.full_time_employees = 0
    draft.is_startup = True
    draft.save()
    services.submit(draft, member)
    certificate = services.approve(draft, reviewer, today=datetime.date(2026, 1, 31))
    assert certificate.provisional
    assert certificate.valid_until == datetime.date(2026, 7, 31)
    assert certificate.status_on(datetime.date(2026, 2, 1)) == CertificateStatus.PROVISIONAL


def test_revoke_and_suspend(draft, member, reviewer):
    services.submit(draft, member)
    certificate = services.approve(draft, reviewer)
    services.suspend(certificate, reviewer, "Prüfung läuft")
    assert certificate.status == CertificateStatus.SUSPENDED
    services.revoke(certificate, reviewer, "Fertigung nicht mehr in Bochum")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_reason == "Fertigung nicht mehr in Bochum"
    assert "revoked" in mail.outbox[-1].subject
    with pytest.raises(ValidationError):
        services.revoke(certificate, reviewer, "again")
    assert ReviewStep.objects.filter(certificate=certificate, action="revoked", actor=reviewer).exists()


def test_reject_needs_a_reason_and_is_final(draft, member, reviewer):
    services.submit(draft, member)
    with pytest.raises(ValidationError):
        services.reject(draft, reviewer, "  ")
    services.reject(draft, reviewer, "Keine eigene Fertigung")
    assert draft.status == Application.Status.REJECTED
    with pytest.raises(ValidationError):
        services.approve(draft, reviewer)


def test_reviewer_cannot_decide_for_own_producer(draft, member, reviewer, producer):
    producer.members.add(reviewer)
    draft.applicant = reviewer
    draft.save()
    services.submit(draft, reviewer)
    for decide in (services.approve, services.reject, services.request_changes):
        with pytest.raises(PermissionDenied):
            decide(draft, reviewer, "ok")
    assert not Certificate.objects.exists()
    assert Application.objects.get(pk=draft.pk).status == Application.Status.SUBMITTED


def test_member_cannot_review(draft, member):
    services.submit(draft, member)
    with pytest.raises(PermissionDenied):
        services.approve(draft, member)


def test_failing_hard_criterion_blocks_submission(draft, member):
    draft.manufacture_in_bochum = False
    draft.consent = False
    draft.save()
    with pytest.raises(ValidationError) as error:
        services.submit(draft, member)
    assert any("Only 1 of 3 stages" in message for message in error.value.messages)
    assert any("rules" in message for message in error.value.messages)
    assert Application.objects.get(pk=draft.pk).status == Application.Status.DRAFT


def test_status_change_stands_when_mail_is_down(draft, member, settings):
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 1}}
    }
    services.submit(draft, member)
    assert Application.objects.get(pk=draft.pk).status == Application.Status.SUBMITTED


def test_reminder_command_is_idempotent(draft, member, reviewer):
    services.submit(draft, member)
    certificate = services.approve(draft, reviewer)
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date.today() + datetime.timedelta(days=5))
    call_command("send_label_reminders", stdout=open("/dev/null", "w"))
    call_command("send_label_reminders", stdout=open("/dev/null", "w"))
    assert list(Reminder.objects.values_list("days_before", flat=True)) == [7]


def test_numbers_count_up_per_year(home, member, reviewer, draft, other_producer, other_member):
    from label.models import Application as App

    services.submit(draft, member)
    first = services.approve(draft, reviewer, today=datetime.date(2026, 5, 1))
    second_app = App.objects.create(producer=other_producer, applicant=other_member, **{
        name: getattr(draft, name) for name in App.COPIED_FIELDS
    }, consent=True)
    services.submit(second_app, other_member)
    second = services.approve(second_app, reviewer, today=datetime.date(2026, 6, 1))
    assert (first.number, second.number) == ("MBB-2026-0001", "MBB-2026-0002")
