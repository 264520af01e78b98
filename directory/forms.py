from django import forms

from .models import JoinRequest


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["business_name", "contact_name", "email", "phone", "what_you_make"]
        widgets = {"what_you_make": forms.Textarea(attrs={"rows": 4})}
