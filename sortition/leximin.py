"""LEXIMIN by column generation (Flanigan et al., 2021), with HiGHS.

Round after round, find the largest probability that every still-unfixed person can
get, fix those who cannot get more, and repeat. Panels enter only when the integer
program finds one that improves the dual by more than ``IMPROVEMENT``.
"""

import random
import time
from dataclasses import dataclass, field

from sortition.groups import expand, groups_of, representative
from sortition.solver import CoverageLP, PanelOracle

IMPROVEMENT = 5e-4  # a new panel must raise the dual constraint by this much to be added
FIX_THRESHOLD = 1e-6  # dual weight above which a person's probability is fixed in the round
FIXED_SLACK = 1e-5  # how far below a round's optimum its people are fixed, for numerical safety


@dataclass
class Distribution:
    panels: list  # tuples of positions
    probabilities: list  # one per panel, summing to 1
    marginals: list  # each person's selection probability
    algorithm: str
    notes: list = field(default_factory=list)


def marginals_of(panels, probabilities, size):
    marginals = [0.0] * size
    for panel, probability in zip(panels, probabilities, strict=True):
        for n in panel:
            marginals[n] += probability
    return marginals


def initial_panels(oracle, count, seed, budget, deadline):
    """A first set of profiles seating every group that can sit at all; the others get 0."""
    rng = random.Random(seed)
    profiles, covered = [], set()
    while len(covered) < count and len(profiles) < budget and (not profiles or time.monotonic() < deadline):
        weights = [(0.0 if g in covered else 1.0) + rng.random() * 1e-3 for g in range(count)]
        found = oracle.best_panel(weights)
        if found is None:
            return [], set(range(count))
        seated = {g for g, seats in enumerate(found[0]) if seats}
        if seated <= covered:
            break
        profiles.append(found[0])
        covered |= seated
    never = set()
    for g in range(count):
        if g not in covered and time.monotonic() < deadline:
            found = oracle.best_panel([rng.random() for _ in range(count)], required=g)
            if found is None:
                never.add(g)
            else:
                profiles.append(found[0])
                covered |= {h for h, seats in enumerate(found[0]) if seats}
    return profiles, never


def leximin(instance, seed=0, time_budget=600.0, panel_cap=None):
    """The LEXIMIN distribution; falls back to MAXIMIN over the panels found when the budget runs out.

    Computed over groups of interchangeable people (``sortition.groups``), then expanded
    to panels of people with the same probabilities.
    """
    started = time.monotonic()
    deadline = started + time_budget
    groups = groups_of(instance)
    count = len(groups)
    oracle = PanelOracle(instance, groups)
    profiles, never = initial_panels(oracle, count, seed, panel_cap or 3 * count, deadline)
    if not profiles:
        raise ValueError("no panel meets the quotas")
    known = set(profiles)
    lp = CoverageLP([len(group) for group in groups], profiles)
    fixed = {}
    for g in never:
        fixed[g] = 0.0
        lp.fix(g, 0.0)
    notes, rounds = [], 0
    while len(fixed) < count:
        if time.monotonic() > deadline:
            notes.append(
                f"time budget of {time_budget:.0f} s ran out after {rounds} LEXIMIN rounds: "
                "the people not fixed yet share a MAXIMIN distribution over the panels found"
            )
            break
        unfixed = [g for g in range(count) if g not in fixed]
        interior = converged = False
        while True:
            duals, prices, ceiling, value = lp.solve(interior=interior)
            improving = [
                profile
                for profile, weight in oracle.good_panels(prices) or []
                if weight > ceiling + IMPROVEMENT
                and profile not in known
                and instance.respects_quotas(representative(profile, groups))
            ]
            if time.monotonic() > deadline:
                break
            if improving:
                for profile in improving:
                    profiles.append(profile)
                    known.add(profile)
                    lp.add_panel(profile)
                interior = False
            elif interior:
                converged = True
                break
            else:
                interior = True  # converged by simplex: check the interior duals before fixing anyone
        if not converged:
            continue  # out of time mid-round: fix nobody on unconverged duals; the loop head says so
        newly = [g for g in unfixed if duals[g] > FIX_THRESHOLD] or [max(unfixed, key=lambda g: duals[g])]
        for g in newly:
            # a hair below the optimum: interior-point values can overshoot by ~1e-7, and fixing
            # above what the panels allow would make the next round infeasible
            fixed[g] = max(value - FIXED_SLACK, 0.0)
            lp.fix(g, fixed[g])
        rounds += 1

    lp.solve()
    probabilities = lp.distribution()
    kept = [(p, q) for p, q in zip(profiles, probabilities, strict=True) if q > 1e-9]
    total = sum(q for _p, q in kept)
    panels, probabilities = expand([p for p, _q in kept], [q / total for _p, q in kept], groups)
    algorithm = "leximin" if not notes else "maximin-fallback"
    notes.append(
        f"{rounds} rounds, {len(known)} panels generated over {count} groups of interchangeable people, "
        f"{time.monotonic() - started:.1f} s"
    )
    size = len(instance.respondents)
    return Distribution(panels, probabilities, marginals_of(panels, probabilities, size), algorithm, notes)
