"""Every state change of the label, one function each. Each records who did what, when, under which criteria,
and mails the producer's members afterwards (a mail failure is logged, never undoes the change)."""

import calendar
import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .eligibility import evaluate
from .models import CRITERIA_VERSION, Application, Certificate, Reminder, ReviewStep

logger = logging.getLogger(__name__)
Status = Application.Status
Action = ReviewStep.Action


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def may_act_for(user, producer):
    return user.is_authenticated and producer.members.filter(pk=user.pk).exists()


def is_reviewer(user):
    return user.is_authenticated and user.has_perm("label.review_application")


def _require_reviewer(user, application):
    if not is_reviewer(user):
        raise PermissionDenied(_("Only label reviewers can do this."))
    if may_act_for(user, application.producer):
        raise PermissionDenied(_("You are a member of this producer, so another reviewer must decide."))


def _require_status(application, *allowed):
    if application.status not in allowed:
        raise ValidationError(
            _("This is not possible while the application is “%(status)s”.") % {"status": application.get_status_display()}
        )


def _record(application, action, actor, message="", certificate=None):
    return ReviewStep.objects.create(
        application=application,
        certificate=certificate,
        action=action,
        actor=actor,
        message=message,
        criteria_version=CRITERIA_VERSION,
        eligibility=evaluate(application).as_dict(),
    )


def _open_application(producer, user, language):
    if not may_act_for(user, producer):
        raise PermissionDenied(_("You are not a member of this producer."))
    open_one = producer.label_applications.filter(status__in=[Status.DRAFT, Status.CHANGES_REQUESTED]).first()
    return open_one or Application.objects.create(producer=producer, applicant=user, language=language)


def start_application(producer, user, language="de"):
    """The draft already open for this producer (a member never loses one), else a new one: a renewal of
    the current certificate where the producer holds one, so that it never holds two."""
    current = Certificate.objects.current().filter(producer=producer).first()
    if current:
        return start_renewal(current, user, language)
    return _open_application(producer, user, language)


def start_renewal(certificate, user, language="de"):
    """A renewal draft, prefilled from the application that earned the certificate."""
    application = _open_application(certificate.producer, user, language)
    if application.renewal_of_id is None and not application.submitted_at:
        for name in Application.COPIED_FIELDS:
            setattr(application, name, getattr(certificate.application, name))
        application.renewal_of = certificate
        application.save()
    return application


def submit(application, user):
    """Draft or changes requested -> submitted; refused while a hard criterion fails."""
    if not may_act_for(user, application.producer):
        raise PermissionDenied(_("You are not a member of this producer."))
    _require_status(application, Status.DRAFT, Status.CHANGES_REQUESTED)
    result = evaluate(application)
    problems = [check.reason for check in result.failed]
    if not application.consent:
        problems.append(_("Please accept the association's rules for the label."))
    if not application.quality_statement.strip():
        problems.append(_("Please describe what makes your products high quality."))
    if problems:
        raise ValidationError(problems)
    action = Action.RESUBMITTED if application.status == Status.CHANGES_REQUESTED else Action.SUBMITTED
    with transaction.atomic():
        application.status = Status.SUBMITTED
        application.submitted_at = timezone.now()
        application.save()
        _record(application, action, user)
    _notify(application, "submitted")
    return application


def request_changes(application, reviewer, message):
    _require_reviewer(reviewer, application)
    _require_status(application, Status.SUBMITTED)
    if not message.strip():
        raise ValidationError(_("Tell the member what to change."))
    with transaction.atomic():
        application.status = Status.CHANGES_REQUESTED
        application.save()
        _record(application, Action.CHANGES_REQUESTED, reviewer, message)
    _notify(application, "changes_requested", message)
    return application


def reject(application, reviewer, reason):
    _require_reviewer(reviewer, application)
    _require_status(application, Status.SUBMITTED)
    if not reason.strip():
        raise ValidationError(_("Give a reason for the rejection."))
    with transaction.atomic():
        application.status = Status.REJECTED
        application.decided_at = timezone.now()
        application.save()
        _record(application, Action.REJECTED, reviewer, reason)
    _notify(application, "rejected", reason)
    return application


def _next_number(year):
    prefix = f"MBB-{year}-"
    last = Certificate.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True)
    sequence = int(last[0].rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{sequence:04d}"


def approve(application, reviewer, message="", today=None):
    """Submitted -> approved, and the certificate: 12 months, or 6 for a provisional start-up label."""
    _require_reviewer(reviewer, application)
    _require_status(application, Status.SUBMITTED)
    result = evaluate(application)
    if not result.can_submit:
        raise ValidationError([check.reason for check in result.failed])
    today = today or timezone.localdate()
    months = settings.LABEL_PROVISIONAL_VALIDITY_MONTHS if result.provisional else settings.LABEL_VALIDITY_MONTHS
    # A renewal continues where the old certificate ends, so renewing early costs nothing.
    start_from = max(today, application.renewal_of.valid_until) if application.renewal_of else today
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    number=_next_number(today.year),
                    producer=application.producer,
                    application=application,
                    valid_from=today,
                    valid_until=add_months(start_from, months),
                    provisional=result.provisional,
                )
                application.status = Status.APPROVED
                application.decided_at = timezone.now()
                application.save()
                _record(application, Action.APPROVED, reviewer, message, certificate)
                _supersede_others(certificate, reviewer, today)
            break
        except IntegrityError:
            # Two approvals drew the same number at once; draw again.
            continue
    else:
        raise ValidationError(_("No certificate number could be assigned; please try again."))
    _notify(application, "approved", message, certificate)
    return certificate


def _supersede_others(certificate, reviewer, today):
    """The producer's earlier current certificates are replaced by `certificate`, each with a note in its
    audit trail, so that the register and the badge show one certificate per producer."""
    earlier = Certificate.objects.current(today).filter(producer=certificate.producer).exclude(pk=certificate.pk)
    for old in earlier.select_for_update():
        old.superseded_by = certificate
        old.save(update_fields=["superseded_by"])
        _record(old.application, Action.SUPERSEDED, reviewer, certificate.number, old)


def suspend(certificate, reviewer, reason):
    _require_reviewer(reviewer, certificate.application)
    if not reason.strip():
        raise ValidationError(_("Give a reason for the suspension."))
    if certificate.revoked_at or certificate.suspended_at:
        raise ValidationError(_("This certificate is already suspended or revoked."))
    with transaction.atomic():
        certificate.suspended_at = timezone.now()
        certificate.suspended_reason = reason
        certificate.save()
        _record(certificate.application, Action.SUSPENDED, reviewer, reason, certificate)
    _notify(certificate.application, "suspended", reason, certificate)
    return certificate


def revoke(certificate, reviewer, reason):
    _require_reviewer(reviewer, certificate.application)
    if not reason.strip():
        raise ValidationError(_("Give a reason for the revocation."))
    if certificate.revoked_at:
        raise ValidationError(_("This certificate is already revoked."))
    with transaction.atomic():
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.save()
        _record(certificate.application, Action.REVOKED, reviewer, reason, certificate)
    _notify(certificate.application, "revoked", reason, certificate)
    return certificate


def send_reminders(today=None):
    """Mail each certificate once per reminder step (e.g. 60, 30 and 7 days before expiry). Returns the count.

    Steps are walked from the nearest: a run that missed the 60-day step sends the 30-day one only."""
    today = today or timezone.localdate()
    sent = 0
    for days in sorted(settings.LABEL_REMINDER_DAYS):
        horizon = today + datetime.timedelta(days=days)
        # A producer who has renewed already holds a certificate running past the horizon.
        renewed = Certificate.objects.current(today).filter(producer=OuterRef("producer"), valid_until__gt=horizon)
        due = (
            Certificate.objects.current(today)
            .filter(valid_until__lte=horizon)
            .exclude(reminders__days_before__lte=days)
            .exclude(Exists(renewed))
        )
        for certificate in due.select_related("application", "producer"):
            try:
                with transaction.atomic():
                    Reminder.objects.create(certificate=certificate, days_before=days)
            except IntegrityError:
                # Another run sent this one a moment ago.
                continue
            _notify(certificate.application, "reminder", certificate=certificate, days=days)
            sent += 1
    return sent


def _recipients(application):
    emails = {user.email for user in application.producer.members.all() if user.email}
    if application.applicant and application.applicant.email:
        emails.add(application.applicant.email)
    return sorted(emails)


def _notify(application, event, message="", certificate=None, days=None):
    """Queue the status mail; whatever goes wrong with mail is logged, the state change stands."""
    try:
        send_status_mail.enqueue(application.pk, event, message, certificate.pk if certificate else None, days)
    except Exception:
        logger.exception("Could not queue the label mail %s for application %s", event, application.pk)


@task
def send_status_mail(application_id, event, message="", certificate_id=None, days=None):
    try:
        application = Application.objects.select_related("producer", "applicant").get(pk=application_id)
        certificate = Certificate.objects.filter(pk=certificate_id).first()
        recipients = _recipients(application)
        if not recipients:
            return 0
        with translation.override(application.language):
            context = {
                "application": application,
                "event": event,
                "message": message,
                "certificate": certificate,
                "days": days,
                "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            }
            subject = render_to_string("label/email/status_subject.txt", context).strip()
            body = render_to_string("label/email/status_body.txt", context)
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("Could not send the label mail %s for application %s", event, application_id)
        return 0
