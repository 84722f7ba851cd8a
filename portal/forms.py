"""Form pieces shared by every public form, and the one way they are rendered.

``PublicForm`` (or ``PublicModelForm``) renders each field through ``forms/field.html``:
label, help text and error linked to the input with ``aria-describedby`` (Django adds
it), choices as a fieldset with a legend, check boxes with their label after them,
and the honeypot hidden from assistive technology. ``{{ form }}`` shows a whole form.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class PublicForm(forms.Form):
    default_renderer = PortalFormRenderer


class PublicModelForm(forms.ModelForm):
    default_renderer = PortalFormRenderer


class HoneypotField(forms.CharField):
    """A field people never see (CSS moves it off screen); bots fill it in, and are refused."""

    is_honeypot = True

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
