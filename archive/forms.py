from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PublicForm


class EndorseForm(PublicForm):
    show_name = forms.BooleanField(label=_("Show my name in the list of endorsers"), required=False, initial=True)
    notify = forms.BooleanField(
        label=_("Email me when the City's answer or the status of an action changes"), required=False
    )
