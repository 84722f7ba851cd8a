"""The audit record of a draw: what is published, how the panel follows from it, and its verification.

One format for the command line and the portal. Everything here runs on the standard
library: anyone can replay a published draw without installing a solver.
"""

import json
import random
from pathlib import Path

from sortition import __version__
from sortition.groups import groups_of
from sortition.lottery import lottery_hash, pick, round_to_lottery, sample
from sortition.model import Distribution, Instance, Quota, Respondent, marginals_of

TOLERANCE = 1e-6


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


def build(instance, distribution, *, seed, requested_algorithm, inputs):
    """The record published before the draw: inputs, quotas, pool and the whole distribution."""
    ids = [r.id for r in instance.respondents]
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
        "respondents": [{"id": r.id, "features": r.features, "household": r.household} for r in instance.respondents],
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
    broken = [p for p in distribution.panels if not instance.respects_quotas(p)]
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
    else:
        panel, _ = choose(instance, distribution, record["seed"])
    selected = sorted(instance.respondents[n].id for n in panel)
    if selected != record["result"]["selected"]:
        failures.append("replaying the draw gives a different panel")
    return failures
