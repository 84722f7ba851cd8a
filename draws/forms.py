from django import forms
from django.utils.translation import gettext_lazy as _

from draws.models import AGE_BANDS, GENDERS, Quota
from portal.forms import HoneypotField, PublicForm
from portal.languages import in_best_language
from workshops.models import District


class ApplicationForm(PublicForm):
    """What the quotas need, asked with why; nothing else."""

    old_enough = forms.BooleanField(label="")  # label and message name the draw's minimum age: see __init__
    district = forms.ModelChoiceField(
        label=_("The district you live in"),
        queryset=District.objects.none(),
        empty_label=_("Choose your district"),
        error_messages={"required": _("Choose your district: the draw is for residents of the city.")},
        help_text=_("The panel must reflect every part of the city."),
    )
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=GENDERS,
        widget=forms.RadioSelect,
        help_text=_("Half the seats go to women: parity is a rule of the workshops."),
        error_messages={"required": _("Choose an answer; “another gender” is one.")},
    )
    age = forms.ChoiceField(
        label=_("Age"),
        choices=AGE_BANDS,
        widget=forms.RadioSelect,
        help_text=_("Every generation must have seats."),
        error_messages={"required": _("Choose your age band.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the City keeps these answers for the draw and publishes them without my name, as the "
            "privacy notice explains."
        ),
        error_messages={"required": _("Please agree, or the draw cannot count your answers.")},
    )
    website = HoneypotField()

    def __init__(self, *args, draw, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_enough"].label = _("I am %(age)s or older.") % {"age": draw.minimum_age}
        self.fields["old_enough"].error_messages["required"] = _("The draw is open from the age of %(age)s.") % {
            "age": draw.minimum_age
        }
        self.fields["district"].queryset = in_best_language(District.objects.order_by("name"), locale)

    def features(self):
        district = self.cleaned_data["district"]
        source = district.get_translation_or_none(district.locale.get_default()) or district
        return {"gender": self.cleaned_data["gender"], "age": self.cleaned_data["age"], "district": source.name}


class QuotaForm(forms.ModelForm):
    class Meta:
        model = Quota
        fields = ["category", "value", "minimum", "maximum"]

    def clean(self):
        data = super().clean()
        if data.get("minimum") is not None and data.get("maximum") is not None and data["minimum"] > data["maximum"]:
            raise forms.ValidationError(_("The minimum cannot be greater than the maximum."))
        return data


class ImportForm(forms.Form):
    categories = forms.FileField(label=_("Categories file (category,name,min,max)"))
    respondents = forms.FileField(label=_("Respondents file (id and one column per category)"))


class RandomnessForm(forms.Form):
    randomness = forms.CharField(
        label=_("The public randomness, exactly as produced"),
        max_length=200,
        help_text=_("For instance the dice, in the order they were read out: 3 9 0 7 2."),
    )
