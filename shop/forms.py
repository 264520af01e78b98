from django import forms
from django.utils.translation import gettext_lazy as _

from madebybochum.security import Honeypot

from .cart import MAX_QUANTITY


class AddToCartForm(forms.Form):
    offer = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=MAX_QUANTITY, initial=1)


class CheckoutForm(Honeypot, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False,
                             widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False,
                               widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))
    city = forms.CharField(label=_("City"), max_length=100, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))

    def __init__(self, *args, needs_address=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_address = needs_address
        for name in ("street", "postcode", "city"):
            self.fields[name].required = needs_address

    def contact(self):
        data = self.cleaned_data
        return {key: data[key] for key in ("name", "email", "street", "postcode", "city")}
