"""The published audit record of a draw names no one (issue 18, item 8): before, it gave each public
reference's gender, age band and district, and 21 of the demo's 150 respondents had a unique
combination. Answers now show only where at least 5 people share them; verification still replays."""

import random
from collections import Counter

import pytest

from sortition import audit
from sortition.leximin import leximin
from sortition.model import Instance, Quota, Respondent

GENDERS, AGES, DISTRICTS = ["woman", "man"], ["16-29", "30-44", "45-64", "65+"], [f"d{n}" for n in range(6)]


@pytest.fixture(scope="module")
def drawn():
    rng = random.Random(7)
    respondents = [
        Respondent(
            f"r{n:03d}", {"gender": rng.choice(GENDERS), "age": rng.choice(AGES), "district": rng.choice(DISTRICTS)}
        )
        for n in range(150)
    ]
    quotas = [Quota("gender", value, 4, 6) for value in GENDERS] + [Quota("age", value, 1, 4) for value in AGES]
    quotas += [Quota("district", value, 0, 3) for value in DISTRICTS]
    instance = Instance(respondents, quotas, 10)
    distribution = leximin(instance, seed="public-seed", time_budget=60)
    panel, lottery = audit.choose(instance, distribution, "public-seed", 100, "3 7 1")
    record = audit.build(instance, distribution, seed="public-seed", requested_algorithm="leximin", inputs={})
    alternates = audit.alternates_for(instance, panel, "public-seed")
    return instance, audit.with_result(record, instance, panel, alternates, lottery)


def combination(features):
    return (features["gender"], features["age"], features["district"])


def test_no_published_answers_are_shared_by_fewer_than_five(drawn):
    instance, record = drawn
    truth = Counter(combination(r.features) for r in instance.respondents)
    assert min(truth.values()) < 5, "the pool must have rare combinations for this test to mean anything"
    shown = [r["features"] for r in record["respondents"] if not str(r["features"]["gender"]).startswith("hidden-")]
    assert shown and all(truth[combination(features)] >= 5 for features in shown)
    hidden = sum(1 for r in record["respondents"] if str(r["features"]["gender"]).startswith("hidden-"))
    assert hidden == sum(count for count in truth.values() if count < 5)


def test_the_totals_per_answer_cover_the_whole_pool(drawn):
    instance, record = drawn
    assert sum(record["pool_counts"]["district"].values()) == 150
    assert record["pool_counts"]["gender"] == dict(Counter(r.features["gender"] for r in instance.respondents))


def test_the_draw_still_replays_and_tampering_is_still_seen(drawn):
    _instance, record = drawn
    assert audit.check(record) == []
    tampered = {**record, "result": {**record["result"], "selected": sorted(record["result"]["selected"])[1:] + ["x"]}}
    assert audit.check(tampered) == ["replaying the draw gives a different panel"]
    first = record["distribution"][0]
    broken = {
        **record,
        "distribution": [{**first, "probability": first["probability"] + 0.1}, *record["distribution"][1:]],
    }
    assert any("add up" in failure for failure in audit.check(broken))


def test_hidden_tokens_keep_who_is_interchangeable(drawn):
    instance, record = drawn
    published = audit.instance_from(record)
    from sortition.groups import groups_of

    assert groups_of(published) == groups_of(instance)
