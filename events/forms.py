import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from madebybochum.security import Honeypot

from .models import FORMATS, EventProposal


class RegistrationForm(Honeypot, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=10, initial=1)
    waiting_ok = forms.BooleanField(label=_("If it is full, put me on the waiting list"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class ProposalForm(forms.ModelForm):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    ends_at = forms.DateTimeField(label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS)

    class Meta:
        model = EventProposal
        fields = ["producer", "title", "description", "format", "starts_at", "ends_at", "at_producer"]

    def __init__(self, *args, producers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = producers
        self.fields["producer"].empty_label = None

    def clean_starts_at(self):
        starts = self.cleaned_data["starts_at"]
        now = timezone.now()
        if not now <= starts <= now + datetime.timedelta(days=2 * 366):
            raise forms.ValidationError(_("Events can be proposed from now until two years ahead."))
        return starts

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
        return data
