"""The swap search that prices most columns, and the pruning that keeps the LP small."""

import itertools
import random

import numpy as np
import pytest

from sortition.decomposition import Decomposition
from sortition.groups import groups_of, representative
from sortition.model import Instance, Quota, Respondent
from sortition.solver import PanelOracle
from sortition.swaps import SwapSearch


def mixed_instance(seed, households=False):
    """Three quota categories, one value left without a quota, and some shared addresses."""
    rng = random.Random(seed)
    people = [
        Respondent(
            f"r{n}",
            {"gender": rng.choice("fmx"), "age": rng.choice(["young", "middle", "old"]), "area": rng.choice("abcd")},
            household=f"h{rng.randrange(30)}",
        )
        for n in range(48)
    ]
    quotas = [Quota("gender", "f", 3, 5), Quota("gender", "m", 3, 5)]  # no quota for "x"
    quotas += [Quota("age", a, 2, 4) for a in ("young", "middle", "old")]
    quotas += [Quota("area", a, 1, 4) for a in "abcd"]
    return Instance(people, quotas, 10, one_per_household=households)


def seat_swaps(profile, groups):
    """Every profile one seat swap away."""
    for a, b in itertools.permutations(range(len(groups)), 2):
        if profile[a] and profile[b] < len(groups[b]):
            swapped = list(profile)
            swapped[a] -= 1
            swapped[b] += 1
            yield tuple(swapped)


@pytest.mark.parametrize("households", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_a_climb_keeps_every_quota_and_ends_where_no_swap_improves(seed, households):
    instance = mixed_instance(seed, households)
    groups = groups_of(instance)
    search = SwapSearch(instance, groups)
    rng = np.random.default_rng(seed)
    start, _ = PanelOracle(instance, groups).best_panel(list(rng.random(len(groups))))
    for _ in range(5):
        weights = rng.random(len(groups)) * rng.integers(0, 2, len(groups))
        end = search.climb(start, weights)
        assert instance.respects_quotas(representative(end, groups))
        assert weights @ np.array(end) >= weights @ np.array(start) - 1e-12
        for swapped in seat_swaps(end, groups):
            if instance.respects_quotas(representative(swapped, groups)):
                assert weights @ np.array(swapped) <= weights @ np.array(end) + 1e-9
        start = end


def test_pruning_drops_only_profiles_without_mass_and_keeps_the_optimum():
    instance = mixed_instance(7)
    groups = groups_of(instance)
    oracle = PanelOracle(instance, groups)
    rng = random.Random(3)
    profiles = list(dict.fromkeys(oracle.best_panel([rng.random() for _ in groups])[0] for _ in range(60)))
    target = np.mean([np.array(p, dtype=float) for p in profiles[:5]], axis=0)  # a mix of five of them
    master = Decomposition(target, np.ones(len(groups)), profiles, limit=len(profiles))
    gap, u, v = master.solve(time_limit=60)
    assert gap == pytest.approx(0, abs=1e-9)
    used = set(master.mix()[0])
    master.prune(u, v, keep=len(used))
    dropped = set(profiles) - set(master.profiles)
    assert dropped and not used & dropped
    assert master.known == set(master.profiles)
    for profile, seats in zip(master.profiles, master.matrix, strict=False):
        assert seats == pytest.approx(np.array(profile))
    assert master.solve(time_limit=60)[0] == pytest.approx(0, abs=1e-9)
    assert master.add(sorted(dropped)[0]) is True  # found again later, it comes back
