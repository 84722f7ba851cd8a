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

    def __init__(self, instance, time_limit=10.0):
        self.instance = instance
        n = len(instance.respondents)
        self.highs = quiet_highs()
        self.highs.setOptionValue("time_limit", float(time_limit))
        # gaps well under leximin.IMPROVEMENT: enough to tell whether a panel improves the dual
        self.highs.setOptionValue("mip_rel_gap", 1e-4)
        self.highs.setOptionValue("mip_abs_gap", 1e-5)
        self.highs.setOptionValue("mip_improving_solution_save", True)
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
        found = self.good_panels(weights, required)
        return found[0] if found else None

    def good_panels(self, weights, required=None):
        """The best panel first, then the other improving panels the search met, with their weights."""
        self.highs.changeColsCost(self.size, np.arange(self.size, dtype=np.int32), np.asarray(weights, dtype=float))
        if required is not None:
            self.highs.changeColBounds(required, 1.0, 1.0)
        try:
            self.highs.run()
            status = self.highs.getModelStatus()
            if status != highspy.HighsModelStatus.kOptimal:
                return None
            values = self.highs.getSolution().col_value
            saved = self.highs.getSavedMipSolutions()
        finally:
            if required is not None:
                self.highs.changeColBounds(required, 0.0, 1.0)
        chosen = np.array([values] + [solution.col_value for solution in saved]) > 0.5
        unique = list(dict.fromkeys(tuple(int(n) for n in np.flatnonzero(row)) for row in chosen))
        weights = np.asarray(weights, dtype=float)
        return [(panel, float(weights[list(panel)].sum())) for panel in unique]


class CoverageLP:
    """max z  s.t.  Σ_{P∋n} p_P ≥ z for unfixed n,  Σ_{P∋n} p_P ≥ f_n for fixed n,  Σ p_P = 1,  p ≥ 0.

    Panels are columns, so column generation adds a column and the simplex restarts from
    the previous basis; fixing people changes their rows in place, so rounds share it too.
    The row duals are the weights y of the pricing problem. The last solve of a round uses
    interior point without crossover, whose duals spread over every person whose
    probability cannot rise, so many are fixed in one round.
    """

    def __init__(self, size, panels):
        self.size = size
        self.panels = []
        self.highs = quiet_highs()
        self.highs.setOptionValue("presolve", "off")
        self.highs.setOptionValue("run_crossover", "off")
        self.highs.setOptionValue("simplex_strategy", 4)  # primal simplex: a new column keeps the basis feasible
        self.highs.addVar(0.0, 1.0)
        self.highs.changeColCost(0, 1.0)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        rows = [(0.0, INF, [0], [-1.0]) for _ in range(size)] + [(1.0, 1.0, [], [])]
        add_rows(self.highs, rows)
        for panel in panels:
            self.add_panel(panel)

    def add_panel(self, panel):
        indices = np.array(list(panel) + [self.size], dtype=np.int32)
        self.highs.addCol(0.0, 0.0, INF, len(indices), indices, np.ones(len(indices)))
        self.panels.append(panel)

    def fix(self, n, value):
        self.highs.changeCoeff(n, 0, 0.0)
        self.highs.changeRowBounds(n, value, INF)

    def solve(self, interior=False):
        """(weights y, the largest Σ y over known panels, objective z)."""
        self.highs.setOptionValue("solver", "ipm" if interior else "simplex")
        self.highs.run()
        status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal and interior:
            # The interior point method can stall on degenerate instances: simplex always concludes.
            self.highs.setOptionValue("solver", "simplex")
            self.highs.run()
            status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(
                f"the LP over known panels could not be solved: {self.highs.modelStatusToString(status)}"
            )
        solution = self.highs.getSolution()
        weights = np.abs(np.array(solution.row_dual[: self.size]))
        ceiling = max(float(weights[list(panel)].sum()) for panel in self.panels)
        return weights, ceiling, float(self.highs.getInfo().objective_function_value)

    def distribution(self):
        """Panel probabilities of the last solve."""
        values = np.clip(np.array(self.highs.getSolution().col_value[1:]), 0.0, None)
        return values / values.sum()
