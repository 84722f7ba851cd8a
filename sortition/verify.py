"""``python -m sortition.verify draw-1-audit.json``: replay a published draw, with Python alone.

Exit status: 0 verified, 1 verification failed, 2 the record cannot be read.
"""

import argparse
import sys

from sortition import audit


def report(path):
    """Check the record at ``path`` (the downloaded file, or a folder with audit.json) and say so."""
    try:
        record = audit.read(path)
        failures = audit.check(record)
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"error: {path} cannot be read as an audit record: {error}", file=sys.stderr)
        return 2
    if failures:
        for failure in failures:
            print(f"FAILED: {failure}")
        return 1
    panel = len(record["result"]["selected"])
    print(f"verified: the same panel of {panel} comes out ({record['algorithm']}, seed {record['seed']})")
    return 0


def main(argv=None):
    arguments = argparse.ArgumentParser(prog="python -m sortition.verify", description=__doc__)
    arguments.add_argument("record", help="the audit record as downloaded (or a folder holding audit.json)")
    return report(arguments.parse_args(argv).record)


if __name__ == "__main__":
    sys.exit(main())
