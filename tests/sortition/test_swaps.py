"""The swap search that prices most columns, and the pruning that keeps the LP small."""

import itertools
import random

import numpy as np
import pytest

from sortition.groups import groups_of, representative
from sortition.model import Instance, Quota, Respondent
from sortition.solver import CoverageLP, PanelOracle
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


def test_pruning_drops_only_nonbasic_profiles_and_keeps_the_optimum():
    instance = mixed_instance(7)
    groups = groups_of(instance)
    sizes = np.array([len(group) for group in groups], dtype=float)
    oracle = PanelOracle(instance, groups)
    rng = random.Random(3)
    profiles = list(dict.fromkeys(oracle.best_panel([rng.random() for _ in groups])[0] for _ in range(60)))
    lp = CoverageLP(sizes, profiles)
    duals, _prices, _ceiling, value = lp.solve()
    used = {p for p, q in zip(lp.profiles, lp.distribution(), strict=True) if q > 1e-9}
    dropped = lp.prune(duals, keep=len(used))
    assert dropped and not used & set(dropped)
    assert sorted(lp.profiles + dropped) == sorted(profiles)
    for profile, coverage in zip(lp.profiles, lp.coverage, strict=False):
        assert coverage == pytest.approx(np.array(profile) / sizes)
    assert lp.solve()[3] == pytest.approx(value, abs=1e-9)
