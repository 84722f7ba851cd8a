"""Groups of interchangeable people: LEXIMIN over counts, then back to people without losing a probability."""

import random
from collections import Counter

import pytest

from sortition.expansion import expand
from sortition.groups import groups_of, profile_of, spread
from sortition.leximin import leximin
from sortition.lottery import round_to_lottery
from sortition.model import Instance, Quota, Respondent


def district_instance(size=60, seed=4):
    rng = random.Random(seed)
    people = [
        Respondent(f"r{n}", {"gender": rng.choice("fm"), "district": rng.choice("abc"), "hobby": rng.choice("xyz")})
        for n in range(size)
    ]
    quotas = [Quota("gender", g, 3, 4) for g in "fm"] + [Quota("district", d, 2, 3) for d in "abc"]
    return Instance(people, quotas, 7)


def test_people_alike_in_every_quota_category_form_one_group():
    instance = district_instance()
    groups = groups_of(instance)
    assert len(groups) == 6  # 2 genders × 3 districts; the hobby has no quota
    for group in groups:
        features = [instance.respondents[n].features for n in group]
        assert len({(f["gender"], f["district"]) for f in features}) == 1
    assert sorted(n for group in groups for n in group) == list(range(60))


def test_housemates_are_never_interchangeable():
    people = [Respondent(f"p{n}", {"gender": "f"}, household="h1" if n < 2 else f"h{n}") for n in range(5)]
    instance = Instance(people, [Quota("gender", "f", 2, 2)], 2, one_per_household=True)
    assert sorted(groups_of(instance)) == [(0,), (1,), (2, 3, 4)]
    assert groups_of(Instance(people, instance.quotas, 2)) == [(0, 1, 2, 3, 4)]


def test_expanding_keeps_each_profile_and_gives_everyone_their_group_probability():
    rng = random.Random(1)
    groups = [tuple(range(0, 5)), tuple(range(5, 12)), tuple(range(12, 15))]
    profiles = [(2, 3, 1), (1, 4, 1), (3, 1, 2), (5, 0, 1), (0, 6, 0)]
    masses = [rng.random() for _ in profiles]
    masses = [m / sum(masses) for m in masses]
    panels, probabilities = expand(profiles, masses, groups)
    assert sum(probabilities) == pytest.approx(1)
    group_of = {n: g for g, group in enumerate(groups) for n in group}
    by_profile = Counter()
    for panel, probability in zip(panels, probabilities, strict=True):
        assert len(set(panel)) == len(panel) == 6
        by_profile[profile_of(panel, group_of, 3)] += probability
    assert by_profile == pytest.approx(dict(zip(profiles, masses, strict=True)))
    marginals = Counter()
    for panel, probability in zip(panels, probabilities, strict=True):
        for n in panel:
            marginals[n] += probability
    for g, group in enumerate(groups):
        expected = sum(m * p[g] for p, m in zip(profiles, masses, strict=True)) / len(group)
        assert [marginals[n] for n in group] == pytest.approx([expected] * len(group), abs=1e-7)
    assert len(panels) <= len(profiles) + 15  # a vertex leaves few shares fractional


def test_the_lottery_seats_people_of_one_group_equally_often():
    instance = district_instance()
    distribution = leximin(instance)
    groups = groups_of(instance)
    lottery = round_to_lottery(distribution, groups, 500)
    assert len(lottery) == 500
    assert all(instance.respects_quotas(panel) for panel in lottery)
    seats = Counter(n for panel in lottery for n in panel)
    for group in groups:
        counts = [seats[n] for n in group]
        assert max(counts) - min(counts) <= 1


def test_spreading_takes_each_group_in_turn():
    groups = [(0, 1, 2), (3, 4)]
    assert spread([(2, 1), (2, 1), (1, 1)], groups) == [(0, 1, 3), (0, 2, 4), (1, 3)]


def test_leximin_gives_interchangeable_people_the_same_probability():
    instance = district_instance()
    distribution = leximin(instance)
    for group in groups_of(instance):
        values = [distribution.marginals[n] for n in group]
        assert max(values) - min(values) < 1e-6
    assert all(instance.respects_quotas(panel) for panel in distribution.panels)
