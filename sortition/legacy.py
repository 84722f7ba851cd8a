"""The greedy method used before LEXIMIN, for comparison.

Fill the panel one person at a time: take the feature value whose remaining minimum is
most urgent relative to the people left who have it, pick one of them uniformly at
random, then drop everyone who would break a maximum. Restart on a dead end.
"""

import random

from sortition.model import Distribution, marginals_of


class DeadEnd(Exception):
    pass


def draw_once(instance, rng):
    quotas = {(q.category, q.value): q for q in instance.quotas}
    available = {key: set(instance.members(quota)) for key, quota in quotas.items()}
    keys_of = [[(c, v) for c, v in r.features.items() if (c, v) in quotas] for r in instance.respondents]
    household_of = [r.household for r in instance.respondents]
    people = set(range(len(instance.respondents)))
    counts = dict.fromkeys(quotas, 0)
    panel = []

    def remove(n):
        people.discard(n)
        for key in keys_of[n]:
            available[key].discard(n)

    while len(panel) < instance.panel_size:
        if not people:
            raise DeadEnd
        urgency = []
        for key, quota in quotas.items():
            missing = quota.min - counts[key]
            if missing > len(available[key]):
                raise DeadEnd
            if missing > 0:
                urgency.append((missing / len(available[key]), key))
        candidates = available[max(urgency)[1]] if urgency else people
        chosen = rng.choice(sorted(candidates))
        panel.append(chosen)
        remove(chosen)
        for key in keys_of[chosen]:
            counts[key] += 1
            if counts[key] >= quotas[key].max:
                for n in list(available[key]):
                    remove(n)
        if instance.one_per_household and household_of[chosen]:
            for n in [n for n in people if household_of[n] == household_of[chosen]]:
                remove(n)
    if not instance.respects_quotas(panel):
        raise DeadEnd
    return tuple(sorted(panel))


def legacy_panel(instance, rng, attempts=200):
    for _ in range(attempts):
        try:
            return draw_once(instance, rng)
        except DeadEnd:
            continue
    raise ValueError("the greedy method found no panel meeting the quotas")


def legacy(instance, seed=0, samples=2000):
    """LEGACY's selection probabilities, estimated by drawing ``samples`` panels."""
    rng = random.Random(seed)
    tallies = {}
    for _ in range(samples):
        panel = legacy_panel(instance, rng)
        tallies[panel] = tallies.get(panel, 0) + 1
    panels = list(tallies)
    probabilities = [tallies[p] / samples for p in panels]
    marginals = marginals_of(panels, probabilities, len(instance.respondents))
    notes = [f"probabilities estimated from {samples} greedy draws"]
    return Distribution(panels, probabilities, marginals, "legacy", notes)
