from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from accounts.models import User
from portal import versions
from portal.forms import PublicForm, PublicModelForm
from portal.names import validate_person_name


class ResidentSignupForm(forms.Form):
    """Extra sign-up fields; allauth calls ``signup`` once the user exists."""

    display_name = forms.CharField(
        label=_("Public name"),
        max_length=80,
        required=False,
        validators=[validate_person_name],
        help_text=_("Shown next to your comments and questions. Your email address is never shown."),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        language = get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        user.save(update_fields=["display_name", "preferred_language"])


class ProfileForm(PublicModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]

    def save(self, commit=True):
        user = super().save(commit)
        if "display_name" in self.changed_data:  # shown on comments and endorsements, cached pages among them
            versions.bump(versions.PEOPLE)
        return user


class DeleteAccountForm(PublicForm):
    """Asks for the password, when the account has one, so that an open session alone cannot delete it."""

    password = forms.CharField(label=_("Your password"), strip=False, widget=forms.PasswordInput)
    understood = forms.BooleanField(label=_("I understand that this cannot be undone."))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, with a translated label on the password (Wagtail leaves it to Django's
    default, the untranslated field name "Password")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
