"""The audit record of a draw: what is published, how the panel follows from it, and its verification.

One format for the command line and the portal. Everything here runs on the standard
library: anyone can replay a published draw without installing a solver.
"""

import json
import random
from collections import Counter
from pathlib import Path

from sortition import __version__
from sortition.groups import groups_of
from sortition.lottery import lottery_hash, pick, round_to_lottery, sample
from sortition.model import Distribution, Instance, Quota, Respondent, marginals_of

TOLERANCE = 1e-6
# Answers are published per reference only where at least this many people of the pool gave the same
# ones: a rarer combination (the one woman over 75 of a small district) would name the person behind
# the reference. Their answers become a token shared by exactly the people who gave them.
MIN_SHARED = 5
HIDDEN = "hidden-"


def choose(instance, distribution, seed, lottery_size=None, randomness=None):
    """The panel and how it was chosen: a seeded draw, or a uniform lottery and public randomness."""
    ids = [r.id for r in instance.respondents]
    if lottery_size:
        lottery = round_to_lottery(distribution, groups_of(instance), lottery_size)
        digest = lottery_hash(lottery, ids)
        index = pick(digest, randomness, lottery_size)
        return lottery[index], {"size": lottery_size, "hash": digest, "randomness": randomness, "index": index}
    return sample(distribution, seed), None


def lottery_panels(instance, distribution, lottery_size):
    """The m equally likely panels, as lists of ids, exactly as their hash is computed."""
    ids = [r.id for r in instance.respondents]
    return [[ids[n] for n in panel] for panel in round_to_lottery(distribution, groups_of(instance), lottery_size)]


def alternates_for(instance, panel, seed):
    """Everyone not selected, in a seeded random order: the order in which to invite replacements."""
    rest = [n for n in range(len(instance.respondents)) if n not in set(panel)]
    random.Random(f"{seed}:alternates").shuffle(rest)
    return rest


def published_answers(instance, min_shared=MIN_SHARED):
    """Each respondent's answers to the quota categories, or, for a combination fewer than
    ``min_shared`` people share, one token per combination in every category.

    The tokens keep who is interchangeable with whom (``groups_of`` gives the same groups, so the
    lottery replays), and say nothing of the answers.
    """
    categories = instance.categories
    combination = [tuple(r.features.get(c) for c in categories) for r in instance.respondents]
    shared = Counter(combination)
    tokens = {}
    answers = []
    for combo in combination:
        if shared[combo] >= min_shared:
            answers.append(dict(zip(categories, combo, strict=True)))
        else:
            token = f"{HIDDEN}{tokens.setdefault(combo, len(tokens) + 1)}"
            answers.append(dict.fromkeys(categories, token))
    return answers


def pool_counts(instance):
    """How many people of the pool gave each answer: the whole pool, rare combinations included."""
    counts = {category: Counter() for category in instance.categories}
    for respondent in instance.respondents:
        for category in instance.categories:
            counts[category][respondent.features.get(category)] += 1
    return {category: dict(sorted(counts[category].items(), key=str)) for category in instance.categories}


def build(instance, distribution, *, seed, requested_algorithm, inputs, min_shared=MIN_SHARED):
    """The record published before the draw: inputs, quotas, the pool as far as it can be published, and the
    whole distribution."""
    ids = [r.id for r in instance.respondents]
    answers = published_answers(instance, min_shared)
    return {
        "tool": "sortition",
        "version": __version__,
        "algorithm": distribution.algorithm,
        "requested_algorithm": requested_algorithm,
        "seed": seed,
        "panel_size": instance.panel_size,
        "one_per_household": instance.one_per_household,
        "inputs": inputs,
        "quotas": [vars(q) for q in instance.quotas],
        "min_shared": min_shared,
        "pool_counts": pool_counts(instance),
        "respondents": [
            {"id": r.id, "features": shown, "household": r.household}
            for r, shown in zip(instance.respondents, answers, strict=True)
        ],
        "distribution": [
            {"panel": [ids[n] for n in p], "probability": q}
            for p, q in zip(distribution.panels, distribution.probabilities, strict=True)
        ],
        "probabilities": {ids[n]: distribution.marginals[n] for n in range(len(ids))},
        "notes": distribution.notes,
    }


def with_result(record, instance, panel, alternates, lottery):
    """The record completed with the draw: how the panel was picked, who sits, who is next."""
    ids = [r.id for r in instance.respondents]
    return {
        **record,
        "lottery": lottery,
        "result": {"selected": sorted(ids[n] for n in panel), "alternates": [ids[n] for n in alternates]},
    }


def instance_from(record):
    quotas = [Quota(**q) for q in record["quotas"]]
    respondents = [Respondent(r["id"], r["features"], r.get("household", "")) for r in record["respondents"]]
    return Instance(respondents, quotas, record["panel_size"], record.get("one_per_household", False))


def published(record):
    """The instance and the distribution exactly as the record publishes them."""
    instance = instance_from(record)
    index = instance.index
    panels = [tuple(sorted(index[i] for i in entry["panel"])) for entry in record["distribution"]]
    probabilities = [entry["probability"] for entry in record["distribution"]]
    marginals = [record["probabilities"][r.id] for r in instance.respondents]
    return instance, Distribution(panels, probabilities, marginals, record["algorithm"])


def consistent_with_quotas(instance, panel):
    """``Instance.respects_quotas`` on the published pool: people whose answers are hidden may count for
    any value, so a quota holds if the known members stay under its maximum and, with them, can reach
    its minimum. Exact when nothing is hidden."""
    chosen = set(panel)
    if len(chosen) != instance.panel_size or len(chosen) != len(panel):
        return False
    for quota in instance.quotas:
        values = [str(instance.respondents[n].features.get(quota.category)) for n in chosen]
        known = sum(1 for value in values if value == str(quota.value))
        hidden = sum(1 for value in values if value.startswith(HIDDEN))
        if known > quota.max or known + hidden < quota.min:
            return False
    if instance.one_per_household:
        return all(sum(1 for n in group if n in chosen) <= 1 for group in instance.households())
    return True


def read(path):
    """A record from the downloaded file itself, or from a folder holding ``audit.json``."""
    path = Path(path)
    if path.is_dir():
        path = path / "audit.json"
    return json.loads(path.read_text(encoding="utf-8"))


def check(record):
    """Replay a draw from its record: the list of what does not hold (empty when verified)."""
    instance, distribution = published(record)
    failures = []
    total = sum(distribution.probabilities)
    if abs(total - 1) > TOLERANCE:
        failures.append(f"the distribution's probabilities add up to {total}, not 1")
    broken = [p for p in distribution.panels if not consistent_with_quotas(instance, p)]
    if broken:
        failures.append(f"{len(broken)} panel(s) of the distribution break the quotas")
    marginals = marginals_of(distribution.panels, distribution.probabilities, len(instance.respondents))
    for n, respondent in enumerate(instance.respondents):
        if abs(marginals[n] - distribution.marginals[n]) > TOLERANCE:
            failures.append(f"the probability reported for {respondent.id} does not follow from the distribution")
            break
    lottery = record.get("lottery")
    if lottery:
        panel, replayed = choose(instance, distribution, record["seed"], lottery["size"], lottery["randomness"])
        if replayed["hash"] != lottery["hash"]:
            failures.append("the lottery of panels does not hash to the published value")
        if "index" in lottery and replayed["index"] != lottery["index"]:
            # identical panels may sit at several places of a lottery: the place drawn is checked too
            failures.append(
                f"the public randomness picks panel number {replayed['index']}, not number {lottery['index']}"
            )
    else:
        panel, _ = choose(instance, distribution, record["seed"])
    selected = sorted(instance.respondents[n].id for n in panel)
    if selected != record["result"]["selected"]:
        failures.append("replaying the draw gives a different panel")
    return failures
