"""From a distribution over profiles (seats per group) back to one over panels of people.

Everyone gets their group's probability exactly; a vertex of each group's share polytope
keeps the number of distinct panels small. Only the engine needs this (and a solver).
"""

import highspy
import numpy as np

from sortition.solver import add_rows, quiet_highs

EPSILON = 1e-9


def expand(profiles, probabilities, groups):
    """A distribution over panels of people in which everyone gets their group's probability.

    For each group, a vertex of {share r[m, j] of profile j's mass given to member m:
    0 ≤ r ≤ 1, Σ_m r = seats of the group in j, Σ_j q_j r = the same for all} has few
    fractional shares. Within profile j, systematic sampling with one offset v shared by
    all groups then picks exactly the right number of each group, and the panel changes
    only where some cumulative share crosses v, so the support stays small.
    """
    shares = [_shares(g, members, profiles, probabilities) for g, members in enumerate(groups)]
    panels = {}
    for j, (profile, mass) in enumerate(zip(profiles, probabilities, strict=True)):
        if mass <= EPSILON:
            continue
        cumulative = []
        cuts = {0.0, 1.0}
        for g, members in enumerate(groups):
            seats = profile[g]
            if 0 < seats < len(members):
                running = np.concatenate(([0.0], np.cumsum(shares[g][:, j])))
                running *= seats / running[-1]  # exactly ``seats`` whatever the solver's tolerance
                cumulative.append((members, running))
                cuts.update(float(c) for c in np.mod(running, 1.0))
            # a group sitting whole or not at all needs no choice
        base = [n for g, members in enumerate(groups) if profile[g] == len(members) for n in members]
        cuts = sorted(cuts)
        for low, high in zip(cuts, cuts[1:], strict=False):
            if high - low <= EPSILON:
                continue
            v = (low + high) / 2
            panel = list(base)
            for members, running in cumulative:
                chosen = np.ceil(running[1:] - v) - np.ceil(running[:-1] - v) > 0
                panel.extend(m for m, picked in zip(members, chosen, strict=True) if picked)
            key = tuple(sorted(panel))
            panels[key] = panels.get(key, 0.0) + mass * (high - low)
    return list(panels), list(panels.values())


def _shares(g, members, profiles, probabilities):
    """The shares r[m, j] of one group (members × profiles), at a vertex of their polytope."""
    size, count = len(members), len(profiles)
    shares = np.zeros((size, count))
    seats = np.array([profile[g] for profile in profiles], dtype=float)
    masses = np.asarray(probabilities, dtype=float)
    partial = np.flatnonzero((seats > 0) & (seats < size) & (masses > EPSILON))
    shares[:, seats >= size] = 1.0
    if not len(partial):
        return shares
    uniform = seats[partial] / size
    vertex = _vertex(size, masses[partial], seats[partial])
    shares[:, partial] = vertex if vertex is not None else np.tile(uniform, (size, 1))
    return shares


def _vertex(size, masses, seats):
    """A basic solution of the share polytope (variables r[m, j] stored member-major), or None."""
    count = len(masses)
    highs = quiet_highs()
    highs.setOptionValue("presolve", "off")
    highs.setOptionValue("solver", "simplex")
    highs.setOptionValue("primal_feasibility_tolerance", 1e-9)
    variables = size * count
    highs.addVars(variables, np.zeros(variables), np.ones(variables))
    target = float((masses * seats).sum() / size)
    rows = [(s, s, [m * count + j for m in range(size)], [1.0] * size) for j, s in enumerate(seats)]
    rows += [(target, target, [m * count + j for j in range(count)], list(masses)) for m in range(size)]
    add_rows(highs, rows)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    values = np.array(highs.getSolution().col_value).reshape(size, count)
    return np.clip(np.where(np.abs(values - np.round(values)) < 1e-7, np.round(values), values), 0.0, 1.0)
