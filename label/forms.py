import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Application, Evidence, Stage

ALLOWED_EVIDENCE_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}


class ApplicationForm(forms.ModelForm):
    """Every field optional while drafting: the submit step checks what a complete application needs."""

    class Meta:
        model = Application
        fields = [
            "seat_address", "seat_municipality", "shop_address", "shop_municipality",
            "full_time_employees", "founded_on", "is_startup",
            "design_in_bochum", "design_elsewhere", "design_description",
            "manufacture_in_bochum", "manufacture_elsewhere", "manufacture_description",
            "finishing_in_bochum", "finishing_elsewhere", "finishing_description",
            "quality_statement", "sustainability_notes", "seasonality_notes", "recycling_notes", "consent",
        ]  # fmt: skip
        widgets = {
            "seat_address": forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
            "shop_address": forms.Textarea(attrs={"rows": 2}),
            "seat_municipality": forms.TextInput(attrs={"list": "label-municipalities"}),
            "shop_municipality": forms.TextInput(attrs={"list": "label-municipalities"}),
            "founded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "full_time_employees": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "design_description": forms.Textarea(attrs={"rows": 3}),
            "manufacture_description": forms.Textarea(attrs={"rows": 3}),
            "finishing_description": forms.Textarea(attrs={"rows": 3}),
            "quality_statement": forms.Textarea(attrs={"rows": 4}),
            "sustainability_notes": forms.Textarea(attrs={"rows": 3}),
            "seasonality_notes": forms.Textarea(attrs={"rows": 3}),
            "recycling_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_founded_on(self):
        founded = self.cleaned_data.get("founded_on")
        if founded and not datetime.date(1800, 1, 1) <= founded <= timezone.localdate():
            raise forms.ValidationError(_("Please enter the founding date: a day between 1800 and today."))
        return founded

    def stage_fields(self):
        """(stage label, in-Bochum field, elsewhere field, description field) for the template's loop."""
        return [
            (label, self[f"{value}_in_bochum"], self[f"{value}_elsewhere"], self[f"{value}_description"], value)
            for value, label in Stage.choices
        ]


class EvidenceForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    file = forms.FileField(label=_("Photo or PDF"), widget=forms.ClearableFileInput(attrs={"accept": "image/*,.pdf"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.LABEL_EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if upload.content_type not in ALLOWED_EVIDENCE_TYPES:
            raise forms.ValidationError(_("Please upload a photo (JPEG, PNG, WebP) or a PDF."))
        return upload

    def save(self, application, user):
        upload = self.cleaned_data["file"]
        return Evidence.objects.create(
            application=application,
            stage=self.cleaned_data["stage"],
            file=upload,
            original_name=upload.name[:200],
            content_type=upload.content_type,
            uploaded_by=user,
        )


class ReasonForm(forms.Form):
    message = forms.CharField(label=_("Message to the member"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
