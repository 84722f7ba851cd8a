"""The engine's feasibility problems, worded for organisers in their language."""

from django.utils.translation import gettext as _


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
