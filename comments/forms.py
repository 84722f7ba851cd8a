"""Forms residents and moderators fill in; every message is translated."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from comments import text
from comments.models import ReportReason
from portal.forms import HoneypotField, PublicForm


class TextField(forms.CharField):
    """A resident's text, cleaned (see ``comments.text.clean``) and length-checked after cleaning."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", settings.COMMENT_MAX_LENGTH)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Write something before sending."),
                "max_length": _("Keep it under %(limit_value)d characters (you wrote %(show_value)d)."),
            },
        )
        super().__init__(strip=False, **kwargs)

    def to_python(self, value):
        return text.clean(super().to_python(value))


class CommentForm(PublicForm):
    text = TextField(label=_("Your comment"))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    followup = forms.BooleanField(label=_("Email me when someone replies"), required=False)
    website = HoneypotField()


class QuestionForm(PublicForm):
    text = TextField(label=_("Your question"))
    session = forms.TypedChoiceField(
        label=_("About a session (optional)"), required=False, coerce=int, empty_value=None
    )
    website = HoneypotField()

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {session.pk: session for session in sessions}
        self.fields["session"].choices = [("", _("The workshop in general"))] + [
            (session.pk, f"{session.local_text.title} – {session.start:%d/%m/%Y}") for session in sessions
        ]

    def clean_session(self):
        pk = self.cleaned_data["session"]
        return self.sessions.get(pk) if pk else None


class EditForm(PublicForm):
    text = TextField(label=_("Your text"))


class ReportForm(PublicForm):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anything that helps moderators decide. Only they will read it."),
    )

    def clean_details(self):
        return text.clean(self.cleaned_data["details"])


class ModerationForm(forms.Form):
    ACTIONS = [
        ("keep", _("Keep (dismiss the reports)")),
        ("hide", _("Hide, with a public reason")),
        ("restore", _("Restore")),
        ("remove", _("Remove")),
        ("approve", _("Approve the question")),
        ("reject", _("Reject the question")),
        ("block", _("Block the author")),
    ]
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=300,
        help_text=_("Shown in place of a hidden text, and sent to the author."),
    )
    block_days = forms.IntegerField(
        label=_("Block for (days)"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=_("Empty: until a moderator lifts the block."),
    )
    items = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": _("Select at least one item.")})

    def __init__(self, *args, item_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(pk, pk) for pk in item_ids]


class AnswerForm(forms.Form):
    text = TextField(label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 6}))
