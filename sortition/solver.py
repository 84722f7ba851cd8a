"""HiGHS models: the integer program that finds panels, and the LPs over known panels."""

import highspy
import numpy as np

INF = highspy.kHighsInf


def quiet_highs():
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("random_seed", 0)
    highs.setOptionValue("threads", 1)
    return highs


def add_rows(highs, rows):
    """``rows`` is a list of (lower, upper, indices, values)."""
    if not rows:
        return
    lower = np.array([row[0] for row in rows], dtype=float)
    upper = np.array([row[1] for row in rows], dtype=float)
    starts, indices, values = [], [], []
    for _lo, _up, row_indices, row_values in rows:
        starts.append(len(indices))
        indices.extend(row_indices)
        values.extend(row_values)
    highs.addRows(
        len(rows),
        lower,
        upper,
        len(indices),
        np.array(starts, dtype=np.int32),
        np.array(indices, dtype=np.int32),
        np.array(values, dtype=float),
    )


class PanelOracle:
    """Finds the feasible panel of largest total weight (one integer program, costs changed per call)."""

    def __init__(self, instance, time_limit=30.0):
        self.instance = instance
        n = len(instance.respondents)
        self.highs = quiet_highs()
        self.highs.setOptionValue("time_limit", float(time_limit))
        self.highs.setOptionValue("mip_rel_gap", 1e-6)
        self.highs.addVars(n, np.zeros(n), np.ones(n))
        self.highs.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
        rows = [(instance.panel_size, instance.panel_size, list(range(n)), [1.0] * n)]
        for quota in instance.quotas:
            members = instance.members(quota)
            rows.append((quota.min, quota.max, members, [1.0] * len(members)))
        if instance.one_per_household:
            rows += [(0, 1, group, [1.0] * len(group)) for group in instance.households()]
        add_rows(self.highs, rows)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self.size = n

    def best_panel(self, weights, required=None):
        """(panel as a sorted tuple of positions, its weight), or None when no panel fits."""
        self.highs.changeColsCost(self.size, np.arange(self.size, dtype=np.int32), np.asarray(weights, dtype=float))
        if required is not None:
            self.highs.changeColBounds(required, 1.0, 1.0)
        try:
            self.highs.run()
            status = self.highs.getModelStatus()
            if status != highspy.HighsModelStatus.kOptimal:
                return None
            values = self.highs.getSolution().col_value
        finally:
            if required is not None:
                self.highs.changeColBounds(required, 0.0, 1.0)
        panel = tuple(n for n in range(self.size) if values[n] > 0.5)
        return panel, float(sum(weights[n] for n in panel))


def solve_distribution(panels, size, lower_bounds, lifted):
    """Probabilities over ``panels`` that give person n at least ``lower_bounds[n]``, plus ``t`` for
    everyone in ``lifted``, with ``t`` as large as possible (MAXIMIN over ``lifted``)."""
    highs = quiet_highs()
    count = len(panels)
    highs.addVars(count + 1, np.zeros(count + 1), np.array([INF] * count + [1.0]))
    highs.changeColCost(count, 1.0)
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    covering = [[] for _ in range(size)]
    for column, panel in enumerate(panels):
        for n in panel:
            covering[n].append(column)
    rows = [(1.0, 1.0, list(range(count)), [1.0] * count)]
    for n in range(size):
        if n in lifted:
            rows.append((lower_bounds[n], INF, covering[n] + [count], [1.0] * len(covering[n]) + [-1.0]))
        else:
            rows.append((lower_bounds[n], INF, covering[n], [1.0] * len(covering[n])))
    add_rows(highs, rows)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    values = np.clip(np.array(highs.getSolution().col_value[:count]), 0.0, None)
    return values / values.sum()


class DualLP:
    """The dual of "maximise the smallest probability among the unfixed people" over known panels.

    min ŷ − Σ_fixed f_n·y_n  s.t.  Σ_{n∈P} y_n ≤ ŷ for every panel P,  Σ_unfixed y_n = 1,  y ≥ 0.
    Column generation re-solves it by warm-started simplex; the last solve of a round uses
    interior point without crossover, so the dual weights spread over every person whose
    probability cannot rise and many are fixed in one round.
    """

    def __init__(self, size, panels, fixed, unfixed):
        self.size = size
        self.highs = quiet_highs()
        self.highs.setOptionValue("run_crossover", "off")
        lower = np.array([0.0] * size + [-INF])
        upper = np.array([INF] * (size + 1))
        self.highs.addVars(size + 1, lower, upper)
        costs = np.array([-fixed.get(n, 0.0) for n in range(size)] + [1.0])
        self.highs.changeColsCost(size + 1, np.arange(size + 1, dtype=np.int32), costs)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMinimize)
        add_rows(self.highs, [(1.0, 1.0, list(unfixed), [1.0] * len(unfixed))])
        for panel in panels:
            self.add_panel(panel)

    def add_panel(self, panel):
        add_rows(self.highs, [(-INF, 0.0, list(panel) + [self.size], [1.0] * len(panel) + [-1.0])])

    def solve(self, interior=False):
        """(weights y, ŷ, objective value)."""
        self.highs.setOptionValue("solver", "ipm" if interior else "simplex")
        self.highs.run()
        status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal and interior:
            # The interior point method can stall on degenerate instances: simplex always concludes.
            self.highs.setOptionValue("solver", "simplex")
            self.highs.run()
            status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"the dual LP could not be solved: {self.highs.modelStatusToString(status)}")
        values = np.array(self.highs.getSolution().col_value)
        weights = np.clip(values[: self.size], 0.0, None)
        return weights, float(values[self.size]), float(self.highs.getInfo().objective_function_value)
