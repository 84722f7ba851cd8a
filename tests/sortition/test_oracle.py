"""The integer program that finds the best panel for given weights, run to the end or cut short."""

import numpy as np
import pytest

from sortition.groups import groups_of, representative
from sortition.model import Instance, Quota, Respondent
from sortition.solver import PanelOracle
from tests.sortition.test_engine import all_panels, small_instance
from tests.sortition.test_swaps import mixed_instance


def profile_of(panel, groups):
    return tuple(sum(n in panel for n in group) for group in groups)


@pytest.mark.parametrize("seed", range(5))
def test_the_oracle_finds_the_best_profile_and_says_it_proved_it(seed):
    instance = small_instance(seed, size=10)
    groups = groups_of(instance)
    profiles = {profile_of(panel, groups) for panel in all_panels(instance)}
    oracle = PanelOracle(instance, groups)
    rng = np.random.default_rng(seed)
    for _ in range(5):
        weights = rng.random(len(groups))
        found, proved = oracle.good_panels(weights)
        assert proved
        assert found[0][1] == pytest.approx(max(weights @ np.array(p) for p in profiles), abs=1e-4)
        assert {profile for profile, _weight in found} <= profiles


def test_a_group_that_cannot_sit_gives_no_panel():
    people = [Respondent(f"p{n}", {"gender": "fmx"[n % 3]}) for n in range(9)]
    quotas = [Quota("gender", "f", 2, 2), Quota("gender", "m", 2, 2), Quota("gender", "x", 0, 0)]
    instance = Instance(people, quotas, 4)
    groups = groups_of(instance)
    oracle = PanelOracle(instance, groups)
    excluded = next(g for g, group in enumerate(groups) if people[group[0]].features["gender"] == "x")
    assert oracle.good_panels([1.0] * len(groups), required=excluded) == ([], False)
    assert oracle.best_panel([1.0] * len(groups), required=excluded) is None
    assert oracle.best_panel([1.0] * len(groups)) is not None  # the requirement was lifted again


def test_a_search_cut_short_keeps_only_panels_that_meet_the_quotas():
    """From limits too short to find anything to long enough to prove the optimum."""
    instance = mixed_instance(3, households=True)
    groups = groups_of(instance)
    oracle = PanelOracle(instance, groups)
    rng = np.random.default_rng(3)
    outcomes = set()
    for time_limit in np.geomspace(1e-5, 0.5, 25):
        weights = rng.random(len(groups))
        found, proved = oracle.good_panels(weights, time_limit=time_limit)
        for profile, weight in found:
            assert instance.respects_quotas(representative(profile, groups))
            assert weight == pytest.approx(weights @ np.array(profile))
        best, proved_after = oracle.good_panels(weights)  # the usual limit is back
        assert proved_after
        if proved:
            assert found[0][1] == pytest.approx(best[0][1], abs=1e-4)
        else:
            assert not found or found[0][1] <= best[0][1] + 1e-4
        outcomes.add(proved)
    assert outcomes == {False, True}
