"""Writing a point of expected seats as a mix of real panels, by column generation.

The master LP holds the profiles found so far and finds the mix λ whose expected seats
come closest to the target, in total absolute difference of seats. Its duals u
price a profile p at u·p + v: a positive price means p brings the mix closer. Once no
profile has one, the integer program's proof gives an inequality every panel meets and
the target breaks (``sortition.relaxation`` then takes it as a cut).

Profiles of a hundred seats make the simplex basis dense: at 1,414 groups one iteration
took 28 ms and a solve from scratch 141 s. Past ``FIRST_ORDER_FROM`` groups the LP is
solved by HiGHS's first-order method (PDLP), which only multiplies by the matrix: 16 s on
the same LP, to 2e-8 seats. Below, the simplex is quick (2 s at 317 groups) and, unlike
PDLP, quick too when the panels do not contain the target yet. Only the active profiles
stay: past ``limit`` the LP drops those that carry no mass, priced furthest below zero first.
"""

import highspy
import numpy as np

from sortition.solver import INF, add_rows, quiet_highs

FIRST_ORDER_FROM = 1000  # groups from which the master LP is solved by PDLP rather than the simplex
PDLP_ITERATIONS = 80_000
MASS = 1e-12  # a profile with less than this probability in the mix carries none


class Decomposition:
    """min Σ (s⁺ + s⁻)  s.t.  Σ_j λ_j·p_j + s⁺ − s⁻ = target,  Σ λ = 1,  λ, s ≥ 0."""

    def __init__(self, target, sizes, profiles, limit):
        self.count = count = len(target)
        self.target = np.asarray(target, dtype=float)
        self.sizes = np.asarray(sizes, dtype=float)
        self.limit = limit
        self.profiles = []
        self.known = set()
        self.matrix = np.zeros((64, count), dtype=np.int16)  # row i: profile i's seats (a panel has < 32,768)
        self.highs = quiet_highs()
        self.highs.setOptionValue("presolve", "off")
        if count >= FIRST_ORDER_FROM:
            self.highs.setOptionValue("solver", "pdlp")
            # measured at 1,414 groups: 49,000 iterations (16 s) when the panels contain the target,
            # over 300,000 when they do not yet, where more panels help sooner
            self.highs.setOptionValue("pdlp_iteration_limit", PDLP_ITERATIONS)
        else:
            self.highs.setOptionValue("simplex_strategy", 4)  # primal simplex: a new column keeps the basis feasible
        self.highs.addVars(2 * count, np.zeros(2 * count), np.full(2 * count, INF))
        self.highs.changeColsCost(2 * count, np.arange(2 * count, dtype=np.int32), np.ones(2 * count))
        rows = [(t, t, [g, count + g], [1.0, -1.0]) for g, t in enumerate(self.target)] + [(1.0, 1.0, [], [])]
        add_rows(self.highs, rows)
        self.values = None  # λ of the last solve
        for profile in profiles:
            self.add(profile)

    def retarget(self, target):
        self.target = np.asarray(target, dtype=float)
        for g, t in enumerate(self.target):
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

    def solve(self, time_limit):
        """(gap, u, v): the largest difference between a person's probability in the mix and in the
        target, and the duals that price a profile p at u·p + v; None when ``time_limit`` seconds were
        not enough. The gap is measured on the mix itself, whatever the method's tolerances."""
        self.highs.setOptionValue("time_limit", max(float(time_limit), 0.01))
        self.highs.run()
        status = self.highs.getModelStatus()
        if status in (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kIterationLimit):
            return None
        if status != highspy.HighsModelStatus.kOptimal:
            reason = self.highs.modelStatusToString(status)
            raise RuntimeError(f"the LP over known panels could not be solved: {reason}")
        solution = self.highs.getSolution()
        self.values = np.clip(np.array(solution.col_value[2 * self.count :]), 0.0, None)
        self.values /= self.values.sum()
        seats = self.values @ self.matrix[: len(self.profiles)]
        gap = float((np.abs(seats - self.target) / self.sizes).max())
        duals = np.array(solution.row_dual)
        return gap, duals[: self.count], float(duals[self.count])

    def prices(self, u, v):
        return self.matrix[: len(self.profiles)] @ u + v

    def shed(self, u, v):
        """Past ``limit`` profiles, keep half (call between a solve and the next)."""
        if len(self.profiles) > self.limit:
            self.prune(u, v, self.limit // 2)

    def prune(self, u, v, keep):
        """Drop profiles without mass in the last solve, those priced furthest below zero first, until
        ``keep`` remain.

        Every iteration of either method works on all columns, so its cost grows with them.
        A column without mass leaves the optimum where it is; a dropped profile that helps
        later is found again.
        """
        massless = np.flatnonzero(self.values <= MASS)
        order = massless[np.argsort(self.prices(u, v)[massless])]
        dropped = np.sort(order[: max(len(self.profiles) - keep, 0)])
        if not len(dropped):
            return
        self.highs.deleteCols(len(dropped), (dropped + 2 * self.count).astype(np.int32))
        kept = np.ones(len(self.profiles), dtype=bool)
        kept[dropped] = False
        self.matrix = np.vstack([self.matrix[: len(self.profiles)][kept], np.zeros((64, self.count), np.int16)])
        self.known.difference_update(self.profiles[i] for i in dropped)
        self.profiles = [p for p, k in zip(self.profiles, kept, strict=True) if k]
        self.values = self.values[kept]

    def mix(self):
        """(profiles, probabilities) of the last solve, without the profiles that carry nothing."""
        kept = np.flatnonzero(self.values > MASS)
        return [self.profiles[i] for i in kept], [float(q) for q in self.values[kept] / self.values[kept].sum()]


def share(profiles, probabilities, target):
    """The smallest share of its target that a mix gives a group (1 when it reaches every target)."""
    seats = np.asarray(probabilities) @ np.array(profiles, dtype=float).reshape(len(profiles), len(target))
    wanted = np.asarray(target) > 1e-9
    return float(min(1.0, (seats[wanted] / np.asarray(target)[wanted]).min())) if wanted.any() else 1.0
