"""LEXIMIN by column generation (Flanigan et al., 2021), with HiGHS.

Round after round, find the largest probability that every still-unfixed person can
get, fix those who cannot get more, and repeat. Panels enter only when the integer
program finds one that improves the dual by more than ``IMPROVEMENT``.
"""

import random
import time
from dataclasses import dataclass, field

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


def initial_panels(instance, oracle, seed, budget, deadline):
    """A first set of panels covering everyone who can sit on some panel; the others get 0."""
    size = len(instance.respondents)
    rng = random.Random(seed)
    panels, covered = [], set()
    while len(covered) < size and len(panels) < budget and (not panels or time.monotonic() < deadline):
        weights = [(0.0 if n in covered else 1.0) + rng.random() * 1e-3 for n in range(size)]
        found = oracle.best_panel(weights)
        if found is None:
            return [], set(range(size))
        panel, _weight = found
        if set(panel) <= covered:
            break
        panels.append(panel)
        covered.update(panel)
    never = set()
    for n in range(size):
        if n not in covered and time.monotonic() < deadline:
            found = oracle.best_panel([rng.random() for _ in range(size)], required=n)
            if found is None:
                never.add(n)
            else:
                panels.append(found[0])
                covered.update(found[0])
    return panels, never


def leximin(instance, seed=0, time_budget=600.0, panel_cap=None):
    """The LEXIMIN distribution; falls back to MAXIMIN over the panels found when the budget runs out."""
    started = time.monotonic()
    deadline = started + time_budget
    size = len(instance.respondents)
    oracle = PanelOracle(instance)
    panels, never = initial_panels(instance, oracle, seed, panel_cap or 3 * size, deadline)
    if not panels:
        raise ValueError("no panel meets the quotas")
    known = set(panels)
    lp = CoverageLP(size, panels)
    fixed = {}
    for n in never:
        fixed[n] = 0.0
        lp.fix(n, 0.0)
    notes, rounds = [], 0
    while len(fixed) < size:
        if time.monotonic() > deadline:
            notes.append(
                f"time budget of {time_budget:.0f} s ran out after {rounds} LEXIMIN rounds: "
                "the people not fixed yet share a MAXIMIN distribution over the panels found"
            )
            break
        unfixed = [n for n in range(size) if n not in fixed]
        interior = converged = False
        while True:
            weights, ceiling, value = lp.solve(interior=interior)
            improving = [
                panel
                for panel, weight in oracle.good_panels(weights) or []
                if weight > ceiling + IMPROVEMENT and panel not in known and instance.respects_quotas(panel)
            ]
            if time.monotonic() > deadline:
                break
            if improving:
                for panel in improving:
                    panels.append(panel)
                    known.add(panel)
                    lp.add_panel(panel)
                interior = False
            elif interior:
                converged = True
                break
            else:
                interior = True  # converged by simplex: check the interior duals before fixing anyone
        if not converged:
            continue  # out of time mid-round: fix nobody on unconverged duals; the loop head says so
        newly = [n for n in unfixed if weights[n] > FIX_THRESHOLD] or [max(unfixed, key=lambda n: weights[n])]
        for n in newly:
            # a hair below the optimum: interior-point values can overshoot by ~1e-7, and fixing
            # above what the panels allow would make the next round infeasible
            fixed[n] = max(value - FIXED_SLACK, 0.0)
            lp.fix(n, fixed[n])
        rounds += 1

    lp.solve()
    probabilities = lp.distribution()
    kept = [(p, q) for p, q in zip(panels, probabilities, strict=True) if q > 1e-9]
    panels, probabilities = [p for p, _q in kept], [q for _p, q in kept]
    total = sum(probabilities)
    probabilities = [q / total for q in probabilities]
    algorithm = "leximin" if not notes else "maximin-fallback"
    notes.append(f"{rounds} rounds, {len(known)} panels generated, {time.monotonic() - started:.1f} s")
    return Distribution(panels, probabilities, marginals_of(panels, probabilities, size), algorithm, notes)
