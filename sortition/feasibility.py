"""Why quotas cannot all be met, in numbers a person can act on.

Each problem is a ``Problem`` with a kind and its numbers, so an interface can word
it in its own language; ``str()`` gives the English sentence the CLI prints.
"""

from dataclasses import dataclass

import highspy
import numpy as np

from sortition.solver import INF, add_rows, quiet_highs

SENTENCES = {
    "pool_too_small": "the panel needs {needed} people but the pool has only {available}",
    "minimums_too_high": "the minimums of {category} add up to {total}, {amount} more than the panel size {size}",
    "maximums_too_low": "the maximums of {category} add up to {total}, {amount} fewer than the panel size {size}",
    "too_few_with_value": (
        "{category}={value} needs at least {needed} but only {available} respondents have it (short by {amount})"
    ),
    "min_conflicts": (
        "{category}={value}: min {needed} cannot be met together with the other quotas;"
        " lowering it by {amount} would make a panel possible"
    ),
    "max_conflicts": (
        "{category}={value}: max {needed} cannot be kept together with the other quotas;"
        " raising it by {amount} would make a panel possible"
    ),
    "no_panel": "no panel of this size exists even with every quota relaxed (check the households)",
}


@dataclass(frozen=True)
class Problem:
    kind: str
    category: str = ""
    value: str = ""
    needed: int = 0
    available: int = 0
    total: int = 0
    size: int = 0
    amount: int = 0

    def __str__(self):
        return SENTENCES[self.kind].format(**vars(self))


def explain(instance):
    """Sentences naming the quotas that conflict and by how much; empty when a panel exists.

    Plain counting catches the usual mistakes; for the rest an integer program finds the
    smallest total change to minimums and maximums that would make a panel possible.
    """
    size, k = len(instance.respondents), instance.panel_size
    problems = []
    if k > size:
        problems.append(Problem("pool_too_small", needed=k, available=size))
    for category in instance.categories:
        quotas = [q for q in instance.quotas if q.category == category]
        low, high = sum(q.min for q in quotas), sum(q.max for q in quotas)
        if low > k:
            problems.append(Problem("minimums_too_high", category, total=low, size=k, amount=low - k))
        if high < k:
            problems.append(Problem("maximums_too_low", category, total=high, size=k, amount=k - high))
        for quota in quotas:
            available = len(instance.members(quota))
            if quota.min > available:
                problems.append(
                    Problem(
                        "too_few_with_value",
                        category,
                        quota.value,
                        needed=quota.min,
                        available=available,
                        amount=quota.min - available,
                    )
                )
    if problems:
        return problems
    return relaxation(instance)


def relaxation(instance):
    """The least total loosening of quotas that makes a panel possible, quota by quota."""
    size, quotas = len(instance.respondents), instance.quotas
    highs = quiet_highs()
    # columns: x (size, binary), then for each quota: lower slack, upper slack
    columns = size + 2 * len(quotas)
    highs.addVars(columns, np.zeros(columns), np.array([1.0] * size + [INF] * (2 * len(quotas))))
    highs.changeColsIntegrality(
        columns, np.arange(columns, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * columns)
    )
    costs = np.array([0.0] * size + [1.0] * (2 * len(quotas)))
    highs.changeColsCost(columns, np.arange(columns, dtype=np.int32), costs)
    rows = [(instance.panel_size, instance.panel_size, list(range(size)), [1.0] * size)]
    for q, quota in enumerate(quotas):
        members = instance.members(quota)
        below, above = size + 2 * q, size + 2 * q + 1
        rows.append((quota.min, INF, members + [below], [1.0] * len(members) + [1.0]))
        rows.append((-INF, quota.max, members + [above], [1.0] * len(members) + [-1.0]))
    if instance.one_per_household:
        rows += [(0, 1, group, [1.0] * len(group)) for group in instance.households()]
    add_rows(highs, rows)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return [Problem("no_panel")]
    values = highs.getSolution().col_value
    problems = []
    for q, quota in enumerate(quotas):
        below, above = round(values[size + 2 * q]), round(values[size + 2 * q + 1])
        if below:
            problems.append(Problem("min_conflicts", quota.category, quota.value, needed=quota.min, amount=below))
        if above:
            problems.append(Problem("max_conflicts", quota.category, quota.value, needed=quota.max, amount=above))
    return problems
