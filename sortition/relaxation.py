"""LEXIMIN over expected seats: a compact LP whose answer bounds every distribution's.

A distribution over panels gives each group an expected number of seats x_g, and x meets
the panel size, every quota and every household limit, because each panel does. So the
LEXIMIN of the probabilities x_g / |g| over that polytope is at least as fair as the
LEXIMIN over real panels: an upper bound, computed with one small LP per round instead of
column generation. On the generated pools of the benchmark the bound is reached (the
point is a mix of real panels, see ``sortition.decomposition``). When it is not, the
integer program proves an inequality that every panel meets and the point breaks; it is
added here as a cut, and the LEXIMIN is computed again over the smaller polytope.
"""

import highspy
import numpy as np

from sortition.solver import INF, add_rows, profile_rows, quiet_highs

STUCK = 1e-9  # a dual above this marks a group whose probability cannot rise further in the round
# how far below a round's optimum its groups are fixed, for numerical safety: with 1e-7, the primal
# tolerance of earlier rounds made a later one infeasible (a pool of 161 people, round 13 of 15)
SLACK = 1e-6
RETRIES = 3  # times a round found infeasible is tried again with every fixed level lowered by SLACK


class Infeasible(ValueError):
    pass


class Relaxation:
    """max z over x (seats per group) with x_g ≥ |g|·z for the groups not fixed yet, x_g ≥ |g|·f_g for the others."""

    def __init__(self, instance, groups):
        self.sizes = np.array([len(group) for group in groups], dtype=float)
        self.count = count = len(groups)
        self.highs = quiet_highs()
        self.highs.setOptionValue("presolve", "off")
        self.highs.setOptionValue("solver", "simplex")
        # columns: x_0 … x_{count-1}, then z
        self.highs.addVars(count + 1, np.zeros(count + 1), np.append(self.sizes, 1.0))
        self.highs.changeColCost(count, 1.0)
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        rows = profile_rows(instance, groups)
        self.first = len(rows)  # the probability rows follow the panel's own rows
        rows += [(0.0, INF, [g, count], [1.0, -self.sizes[g]]) for g in range(count)]
        add_rows(self.highs, rows)
        self.cuts = 0

    def add_cut(self, weights, bound):
        """Every panel meets Σ weights_g·seats_g ≤ bound (proved by the integer program)."""
        indices = np.flatnonzero(np.abs(weights) > 1e-12)
        self.highs.addRow(-INF, float(bound), len(indices), indices.astype(np.int32), np.asarray(weights)[indices])
        self.cuts += 1

    def leximin(self):
        """(seats x per group, probability levels per group, rounds): the LEXIMIN point over this polytope.

        Each round maximises the smallest probability of the groups not fixed yet; the groups
        whose row has a positive dual cannot rise above it in any optimum, so they are fixed
        there. Simplex duals are exact, so a fixed group is always a stuck one.
        """
        count = self.count
        for g in range(count):
            self.highs.changeCoeff(self.first + g, count, -self.sizes[g])
            self.highs.changeRowBounds(self.first + g, 0.0, INF)
        levels = np.full(count, -1.0)
        rounds = 0
        retries = 0
        while (levels < 0).any():
            self.highs.run()
            if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                if rounds == 0 or retries == RETRIES:
                    raise Infeasible("no mix of panels meets the quotas")
                retries += 1
                for g in np.flatnonzero(levels >= 0):
                    levels[g] = max(levels[g] - SLACK, 0.0)
                    self.highs.changeRowBounds(self.first + g, levels[g] * self.sizes[g], INF)
                continue
            value = float(self.highs.getInfo().objective_function_value)
            # each round's optimum meets every level fixed so far and the ones fixed now (no solve
            # after the last round: with z in no row any more, HiGHS answered "unknown" on one pool)
            seats = np.clip(np.array(self.highs.getSolution().col_value[:count]), 0.0, self.sizes)
            duals = np.abs(np.array(self.highs.getSolution().row_dual[self.first : self.first + count]))
            waiting = np.flatnonzero(levels < 0)
            stuck = waiting[duals[waiting] > STUCK]
            if not len(stuck):
                stuck = waiting[[np.argmax(duals[waiting])]]
            for g in stuck:
                levels[g] = max(value - SLACK, 0.0)
                self.highs.changeCoeff(self.first + g, count, 0.0)
                self.highs.changeRowBounds(self.first + g, levels[g] * self.sizes[g], INF)
            rounds += 1
        return seats, levels, rounds
