"""HiGHS models: the integer program that finds panels, and the LPs over known panels."""

import highspy
import numpy as np

INF = highspy.kHighsInf
PROOF_GAP = 1e-4  # how far below the true best a proved answer of the integer program may be


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


def profile_rows(instance, groups):
    """The rows every profile (seats per group) must meet: the panel size, each quota, one per household."""
    count = len(groups)
    group_of = {n: g for g, group in enumerate(groups) for n in group}
    rows = [(instance.panel_size, instance.panel_size, list(range(count)), [1.0] * count)]
    for quota in instance.quotas:
        members = sorted({group_of[n] for n in instance.members(quota)})
        rows.append((quota.min, quota.max, members, [1.0] * len(members)))
    if instance.one_per_household:
        for household in instance.households():
            members = sorted({group_of[n] for n in household})
            rows.append((0, 1, members, [1.0] * len(members)))
    return rows


class PanelOracle:
    """Finds the feasible profile of largest total weight (one integer program, costs changed per call).

    A profile says how many of each group of interchangeable people sit (see ``groups``).
    """

    def __init__(self, instance, groups, time_limit=10.0):
        count = len(groups)
        self.highs = quiet_highs()
        self.time_limit = float(time_limit)
        # an absolute gap tells whether a panel improves the dual, whatever the scale of the weights
        self.highs.setOptionValue("mip_rel_gap", 0.0)
        self.highs.setOptionValue("mip_abs_gap", PROOF_GAP)
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
        add_rows(self.highs, profile_rows(instance, groups))
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
