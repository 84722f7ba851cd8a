"""Why quotas cannot all be met, in numbers a person can act on."""

import highspy
import numpy as np

from sortition.solver import INF, add_rows, quiet_highs


def explain(instance):
    """Sentences naming the quotas that conflict and by how much; empty when a panel exists.

    Plain counting catches the usual mistakes; for the rest an integer program finds the
    smallest total change to minimums and maximums that would make a panel possible.
    """
    size, k = len(instance.respondents), instance.panel_size
    problems = []
    if k > size:
        problems.append(f"the panel needs {k} people but the pool has only {size}")
    for category in instance.categories:
        quotas = [q for q in instance.quotas if q.category == category]
        low, high = sum(q.min for q in quotas), sum(q.max for q in quotas)
        if low > k:
            problems.append(f"the minimums of {category} add up to {low}, {low - k} more than the panel size {k}")
        if high < k:
            problems.append(f"the maximums of {category} add up to {high}, {k - high} fewer than the panel size {k}")
        for quota in quotas:
            available = len(instance.members(quota))
            if quota.min > available:
                problems.append(
                    f"{category}={quota.value} needs at least {quota.min} but only {available} respondents have it"
                    f" (short by {quota.min - available})"
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
        return ["no panel of this size exists even with every quota relaxed (check the households)"]
    values = highs.getSolution().col_value
    problems = []
    for q, quota in enumerate(quotas):
        below, above = round(values[size + 2 * q]), round(values[size + 2 * q + 1])
        if below:
            problems.append(
                f"{quota.category}={quota.value}: min {quota.min} cannot be met together with the other"
                f" quotas; lowering it by {below} would make a panel possible"
            )
        if above:
            problems.append(
                f"{quota.category}={quota.value}: max {quota.max} cannot be kept together with the other"
                f" quotas; raising it by {above} would make a panel possible"
            )
    return problems
