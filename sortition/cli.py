"""Command line: ``python -m sortition select …`` and ``python -m sortition verify DIR``.

Exit status: 0 done, 1 verification failed, 2 bad input (nothing written).
"""

import argparse
import csv
import hashlib
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from sortition import __version__
from sortition.feasibility import explain
from sortition.files import InputError, read_categories, read_respondents
from sortition.groups import groups_of
from sortition.legacy import legacy
from sortition.leximin import Distribution, leximin, marginals_of
from sortition.lottery import lottery_hash, pick, round_to_lottery, sample
from sortition.model import Instance, Quota, Respondent

ALGORITHMS = {"leximin": leximin, "legacy": legacy}


def file_digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def choose(instance, distribution, seed, lottery_size=None, randomness=None):
    """The panel and how it was chosen: a seeded draw, or a uniform lottery and public randomness."""
    ids = [r.id for r in instance.respondents]
    if lottery_size:
        lottery = round_to_lottery(distribution, groups_of(instance), lottery_size)
        digest = lottery_hash(lottery, ids)
        index = pick(digest, randomness, lottery_size)
        return lottery[index], {"size": lottery_size, "hash": digest, "randomness": randomness, "index": index}
    return sample(distribution, seed), None


def alternates_for(instance, panel, seed):
    """Everyone not selected, in a seeded random order: the order in which to invite replacements."""
    rest = [n for n in range(len(instance.respondents)) if n not in set(panel)]
    random.Random(f"{seed}:alternates").shuffle(rest)
    return rest


def audit_record(args, instance, distribution, panel, alternates, lottery):
    ids = [r.id for r in instance.respondents]
    return {
        "tool": "sortition",
        "version": __version__,
        "algorithm": distribution.algorithm,
        "requested_algorithm": args.algorithm,
        "seed": args.seed,
        "panel_size": instance.panel_size,
        "one_per_household": instance.one_per_household,
        "inputs": {
            "categories": {"file": Path(args.categories).name, "sha256": file_digest(args.categories)},
            "respondents": {"file": Path(args.respondents).name, "sha256": file_digest(args.respondents)},
        },
        "quotas": [vars(q) for q in instance.quotas],
        "respondents": [{"id": r.id, "features": r.features, "household": r.household} for r in instance.respondents],
        "distribution": [
            {"panel": [ids[n] for n in p], "probability": q}
            for p, q in zip(distribution.panels, distribution.probabilities, strict=True)
        ],
        "probabilities": {ids[n]: distribution.marginals[n] for n in range(len(ids))},
        "lottery": lottery,
        "notes": distribution.notes,
        "result": {"selected": sorted(ids[n] for n in panel), "alternates": [ids[n] for n in alternates]},
    }


def write_outputs(out, record):
    """Write everything in a temporary folder, then move it into place: all or nothing."""
    out = Path(out)
    staging = Path(tempfile.mkdtemp(prefix=".sortition-", dir=out.parent if out.parent.exists() else None))
    with open(staging / "selected.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id"])
        writer.writerows([i] for i in record["result"]["selected"])
    with open(staging / "alternates.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "rank"])
        writer.writerows([i, rank] for rank, i in enumerate(record["result"]["alternates"], start=1))
    with open(staging / "probabilities.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "probability"])
        writer.writerows([i, f"{p:.6f}"] for i, p in record["probabilities"].items())
    (staging / "audit.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
    if out.exists():
        shutil.rmtree(out)
    shutil.move(str(staging), out)


def select(args):
    try:
        quotas = read_categories(args.categories)
        respondents = read_respondents(args.respondents, quotas, args.household_columns or ())
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.panel_size < 1:
        print("error: --panel-size must be at least 1", file=sys.stderr)
        return 2
    if bool(args.lottery) != bool(args.randomness):
        print("error: --lottery and --randomness go together", file=sys.stderr)
        return 2
    instance = Instance(respondents, quotas, args.panel_size, one_per_household=bool(args.household_columns))
    problems = explain(instance)
    if problems:
        print("error: the quotas cannot all be met:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    distribution = ALGORITHMS[args.algorithm](instance, seed=args.seed)
    panel, lottery = choose(instance, distribution, args.seed, args.lottery, args.randomness)
    alternates = alternates_for(instance, panel, args.seed)
    record = audit_record(args, instance, distribution, panel, alternates, lottery)
    write_outputs(args.out, record)
    print(f"{len(panel)} selected, {len(alternates)} alternates; written to {args.out}")
    for note in distribution.notes:
        print(f"note: {note}")
    return 0


def instance_from_audit(record):
    quotas = [Quota(**q) for q in record["quotas"]]
    respondents = [Respondent(r["id"], r["features"], r.get("household", "")) for r in record["respondents"]]
    return Instance(respondents, quotas, record["panel_size"], record.get("one_per_household", False))


def verify(args):
    try:
        record = json.loads((Path(args.dir) / "audit.json").read_text())
        instance = instance_from_audit(record)
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"error: {args.dir}/audit.json cannot be read: {error}", file=sys.stderr)
        return 2
    failures = []
    index = instance.index
    panels = [tuple(sorted(index[i] for i in entry["panel"])) for entry in record["distribution"]]
    probabilities = [entry["probability"] for entry in record["distribution"]]
    if abs(sum(probabilities) - 1) > 1e-6:
        failures.append(f"the distribution's probabilities add up to {sum(probabilities)}, not 1")
    broken = [p for p in panels if not instance.respects_quotas(p)]
    if broken:
        failures.append(f"{len(broken)} panel(s) of the distribution break the quotas")
    marginals = marginals_of(panels, probabilities, len(instance.respondents))
    for respondent_id, reported in record["probabilities"].items():
        if abs(marginals[index[respondent_id]] - reported) > 1e-6:
            failures.append(f"the probability reported for {respondent_id} does not follow from the distribution")
            break
    distribution = Distribution(panels, probabilities, marginals, record["algorithm"])
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
    if failures:
        for failure in failures:
            print(f"FAILED: {failure}")
        return 1
    print(f"verified: the same panel of {len(selected)} comes out ({record['algorithm']}, seed {record['seed']})")
    return 0


def parser():
    main = argparse.ArgumentParser(prog="python -m sortition", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)
    run = commands.add_parser("select", help="select a panel and write the audit bundle")
    run.add_argument("--categories", required=True)
    run.add_argument("--respondents", required=True)
    run.add_argument("--panel-size", type=int, required=True)
    run.add_argument("--algorithm", choices=sorted(ALGORITHMS), default="leximin")
    run.add_argument("--seed", required=True, help="public seed fixed before the draw")
    run.add_argument("--out", required=True)
    run.add_argument("--household-columns", nargs="*", help="address columns: at most one person per household")
    run.add_argument("--lottery", type=int, help="round to a uniform lottery of this many panels")
    run.add_argument("--randomness", help="public randomness (e.g. dice rolls) used with --lottery")
    run.set_defaults(handler=select)
    check = commands.add_parser("verify", help="replay a draw from its audit bundle")
    check.add_argument("dir")
    check.set_defaults(handler=verify)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    return args.handler(args)
