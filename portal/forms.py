"""Form pieces shared by every public form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotField(forms.CharField):
    """A field people never see (CSS moves it off screen); bots fill it in, and are refused."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self, value):
        if value:
            raise forms.ValidationError(_("This form could not be sent. Please try again."))
        return ""
