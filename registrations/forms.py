from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.forms import HoneypotField, PublicForm
from portal.languages import in_best_language
from portal.names import no_control_characters_in_text, validate_person_name
from registrations.models import MAX_CHILDREN
from registrations.services import Applicant, eligibility_problems
from workshops.models import District


class RegistrationForm(PublicForm):
    name = forms.CharField(label=_("Your name"), max_length=150, validators=[validate_person_name])
    email = forms.EmailField(
        label=_("Your email address"), help_text=_("We send a link to confirm it. It is never shown publicly.")
    )
    language = forms.ChoiceField(label=_("Language for emails"), choices=settings.LANGUAGES)
    district = forms.ModelChoiceField(label=_("Where do you live?"), queryset=District.objects.none(), required=False)
    old_enough = forms.BooleanField(label="", required=False)
    children = forms.IntegerField(
        label=_("Children to look after during the session"),
        min_value=0,
        max_value=MAX_CHILDREN,
        initial=0,
        help_text=_("Childcare is free; tell us how many children will come."),
    )
    children_ages = forms.CharField(
        label=_("Their ages"),
        max_length=100,
        required=False,
        validators=[no_control_characters_in_text],
        help_text=_("For example: 3 and 7"),
    )
    access_needs = forms.CharField(
        label=_("Access needs"),
        max_length=1000,
        required=False,
        validators=[no_control_characters_in_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wheelchair access, hearing loop, sign language, large print… Only the organisers see this."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the City keeps these details to organise the session, as the privacy notice explains."),
        error_messages={"required": _("Please agree to the privacy notice to register.")},
    )
    website = HoneypotField()

    def __init__(self, *args, session, user=None, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session, self.user = session, user
        self.fields["language"].initial = get_language()
        self.fields["district"].queryset = in_best_language(District.objects.order_by("name"), locale)
        self.fields["district"].empty_label = _("I do not live in the city")
        self.fields["old_enough"].label = _("I am %(age)s or older.") % {"age": session.minimum_age}
        if user is not None:
            del self.fields["email"]
            self.fields["name"].initial = user.public_name
            self.fields["language"].initial = user.preferred_language
        if session.childcare_places == 0:
            del self.fields["children"], self.fields["children_ages"]

    def clean(self):
        data = super().clean()
        for field, problem in eligibility_problems(self.session, data.get("old_enough"), data.get("district")).items():
            if field not in self.errors:
                self.add_error(field, problem)
        if data.get("children", 0) > self.session.childcare_places:
            self.add_error(
                "children",
                _("Childcare can take at most %(places)s children at this session.")
                % {"places": self.session.childcare_places},
            )
        return data

    def applicant(self):
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=self.user.email if self.user is not None else data["email"],
            language=data["language"],
            user=self.user,
            district=data.get("district"),
            children=data.get("children") or 0,
            children_ages=data.get("children_ages", ""),
            access_needs=data.get("access_needs", ""),
            old_enough=bool(data.get("old_enough")),
        )
