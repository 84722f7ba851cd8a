"""LEXIMIN in two steps: a bound from expected seats, then real panels that reach it.

Flanigan et al. (Nature, 2021) compute LEXIMIN round by round, each round a column
generation over panels; at a pool of 1,727 with 731 groups of interchangeable people that
does not finish in 25 minutes. Here the rounds run on the compact relaxation
(``sortition.relaxation``), which takes a fraction of a second and bounds every
distribution; a single column generation (``sortition.decomposition``) then finds a mix
of panels with exactly those expected seats. When the mix reaches the bound, no
distribution can be fairer, so the result is LEXIMIN without pricing every round. When
the integer program proves the bound out of reach, its proof becomes a cut and the
bound is computed again.

The start-up panels are herded: each one is the panel that best makes up the seats the
previous ones still owe the target, found by a swap climb from the last one, with the
integer program every few steps. Their running mean follows the target closely, so a
few hundred to a few thousand of them nearly contain it. Everything runs over groups of
interchangeable people (``sortition.groups``) and is expanded to people at the end.
"""

import random
import time
from dataclasses import dataclass

import numpy as np

from sortition.decomposition import Decomposition, share
from sortition.expansion import expand
from sortition.groups import groups_of
from sortition.model import Distribution, marginals_of
from sortition.relaxation import Infeasible, Relaxation
from sortition.solver import PROOF_GAP, PanelOracle
from sortition.swaps import SwapSearch

REACHED = 1e-6  # how far a person's probability in the mix may be from the bound
IMPROVES = 1e-6  # a profile enters the LP when its price is above this
CLIMBS = 30  # profiles of the LP, the best priced, from which the swap search climbs after each solve
MORE_PER_GROUP = 0.3  # panels per group herded again when the LP stops short of the bound
HERD_PER_GROUP = 1.4  # start-up panels per group (measured: 1,000 for 731 groups, 1,979 for 1,414, contain the bound)
ORACLE_EVERY = 20  # herding steps between two integer programs (each costs 0.14 s at 1,414 groups)
HERDING = 0.6  # share of the time budget the start-up panels may take
ACTIVE_PER_GROUP = 2  # profiles the LP may hold per group before it sheds half


class Cancelled(Exception):
    """Raised by a progress callback to stop the computation."""


@dataclass(frozen=True)
class Progress:
    """Where a computation stands, for whoever waits for it."""

    rounds: int  # LEXIMIN rounds of the current bound
    smallest: float  # the smallest probability of the bound, fixed in its first round
    panels: int  # panels generated so far
    gap: float | None  # the largest difference between a probability in the mix and the bound (None while herding)
    cuts: int  # inequalities the integer program added to the bound
    seconds: float


class Herd:
    """Panels whose running mean follows ``target`` (expected seats per group), as many as asked at a time."""

    def __init__(self, target, start, oracle, swaps, rng, tell):
        self.target, self.oracle, self.swaps, self.rng, self.tell = target, oracle, swaps, rng, tell
        self.owed = np.zeros(len(target))
        self.previous = start
        self.steps = 0

    def more(self, steps, deadline):
        """Up to ``steps`` more panels, fewer when ``deadline`` passes; ``tell(n)`` every 100."""
        panels = []
        for _ in range(steps):
            self.steps += 1
            self.owed += self.target
            weights = self.owed + self.rng.random(len(self.target)) * 1e-6  # ties broken by the seed
            candidates = [self.swaps.climb(self.previous, weights)]
            if self.steps % ORACLE_EVERY == 0:
                found = self.oracle.best_panel(weights)
                if found is not None:
                    candidates.append(found[0])
            self.previous = max(candidates, key=lambda profile: float(weights @ np.array(profile)))
            panels.append(self.previous)
            self.owed -= np.array(self.previous)
            if self.steps % 100 == 0:
                self.tell(self.steps)
            if time.monotonic() > deadline:
                break
        return panels


def leximin(instance, seed=0, time_budget=600.0, report=None):
    """The LEXIMIN distribution; past ``time_budget`` seconds, the best mix of the panels found.

    ``report`` is called with a ``Progress`` once the bound is known, every 100 start-up panels and
    after each solve of the LP; it may raise ``Cancelled`` to stop.
    The fallback is the best mix of the panels found, judged by the smallest share of its bound a group gets.
    """
    started = time.monotonic()
    deadline = started + time_budget
    groups = groups_of(instance)
    count = len(groups)
    relaxation = Relaxation(instance, groups)
    oracle = PanelOracle(instance, groups)
    try:
        target, levels, rounds = relaxation.leximin()
    except Infeasible:
        raise ValueError("no panel meets the quotas") from None
    first = oracle.best_panel(target)
    if first is None:
        raise ValueError("no panel meets the quotas")
    report = report or (lambda progress: None)

    def tell(panels, gap=None):
        elapsed = time.monotonic() - started
        report(Progress(rounds, float(levels.min()), panels, gap, relaxation.cuts, elapsed))

    tell(0)
    swaps = SwapSearch(instance, groups)
    rng = np.random.default_rng(random.Random(seed).getrandbits(64))
    steps = max(int(HERD_PER_GROUP * count), 20)
    sizes = np.array([len(group) for group in groups], dtype=float)
    master = Decomposition(target, sizes, [first[0]], limit=ACTIVE_PER_GROUP * count + 1000)
    herd = Herd(target, first[0], oracle, swaps, rng, tell)
    herded = herd.more(steps, started + HERDING * time_budget)
    generated = sum(master.add(p) for p in herded) + 1
    out_of_time = False
    while True:
        solved = master.solve(deadline - time.monotonic()) if time.monotonic() < deadline else None
        if solved is None and time.monotonic() < deadline:
            # the first-order method stops short when the panels do not contain the bound yet: herd more
            more = herd.more(max(int(MORE_PER_GROUP * count), 20), deadline)
            herded += more
            generated += sum(master.add(p) for p in more)
            continue
        if solved is None:
            out_of_time = True
            break
        gap, u, v = solved
        tell(generated, gap)
        if gap <= REACHED:
            break
        new = climbs(master, u, v, swaps)
        if not new:
            found, proved = oracle.good_panels(u, time_limit=max(deadline - time.monotonic(), 1.0))
            new = [profile for profile, weight in found if weight + v > IMPROVES]
            if not new and proved:
                bound = found[0][1] + PROOF_GAP
                if float(u @ target) <= bound + IMPROVES:
                    break  # the bound is as close to the panels as the integer program can tell
                relaxation.add_cut(u, bound)
                target, levels, rounds = relaxation.leximin()
                master.retarget(target)
        generated += sum(master.add(profile) for profile in new)
        master.shed(u, v)

    notes = []
    if out_of_time:
        mixes = [(herded, [1 / len(herded)] * len(herded))]  # the herded panels, equally likely
        if master.values is not None:
            mixes.append(master.mix())
        profiles, probabilities = max(mixes, key=lambda mix: share(*mix, target))
        sure = share(profiles, probabilities, target)
        notes.append(
            f"time budget of {time_budget:.0f} s ran out before the panels reached the fairest bound: everyone "
            f"gets at least {sure:.1%} of the probability the bound allows them (the best mix of the panels found)"
        )
        algorithm = "maximin-fallback"
    else:
        profiles, probabilities = master.mix()
        algorithm, sure = "leximin", 1.0
    panels, probabilities = expand(profiles, probabilities, groups)
    notes.append(
        f"{rounds} rounds, {generated} panels generated over {count} groups of interchangeable people, "
        f"{len(master.profiles)} kept, {relaxation.cuts} cuts, {time.monotonic() - started:.1f} s"
    )
    size = len(instance.respondents)
    marginals = marginals_of(panels, probabilities, size)
    return Distribution(panels, probabilities, marginals, algorithm, notes, sure)


def climbs(master, u, v, swaps):
    """Improving profiles reached by swaps from the best-priced profiles of the LP."""
    prices = master.prices(u, v)
    starts = np.argsort(-prices)[:CLIMBS]
    found = {swaps.climb(master.profiles[k], u) for k in starts}
    return [profile for profile in found if float(u @ np.array(profile)) + v > IMPROVES and profile not in master.known]
