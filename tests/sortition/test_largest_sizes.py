"""The largest published size, quotas that admit no panel at that size, and a pool of 10,000.

Timings here are generous ceilings, far above what the benchmark measures (bench/RESULTS.md),
so that a slow shared machine does not fail them; what they catch is the fallback or a
computation that does not stop.
"""

import time
from dataclasses import replace

import pytest

from sortition.examples import generate
from sortition.feasibility import explain
from sortition.leximin import leximin
from sortition.model import Instance

pytestmark = pytest.mark.engine


def test_leximin_completes_at_the_papers_hardest_size_without_the_fallback():
    instance = generate(1727, 110, 7, seed=11)  # 731 groups; the paper needed 4,012 s with Gurobi
    distribution = leximin(instance, seed=11, time_budget=300)
    assert distribution.algorithm == "leximin" and distribution.share == 1
    assert min(distribution.marginals) > 0.039
    assert sum(distribution.marginals) == pytest.approx(110)
    assert all(instance.respects_quotas(panel) for panel in distribution.panels[:50])


def test_quotas_that_admit_no_panel_are_explained_fast_at_that_size():
    instance = generate(1727, 110, 7, seed=11)
    first = instance.quotas[0]
    too_many = replace(first, min=first.max + 30, max=first.max + 30)  # caught by counting
    started = time.monotonic()
    problems = explain(Instance(instance.respondents, [too_many, *instance.quotas[1:]], 110))
    assert time.monotonic() - started < 5
    assert problems[0].kind == "minimums_too_high"


def test_quotas_in_conflict_across_categories_are_explained_fast_at_that_size():
    """Only people with c1v0 may sit, and one more c0v0 is asked for than c1v0 has: counting sees
    nothing wrong, the integer program finds the smallest change."""
    instance = generate(1727, 110, 7, seed=11)
    c0, c1 = instance.categories[:2]
    both = sum(1 for r in instance.respondents if r.features[c1] == "c1v0" and r.features[c0] == "c0v0")
    quotas = []
    for quota in instance.quotas:
        if quota.category == c1:
            seats = 110 if quota.value == "c1v0" else 0
            quota = replace(quota, min=seats, max=seats)
        elif quota.category == c0:
            quota = replace(quota, min=both + 1 if quota.value == "c0v0" else 0, max=110)
        quotas.append(quota)
    started = time.monotonic()
    problems = explain(Instance(instance.respondents, quotas, 110))
    assert time.monotonic() - started < 5
    assert [(p.kind, p.value, p.amount) for p in problems] == [("min_conflicts", "c0v0", 1)]


def test_a_pool_of_ten_thousand_stops_at_its_budget_with_a_note():
    instance = generate(10000, 110, 7, seed=11)
    started = time.monotonic()
    distribution = leximin(instance, seed=1, time_budget=20)
    assert time.monotonic() - started < 60
    assert sum(distribution.probabilities) == pytest.approx(1)
    if distribution.algorithm != "leximin":
        assert "time budget of 20 s ran out" in distribution.notes[0] and 0 <= distribution.share < 1
