"""Writing a point of expected seats as a mix of real panels, by column generation.

The master LP holds the profiles found so far and finds the mix λ whose expected seats
come closest to the target, in total absolute difference (the "distance"). Its duals u
price a profile p at u·p + v: a positive price means p brings the mix closer. Once no
profile has one, the integer program's proof gives an inequality every panel meets and
the target breaks (``sortition.relaxation`` then takes it as a cut).

Only the active profiles stay: past ``limit`` the LP drops those that carry no mass and
price furthest below zero, and the swap search starts from the best-priced ones.
"""

import highspy
import numpy as np

from sortition.solver import INF, add_rows, quiet_highs


class Decomposition:
    """min Σ (s⁺ + s⁻)  s.t.  Σ_j λ_j·p_j + s⁺ − s⁻ = target,  Σ λ = 1,  λ, s ≥ 0."""

    def __init__(self, target, profiles, limit):
        self.count = count = len(target)
        self.limit = limit
        self.profiles = []
        self.known = set()
        self.matrix = np.zeros((64, count))  # row i: profile i's seats
        self.highs = quiet_highs()
        self.highs.setOptionValue("presolve", "off")
        self.highs.setOptionValue("simplex_strategy", 4)  # primal simplex: a new column keeps the basis feasible
        self.highs.addVars(2 * count, np.zeros(2 * count), np.full(2 * count, INF))
        self.highs.changeColsCost(2 * count, np.arange(2 * count, dtype=np.int32), np.ones(2 * count))
        rows = [(t, t, [g, count + g], [1.0, -1.0]) for g, t in enumerate(target)] + [(1.0, 1.0, [], [])]
        add_rows(self.highs, rows)
        for profile in profiles:
            self.add(profile)

    def retarget(self, target):
        for g, t in enumerate(target):
            self.highs.changeRowBounds(g, float(t), float(t))

    def add(self, profile):
        """Add a profile as a column, once; returns whether it is new."""
        if profile in self.known:
            return False
        self.known.add(profile)
        seats = np.array(profile, dtype=float)
        indices = np.flatnonzero(seats)
        self.highs.addCol(
            0.0,
            0.0,
            INF,
            len(indices) + 1,
            np.append(indices, self.count).astype(np.int32),
            np.append(seats[indices], 1.0),
        )
        if len(self.profiles) == len(self.matrix):
            self.matrix = np.vstack([self.matrix, np.zeros_like(self.matrix)])
        self.matrix[len(self.profiles)] = seats
        self.profiles.append(profile)
        return True

    def solve(self):
        """(distance, u, v): the distance left, and the duals that price a profile p at u·p + v."""
        self.highs.run()
        status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(
                f"the LP over known panels could not be solved: {self.highs.modelStatusToString(status)}"
            )
        duals = np.array(self.highs.getSolution().row_dual)
        distance = float(self.highs.getInfo().objective_function_value)
        return distance, duals[: self.count], float(duals[self.count])

    def prices(self, u, v):
        return self.matrix[: len(self.profiles)] @ u + v

    def shed(self, u, v):
        """Past ``limit`` profiles, keep half (call between a solve and the next)."""
        if len(self.profiles) > self.limit:
            self.prune(u, v, self.limit // 2)

    def prune(self, u, v, keep):
        """Drop profiles without mass, those priced furthest below zero first, until ``keep`` remain.

        Every simplex iteration prices all columns, so its cost grows with them. A nonbasic
        column leaves the optimum where it is and HiGHS keeps the basis of the others; a
        dropped profile that helps later is found again.
        """
        status = self.highs.getBasis().col_status[2 * self.count :]
        nonbasic = np.array([s != highspy.HighsBasisStatus.kBasic for s in status])
        candidates = np.flatnonzero(nonbasic)
        order = candidates[np.argsort(self.prices(u, v)[candidates])]
        dropped = np.sort(order[: max(len(self.profiles) - keep, 0)])
        if not len(dropped):
            return
        self.highs.deleteCols(len(dropped), (dropped + 2 * self.count).astype(np.int32))
        kept = np.ones(len(self.profiles), dtype=bool)
        kept[dropped] = False
        self.matrix = np.vstack([self.matrix[: len(self.profiles)][kept], np.zeros((64, self.count))])
        self.known.difference_update(self.profiles[i] for i in dropped)
        self.profiles = [p for p, k in zip(self.profiles, kept, strict=True) if k]

    def mix(self):
        """(profiles, probabilities) of the last solve, without the profiles that carry nothing."""
        values = np.clip(np.array(self.highs.getSolution().col_value[2 * self.count :]), 0.0, None)
        kept = np.flatnonzero(values > 1e-9)
        return [self.profiles[i] for i in kept], [float(q) for q in values[kept] / values[kept].sum()]


def largest_share(target, profiles):
    """(t, profiles, probabilities): the mix of ``profiles`` in which every group gets at least
    the share t of its target seats, for the largest t. The fallback when time runs out."""
    count = len(target)
    highs = quiet_highs()
    highs.addVars(len(profiles) + 1, np.zeros(len(profiles) + 1), np.append(np.full(len(profiles), INF), 1.0))
    highs.changeColCost(len(profiles), 1.0)
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    seats = np.array(profiles, dtype=float).reshape(len(profiles), count)
    rows = [(1.0, 1.0, list(range(len(profiles))), [1.0] * len(profiles))]
    for g in np.flatnonzero(np.asarray(target) > 1e-9):
        users = np.flatnonzero(seats[:, g])
        rows.append((0.0, INF, [*users, len(profiles)], [*seats[users, g], -float(target[g])]))
    add_rows(highs, rows)
    highs.run()
    values = np.clip(np.array(highs.getSolution().col_value[: len(profiles)]), 0.0, None)
    kept = np.flatnonzero(values > 1e-9)
    share = float(highs.getInfo().objective_function_value)
    return share, [profiles[i] for i in kept], [float(q) for q in values[kept] / values[kept].sum()]
