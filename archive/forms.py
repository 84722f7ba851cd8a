from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from archive.permissions import FOLLOW_UP_FIELDS, RECORD_FOLLOW_UP
from portal.forms import PublicForm


class EndorseForm(PublicForm):
    show_name = forms.BooleanField(label=_("Show my name in the list of endorsers"), required=False, initial=True)
    notify = forms.BooleanField(
        label=_("Email me when the City's answer or the status of an action changes"), required=False
    )


class RecommendationAdminForm(WagtailAdminPageForm):
    """The actions' due date, status and progress are read-only without ``archive.record_follow_up``.

    Wagtail's field permissions cover the page's own fields (the answer), not the forms of
    its inline actions, so those are disabled here: a disabled field keeps its saved value,
    and a new action starts not started, whatever is posted.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None or self.for_user.has_perm(RECORD_FOLLOW_UP):
            return
        actions = self.formsets.get("actions")
        for form in actions.forms if actions is not None else []:
            for name in FOLLOW_UP_FIELDS:
                if name in form.fields:
                    form.fields[name].disabled = True
