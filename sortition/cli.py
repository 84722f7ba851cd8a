"""Command line: ``python -m sortition select …`` and ``python -m sortition verify RECORD``.

Exit status: 0 done, 1 verification failed, 2 bad input (nothing written).
"""

import argparse
import csv
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

from sortition import audit, verify
from sortition.feasibility import explain
from sortition.files import InputError, read_categories, read_respondents
from sortition.legacy import legacy
from sortition.leximin import leximin
from sortition.model import Instance

ALGORITHMS = {"leximin": leximin, "legacy": legacy}


def file_digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


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
    panel, lottery = audit.choose(instance, distribution, args.seed, args.lottery, args.randomness)
    alternates = audit.alternates_for(instance, panel, args.seed)
    inputs = {
        "categories": {"file": Path(args.categories).name, "sha256": file_digest(args.categories)},
        "respondents": {"file": Path(args.respondents).name, "sha256": file_digest(args.respondents)},
    }
    record = audit.build(
        instance,
        distribution,
        seed=args.seed,
        requested_algorithm=args.algorithm,
        inputs=inputs,
        min_shared=args.min_shared,
    )
    record = audit.with_result(record, instance, panel, alternates, lottery)
    write_outputs(args.out, record)
    print(f"{len(panel)} selected, {len(alternates)} alternates; written to {args.out}")
    for note in distribution.notes:
        print(f"note: {note}")
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
    run.add_argument(
        "--min-shared",
        type=int,
        default=audit.MIN_SHARED,
        help="publish a reference's answers only where at least this many people gave the same ones",
    )
    run.set_defaults(handler=select)
    check = commands.add_parser("verify", help="replay a draw from its audit record (also: python -m sortition.verify)")
    check.add_argument("record", help="the audit record as downloaded, or the folder holding audit.json")
    check.set_defaults(handler=lambda args: verify.report(args.record))
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    return args.handler(args)
