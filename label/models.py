"""The label: applications, their review steps, certificates and renewal reminders.

State changes live in label/services.py; these models only hold data and derive what follows from dates.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

# Bump when the criteria change; every review step records the version it was decided under.
CRITERIA_VERSION = "2026-1"


class EvidenceStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT, without a public URL; read at each access so tests can point it elsewhere."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return Path(settings.LABEL_EVIDENCE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Evidence files have no public URL; serve them through label.views.evidence_file.")

    def deconstruct(self):
        return ("label.models.EvidenceStorage", (), {})


evidence_storage = EvidenceStorage()


def evidence_path(instance, filename):
    # A random directory keeps names unguessable and lets two files share a name.
    return f"{instance.application_id}/{get_random_string(16)}/{Path(filename).name}"


class Stage(models.TextChoices):
    DESIGN = "design", _("Product design")
    MANUFACTURE = "manufacture", _("Manufacture")
    FINISHING = "finishing", _("Finishing")


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        APPROVED = "approved", _("Approved")

    producer = models.ForeignKey(
        "directory.ProducerPage", on_delete=models.CASCADE, related_name="label_applications", verbose_name=_("producer")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="label_applications"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    renewal_of = models.ForeignKey(
        "Certificate", on_delete=models.SET_NULL, null=True, blank=True, related_name="renewal_applications"
    )
    # The language the member applied in: status mails are written in it.
    language = models.CharField(max_length=8, default="de")

    seat_address = models.TextField(_("address of the registered seat"), blank=True)
    seat_municipality = models.CharField(_("municipality of the seat"), max_length=80, blank=True)
    shop_address = models.TextField(_("address of the shop or workshop"), blank=True)
    shop_municipality = models.CharField(_("municipality of the shop or workshop"), max_length=80, blank=True)
    full_time_employees = models.PositiveSmallIntegerField(
        _("full-time employees"), null=True, blank=True, help_text=_("Including yourself if you work full time.")
    )
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    is_startup = models.BooleanField(_("the business is a start-up"), default=False)

    design_in_bochum = models.BooleanField(_("product design happens in Bochum"), default=False)
    design_elsewhere = models.CharField(_("otherwise: where and by whom"), max_length=200, blank=True)
    design_description = models.TextField(_("how the product design is done"), blank=True)
    manufacture_in_bochum = models.BooleanField(_("manufacture happens in Bochum"), default=False)
    manufacture_elsewhere = models.CharField(_("otherwise: where and by whom"), max_length=200, blank=True)
    manufacture_description = models.TextField(_("how the manufacture is done"), blank=True)
    finishing_in_bochum = models.BooleanField(_("finishing happens in Bochum"), default=False)
    finishing_elsewhere = models.CharField(_("otherwise: where and by whom"), max_length=200, blank=True)
    finishing_description = models.TextField(_("how the finishing is done"), blank=True)

    quality_statement = models.TextField(_("quality statement"), blank=True)
    sustainability_notes = models.TextField(_("sustainability (optional, shown publicly)"), blank=True)
    seasonality_notes = models.TextField(_("seasonality (optional, shown publicly)"), blank=True)
    recycling_notes = models.TextField(_("recycling (optional, shown publicly)"), blank=True)
    consent = models.BooleanField(_("I accept the association's rules for the label"), default=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    # Fields a renewal copies from the application it renews.
    COPIED_FIELDS = [
        "seat_address", "seat_municipality", "shop_address", "shop_municipality", "full_time_employees",
        "founded_on", "is_startup", "design_in_bochum", "design_elsewhere", "design_description",
        "manufacture_in_bochum", "manufacture_elsewhere", "manufacture_description", "finishing_in_bochum",
        "finishing_elsewhere", "finishing_description", "quality_statement", "sustainability_notes",
        "seasonality_notes", "recycling_notes",
    ]  # fmt: skip

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("label application")
        verbose_name_plural = _("label applications")
        permissions = [("review_application", _("Can review label applications and manage certificates"))]

    def __str__(self):
        return f"{self.producer.title} ({self.get_status_display()})"

    @property
    def editable(self):
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)

    @property
    def waiting(self):
        return self.status == self.Status.SUBMITTED

    def stages_in_bochum(self):
        return {
            Stage.DESIGN: self.design_in_bochum,
            Stage.MANUFACTURE: self.manufacture_in_bochum,
            Stage.FINISHING: self.finishing_in_bochum,
        }

    def get_absolute_url(self):
        return reverse("label_application", args=[self.pk])

    def last_message(self):
        """What the reviewer last told the member (changes requested, rejection reason)."""
        step = self.steps.exclude(message="").order_by("-at", "-pk").first()
        return step


class Evidence(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="evidence")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    file = models.FileField(_("file"), storage=evidence_storage, upload_to=evidence_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["stage", "uploaded_at"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("label_evidence", args=[self.application_id, self.pk])


class ReviewStep(models.Model):
    """One recorded step in the life of an application or its certificate: who, when, what, under which criteria."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        APPROVED = "approved", _("Approved")
        SUSPENDED = "suspended", _("Certificate suspended")
        REVOKED = "revoked", _("Certificate revoked")
        SUPERSEDED = "superseded", _("Certificate replaced")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    certificate = models.ForeignKey("Certificate", on_delete=models.CASCADE, null=True, blank=True, related_name="steps")
    action = models.CharField(_("decision"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    message = models.TextField(_("message"), blank=True)
    criteria_version = models.CharField(max_length=20, default=CRITERIA_VERSION)
    # The automatic check as it stood at this step, so a later change of rules does not rewrite history.
    eligibility = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d}"


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    PROVISIONAL = "provisional", _("Provisional")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Replaced")


class CertificateQuerySet(models.QuerySet):
    def current(self, today=None):
        """Certificates showing as valid or provisional today: dates decide, no job has to run."""
        today = today or timezone.localdate()
        return self.filter(
            valid_from__lte=today,
            valid_until__gte=today,
            suspended_at__isnull=True,
            revoked_at__isnull=True,
            superseded_by__isnull=True,
        )


class Certificate(models.Model):
    number = models.CharField(_("number"), max_length=20, unique=True)
    producer = models.ForeignKey(
        "directory.ProducerPage", on_delete=models.PROTECT, related_name="label_certificates", verbose_name=_("producer")
    )
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="certificate")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    provisional = models.BooleanField(_("provisional (start-up)"), default=False)
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True)
    suspended_reason = models.TextField(_("reason for suspension"), blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    # A producer holds one current certificate: a newer approval replaces the one before.
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes", verbose_name=_("replaced by")
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.number

    def status_on(self, today):
        if self.revoked_at:
            return CertificateStatus.REVOKED
        if self.suspended_at:
            return CertificateStatus.SUSPENDED
        if self.superseded_by_id:
            return CertificateStatus.SUPERSEDED
        if today > self.valid_until:
            return CertificateStatus.EXPIRED
        return CertificateStatus.PROVISIONAL if self.provisional else CertificateStatus.VALID

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return CertificateStatus(self.status).label

    @property
    def is_current(self):
        return self.status in (CertificateStatus.VALID, CertificateStatus.PROVISIONAL)

    def stages_in_bochum(self):
        return [stage for stage, in_bochum in self.application.stages_in_bochum().items() if in_bochum]

    def get_absolute_url(self):
        return reverse("label_short", args=[self.number])

    @property
    def url(self):
        return self.get_absolute_url()


class Reminder(models.Model):
    """A renewal reminder that went out; the unique pair makes the daily command idempotent."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="label_one_reminder_per_step")
        ]

    def __str__(self):
        return f"{self.certificate} −{self.days_before}d"
