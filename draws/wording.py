"""The draw in words: quota groups and the engine's feasibility problems, in the reader's language."""

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from draws.models import AGE, AGE_BANDS, DISTRICT, GENDER, GENDERS

CATEGORY_LABELS = {GENDER: gettext_lazy("Gender"), AGE: gettext_lazy("Age"), DISTRICT: gettext_lazy("District")}
VALUE_LABELS = {GENDER: dict(GENDERS), AGE: dict(AGE_BANDS)}


def group_label(quota):
    """“Gender: Woman” rather than the stored “gender=woman”; other names are shown as imported."""
    return feature_label(quota.category, quota.value)


def feature_label(category, value):
    category_label = CATEGORY_LABELS.get(category, category)
    value_label = VALUE_LABELS.get(category, {}).get(value, value)
    return f"{category_label} : {value_label}" if get_language() == "fr" else f"{category_label}: {value_label}"


def sentence(problem):
    templates = {
        "pool_too_small": _("The panel needs %(needed)s people but the pool has only %(available)s."),
        "minimums_too_high": _(
            "The minimums of “%(category)s” add up to %(total)s: %(amount)s more than the %(size)s seats."
        ),
        "maximums_too_low": _(
            "The maximums of “%(category)s” add up to %(total)s: %(amount)s fewer than the %(size)s seats."
        ),
        "too_few_with_value": _(
            "“%(category)s = %(value)s” needs at least %(needed)s people but only %(available)s in the pool have "
            "it (short by %(amount)s)."
        ),
        "min_conflicts": _(
            "“%(category)s = %(value)s”: the minimum of %(needed)s cannot be met together with the other quotas; "
            "lowering it by %(amount)s would make a panel possible."
        ),
        "max_conflicts": _(
            "“%(category)s = %(value)s”: the maximum of %(needed)s cannot be kept together with the other quotas; "
            "raising it by %(amount)s would make a panel possible."
        ),
        "no_panel": _("No panel of this size exists, even with every quota relaxed."),
    }
    return templates[problem.kind] % vars(problem)
