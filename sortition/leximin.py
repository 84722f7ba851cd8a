"""LEXIMIN by column generation (Flanigan et al., 2021), with HiGHS.

Round after round, find the largest probability that every still-unfixed person can
get, fix those who cannot get more, and repeat. Panels enter when they improve the
dual by more than ``IMPROVEMENT``. Two searches find them, side by side on the two
cores: a swap search near the known panels (``sortition.swaps``) and, for a short
while, the integer program. Once the swaps find nothing, the integer program runs to
the end, which proves that no panel is left, together with a second one at a smoothed
point. Everything runs over groups of interchangeable people (``sortition.groups``).

The integer program's early finds depend on timing, so two runs may hold different
panels; the probabilities they give everyone agree to within the tolerances below
(measured over three runs of four pools: 8e-5 at most)."""

import random
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from sortition.expansion import expand
from sortition.groups import groups_of, representative
from sortition.model import Distribution, marginals_of
from sortition.solver import CoverageLP, PanelOracle
from sortition.swaps import SwapSearch

IMPROVEMENT = 5e-4  # a new panel must raise the dual constraint by this much to be added
FIX_THRESHOLD = 1e-6  # dual weight above which a person's probability is fixed in the round
FIXED_SLACK = 1e-5  # how far below a round's optimum its people are fixed, for numerical safety
# Wentges smoothing: besides the LP's own duals, price the point this far towards the duals
# with the best bound seen in the round; the two integer programs run side by side
SMOOTHING = 0.9
# how long the integer program searches beside each climb before its best finds are taken
BESIDE_SECONDS = 0.05
CLIMBS = 30  # known profiles, the best at each solve's duals, from which the swap search climbs
# profiles the LP may hold before the nonbasic ones furthest from improving are dropped (to half)
COLUMN_LIMIT = 1000


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


class ColumnGeneration:
    """The LP over the profiles found so far, and the integer programs that find more."""

    def __init__(self, instance, groups, profiles, pricing):
        self.instance, self.groups, self.pricing = instance, groups, pricing
        self.sizes = np.array([len(group) for group in groups], dtype=float)
        self.known = set(profiles)  # the profiles in the LP
        self.generated = len(self.known)
        self.lp = CoverageLP(self.sizes, profiles)
        self.oracles = [PanelOracle(instance, groups), PanelOracle(instance, groups)]
        self.swaps = SwapSearch(instance, groups)

    def converge(self, floor, unfixed, deadline):
        """(duals, value) of the round once no panel improves them, or None when time runs out.

        After each LP solve the swaps climb while, on the other core, the integer program
        searches for ``BESIDE_SECONDS`` at the same duals (measured at n=312: the hardest pool
        went from 27 to 13 s, as the climbs alone tail off near the optimum). When the swaps
        find nothing, the integer programs run to the end: at the duals, which proves that no
        panel improves them, and at a smoothed point. Past ``COLUMN_LIMIT`` the LP sheds columns.

        ``floor`` holds the fixed probabilities, which turn any dual y into an upper bound
        on the round's optimum (best panel's weight − floor·y); the y with the best bound
        steers the smoothed point. Every group with a positive dual at the end
        cannot rise above the optimum, so it is fixed. Simplex duals usually bind many
        groups (measured: as many rounds as with interior point, 5 s sooner at n=312); when
        they bind one only, interior point without crossover spreads them over all that can.
        """
        interior = False
        center, center_bound = None, float("inf")
        while True:
            duals, prices, ceiling, value = self.lp.solve(interior=interior)
            if not interior and len(self.lp.profiles) > COLUMN_LIMIT:
                self.known.difference_update(self.lp.prune(duals, COLUMN_LIMIT // 2))
            beside = self.pricing.submit(self.oracles[0].good_panels, prices, time_limit=BESIDE_SECONDS)
            climbed = self.climbed(duals, ceiling)
            searches = [(duals, *beside.result())]
            if not climbed:
                jobs = [] if searches[0][2] else [(self.oracles[0], duals)]
                if center is not None and not interior:
                    jobs.append((self.oracles[1], SMOOTHING * center + (1 - SMOOTHING) * duals))
                results = self.pricing.map(lambda job: job[0].good_panels(job[1] / self.sizes), jobs)
                searches += [(point, *result) for (_oracle, point), result in zip(jobs, results, strict=True)]
            for point, panels, proved in searches:
                bound = panels[0][1] - float(floor @ point) if proved and panels else float("inf")
                if not interior and bound < center_bound:
                    center, center_bound = point, bound
            improving = [
                profile
                for _point, panels, _proved in searches
                for profile, _weight in panels
                if float(prices @ np.array(profile)) > ceiling + IMPROVEMENT and self.admit(profile)
            ]
            if time.monotonic() > deadline:
                return None
            if climbed or improving:
                interior = False
            elif interior or np.count_nonzero(duals[unfixed] > FIX_THRESHOLD) > 1 or np.count_nonzero(unfixed) == 1:
                return duals, value
            else:
                interior = True  # the interior duals are checked by pricing like the others

    def climbed(self, duals, ceiling):
        """Whether swaps from the best known profiles found improving ones (which are added)."""
        prices = duals / self.sizes
        starts = np.argsort(-(self.lp.coverage[: len(self.lp.profiles)] @ duals))[:CLIMBS]
        found = {self.swaps.climb(self.lp.profiles[k], prices) for k in starts}
        return sum(float(prices @ np.array(p)) > ceiling + IMPROVEMENT and self.admit(p) for p in found) > 0

    def admit(self, profile):
        """Add a new profile to the LP (once; the integer program's answer is checked)."""
        if profile in self.known or not self.instance.respects_quotas(representative(profile, self.groups)):
            return False
        self.known.add(profile)
        self.generated += 1
        self.lp.add_panel(profile)
        return True


def leximin(instance, seed=0, time_budget=600.0, panel_cap=None):
    """The LEXIMIN distribution; falls back to MAXIMIN over the panels found when the budget runs out.

    Computed over groups of interchangeable people (``sortition.groups``), then expanded
    to panels of people with the same probabilities.
    """
    started = time.monotonic()
    deadline = started + time_budget
    groups = groups_of(instance)
    count = len(groups)
    initial, never = initial_panels(PanelOracle(instance, groups), count, seed, panel_cap or 3 * count, deadline)
    if not initial:
        raise ValueError("no panel meets the quotas")
    with ThreadPoolExecutor(2) as pricing:
        search = ColumnGeneration(instance, groups, initial, pricing)
        fixed = {}
        for g in never:
            fixed[g] = 0.0
            search.lp.fix(g, 0.0)
        notes, rounds = [], 0
        while len(fixed) < count:
            floor = np.array([fixed.get(g, 0.0) for g in range(count)])
            unfixed = np.array([g not in fixed for g in range(count)])
            settled = search.converge(floor, unfixed, deadline) if time.monotonic() < deadline else None
            if settled is None:
                # out of time: fix nobody on unconverged duals
                notes.append(
                    f"time budget of {time_budget:.0f} s ran out after {rounds} LEXIMIN rounds: "
                    "the people not fixed yet share a MAXIMIN distribution over the panels found"
                )
                break
            duals, value = settled
            waiting = np.flatnonzero(unfixed)
            newly = [g for g in waiting if duals[g] > FIX_THRESHOLD] or [max(waiting, key=lambda g: duals[g])]
            for g in newly:
                # a hair below the optimum: interior-point values can overshoot by ~1e-7, and fixing
                # above what the panels allow would make the next round infeasible
                fixed[g] = max(value - FIXED_SLACK, 0.0)
                search.lp.fix(g, fixed[g])
            rounds += 1

    search.lp.solve()
    probabilities = search.lp.distribution()
    kept = [(p, q) for p, q in zip(search.lp.profiles, probabilities, strict=True) if q > 1e-9]
    total = sum(q for _p, q in kept)
    panels, probabilities = expand([p for p, _q in kept], [q / total for _p, q in kept], groups)
    algorithm = "leximin" if not notes else "maximin-fallback"
    notes.append(
        f"{rounds} rounds, {search.generated} panels generated over {count} groups of interchangeable people, "
        f"{time.monotonic() - started:.1f} s"
    )
    size = len(instance.respondents)
    return Distribution(panels, probabilities, marginals_of(panels, probabilities, size), algorithm, notes)
