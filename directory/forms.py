from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy as _

from madebybochum.security import Honeypot

from .models import JoinRequest


class JoinRequestForm(Honeypot, forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["business_name", "contact_name", "email", "phone", "what_you_make"]
        widgets = {"what_you_make": forms.Textarea(attrs={"rows": 4})}


class ClaimAccountForm(Honeypot, forms.Form):
    """A new account for whoever opened a claim link: a login name (suggested from the email) and a
    password checked by Django's password validators."""

    username = forms.CharField(
        label=_("Login name"), max_length=150, validators=[UnicodeUsernameValidator()],
        widget=forms.TextInput(attrs={"autocomplete": "username", "dir": "auto"}),
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()
        # The symbols stay in their order in right-to-left text.
        self.fields["username"].help_text = mark_safe(
            escape(gettext("Letters, digits and %(symbols)s only.")) % {"symbols": '<bdi dir="ltr">@ . + - _</bdi>'}
        )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This login name is taken. Please choose another one."), code="taken")
        return username

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", forms.ValidationError(_("The two passwords differ."), code="mismatch"))
        elif first:
            user = get_user_model()(username=cleaned.get("username", ""), email=self.email)
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ClaimInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person you invite"))
    language = forms.ChoiceField(label=_("Language of the email"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE)
