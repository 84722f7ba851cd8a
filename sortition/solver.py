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
    """Finds the feasible profile of largest total weight (one integer program, costs changed per call).

    A profile says how many of each group of interchangeable people sit (see ``groups``).
    """

    def __init__(self, instance, groups, time_limit=10.0):
        count = len(groups)
        self.highs = quiet_highs()
        self.time_limit = float(time_limit)
        # an absolute gap well under leximin.IMPROVEMENT tells whether a panel improves the dual;
        # a relative gap would not, as the duals grow to tens in the last rounds
        self.highs.setOptionValue("mip_rel_gap", 0.0)
        self.highs.setOptionValue("mip_abs_gap", 1e-4)
        self.highs.setOptionValue("mip_improving_solution_save", True)
        # measured on recorded pricing problems: these solve at the root, where presolve,
        # symmetry detection and two of the heuristics cost more than half the time for the same optima
        self.highs.setOptionValue("presolve", "off")
        self.highs.setOptionValue("mip_detect_symmetry", False)
        self.highs.setOptionValue("mip_heuristic_run_feasibility_jump", False)
        self.highs.setOptionValue("mip_heuristic_run_root_reduced_cost", False)
        self.sizes = np.array([len(group) for group in groups], dtype=float)
        self.highs.addVars(count, np.zeros(count), self.sizes)
        self.highs.changeColsIntegrality(
            count, np.arange(count, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * count)
        )
        group_of = {n: g for g, group in enumerate(groups) for n in group}
        rows = [(instance.panel_size, instance.panel_size, list(range(count)), [1.0] * count)]
        for quota in instance.quotas:
            members = sorted({group_of[n] for n in instance.members(quota)})
            rows.append((quota.min, quota.max, members, [1.0] * len(members)))
        if instance.one_per_household:
            for household in instance.households():
                members = sorted({group_of[n] for n in household})
                rows.append((0, 1, members, [1.0] * len(members)))
        add_rows(self.highs, rows)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self.count = count

    def best_panel(self, weights, required=None):
        """(profile as a tuple of counts, its weight) of the best panel found, or None when none
        fits (or none was found in time)."""
        found, _proved = self.good_panels(weights, required)
        return found[0] if found else None

    def good_panels(self, weights, required=None, time_limit=None):
        """(profiles, proved): the best profile found first, then the others the search met, with
        their weights; ``proved`` when the first is the optimum.

        ``weights`` are per seat of each group; ``required`` is a group that must sit;
        ``time_limit`` stops the search early, keeping what it found.
        """
        self.highs.changeColsCost(self.count, np.arange(self.count, dtype=np.int32), np.asarray(weights, dtype=float))
        self.highs.setOptionValue("time_limit", time_limit or self.time_limit)
        if required is not None:
            self.highs.changeColBounds(required, 1.0, self.sizes[required])
        try:
            self.highs.run()
            proved = self.highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
            solution = self.highs.getSolution()
            rows = ([solution.col_value] if solution.value_valid else []) + [
                saved.col_value for saved in self.highs.getSavedMipSolutions()
            ]
        finally:
            if required is not None:
                self.highs.changeColBounds(required, 0.0, self.sizes[required])
        if not rows:
            return [], False
        counts = np.rint(np.array(rows)).astype(int)
        unique = list(dict.fromkeys(tuple(int(x) for x in row) for row in counts))
        weights = np.asarray(weights, dtype=float)
        return [(profile, float(weights @ np.array(profile))) for profile in unique], proved


class CoverageLP:
    """max z  s.t.  π_g ≥ z for unfixed groups g,  π_g ≥ f_g for fixed g,  Σ p_P = 1,  p ≥ 0,

    where π_g = Σ_P p_P · seats_g(P) / |g| is the probability of each member of group g.
    Profiles are columns, so column generation adds a column and the simplex restarts from
    the previous basis; fixing groups changes their rows in place, so rounds share it too.
    The row duals, divided by the group sizes, are the per-seat weights of the pricing
    problem. ``solve(interior=True)`` uses interior point without crossover, whose duals
    spread over every group whose probability cannot rise, so many are fixed in one round.
    """

    def __init__(self, sizes, profiles):
        self.sizes = np.asarray(sizes, dtype=float)
        self.count = len(sizes)
        self.profiles = []
        self.coverage = np.zeros((64, self.count))  # row i: profile i's share of each group's members
        self.highs = quiet_highs()
        self.highs.setOptionValue("presolve", "off")
        self.highs.setOptionValue("run_crossover", "off")
        self.highs.setOptionValue("simplex_strategy", 4)  # primal simplex: a new column keeps the basis feasible
        self.highs.setOptionValue("simplex_price_strategy", 0)  # measured: the fastest pricing on these LPs
        # measured on 8 pools of about 300: LEXIMIN 15 % faster without the bound perturbation
        self.highs.setOptionValue("primal_simplex_bound_perturbation_multiplier", 0.0)
        self.highs.addVar(0.0, 1.0)
        self.highs.changeColCost(0, 1.0)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        rows = [(0.0, INF, [0], [-1.0]) for _ in range(self.count)] + [(1.0, 1.0, [], [])]
        add_rows(self.highs, rows)
        for profile in profiles:
            self.add_panel(profile)

    def add_panel(self, profile):
        coverage = np.array(profile, dtype=float) / self.sizes
        indices = np.flatnonzero(coverage)
        self.highs.addCol(
            0.0,
            0.0,
            INF,
            len(indices) + 1,
            np.append(indices, self.count).astype(np.int32),
            np.append(coverage[indices], 1.0),
        )
        if len(self.profiles) == len(self.coverage):
            self.coverage = np.vstack([self.coverage, np.zeros_like(self.coverage)])
        self.coverage[len(self.profiles)] = coverage
        self.profiles.append(profile)

    def prune(self, duals, keep):
        """Drop nonbasic profiles, those furthest below the best dual weight, until ``keep`` remain.

        Every simplex iteration prices all columns, so its cost grows with them (measured:
        0.04 ms at 200 profiles, 0.3 ms at 3,000). Nonbasic columns leave the optimum
        unchanged and HiGHS keeps the basis of the others; a dropped profile that improves
        a later round is found again. Returns the dropped profiles.
        """
        status = self.highs.getBasis().col_status[1:]
        nonbasic = np.array([s != highspy.HighsBasisStatus.kBasic for s in status])
        weights = self.coverage[: len(self.profiles)] @ duals
        order = np.flatnonzero(nonbasic)[np.argsort(weights[nonbasic])]
        dropped = np.sort(order[: max(len(self.profiles) - keep, 0)])
        if not len(dropped):
            return []
        self.highs.deleteCols(len(dropped), (dropped + 1).astype(np.int32))
        kept = np.ones(len(self.profiles), dtype=bool)
        kept[dropped] = False
        gone = [self.profiles[i] for i in dropped]
        self.coverage = np.vstack([self.coverage[: len(self.profiles)][kept], np.zeros((64, self.count))])
        self.profiles = [p for p, k in zip(self.profiles, kept, strict=True) if k]
        return gone

    def fix(self, g, value):
        self.highs.changeCoeff(g, 0, 0.0)
        self.highs.changeRowBounds(g, value, INF)

    def solve(self, interior=False):
        """(duals y per group, per-seat weights y/|g|, the largest Σ over known profiles, objective z)."""
        basis = self.highs.getBasis() if interior else None
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
        duals = np.abs(np.array(self.highs.getSolution().row_dual[: self.count]))
        ceiling = self.ceiling(duals)
        value = float(self.highs.getInfo().objective_function_value)
        if basis is not None and basis.valid:
            # interior point leaves no basis: the next simplex would start cold (measured: 10 times slower)
            self.highs.setBasis(basis)
        return duals, duals / self.sizes, ceiling, value

    def ceiling(self, duals):
        """The largest dual weight of a known profile."""
        return float((self.coverage[: len(self.profiles)] @ duals).max())

    def distribution(self):
        """Profile probabilities of the last solve."""
        values = np.clip(np.array(self.highs.getSolution().col_value[1:]), 0.0, None)
        return values / values.sum()
