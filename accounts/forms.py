from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class ResidentSignupForm(forms.Form):
    """Extra sign-up fields; allauth calls ``signup`` once the user exists."""

    display_name = forms.CharField(
        label=_("Public name"),
        max_length=80,
        required=False,
        help_text=_("Shown next to your comments and endorsements. Your email address is never shown."),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        language = get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        user.save(update_fields=["display_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
