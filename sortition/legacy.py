"""The greedy method used before LEXIMIN, for comparison.

Fill the panel one person at a time: take the feature value whose remaining minimum is
most urgent relative to the people left who have it, pick one of them uniformly at
random, then drop everyone who would break a maximum. Restart on a dead end.
"""

import random

from sortition.leximin import Distribution


class DeadEnd(Exception):
    pass


def draw_once(instance, rng):
    people = set(range(len(instance.respondents)))
    counts = {(q.category, q.value): 0 for q in instance.quotas}
    quotas = {(q.category, q.value): q for q in instance.quotas}
    panel = []
    households_taken = set()
    while len(panel) < instance.panel_size:
        if not people:
            raise DeadEnd
        urgency = []
        for key, quota in quotas.items():
            available = [n for n in people if instance.respondents[n].features.get(key[0]) == key[1]]
            missing = quota.min - counts[key]
            if missing > len(available):
                raise DeadEnd
            if available and missing > 0:
                urgency.append((missing / len(available), key, available))
        if urgency:
            _ratio, _key, candidates = max(urgency, key=lambda item: (item[0], item[1]))
        else:
            candidates = sorted(people)
        chosen = rng.choice(sorted(candidates))
        panel.append(chosen)
        respondent = instance.respondents[chosen]
        for category, value in respondent.features.items():
            if (category, value) in counts:
                counts[(category, value)] += 1
        if instance.one_per_household and respondent.household:
            households_taken.add(respondent.household)
        people.discard(chosen)
        people = {n for n in people if fits(instance, n, counts, quotas, households_taken)}
    if not instance.respects_quotas(panel):
        raise DeadEnd
    return tuple(sorted(panel))


def fits(instance, n, counts, quotas, households_taken):
    respondent = instance.respondents[n]
    if instance.one_per_household and respondent.household in households_taken:
        return False
    for category, value in respondent.features.items():
        key = (category, value)
        if key in quotas and counts[key] >= quotas[key].max:
            return False
    return True


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
    marginals = [0.0] * len(instance.respondents)
    for panel, probability in zip(panels, probabilities, strict=True):
        for n in panel:
            marginals[n] += probability
    notes = [f"probabilities estimated from {samples} greedy draws"]
    return Distribution(panels, probabilities, marginals, "legacy", notes)
