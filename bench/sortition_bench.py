"""Draw-by-lot benchmark: LEXIMIN against LEGACY on generated pools, runtime and fairness.

Each instance has categories of 2 to 5 values; the pool is skewed against the
population shares (volunteers are not a random sample), and the quotas follow the
population shares within ±20 %, as a city would set them. LEGACY's probabilities are
estimated from repeated greedy draws, so its minimum carries sampling error.
"""

import argparse
import math
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import write_section  # noqa: E402

from sortition.feasibility import explain  # noqa: E402
from sortition.groups import groups_of  # noqa: E402
from sortition.legacy import legacy  # noqa: E402
from sortition.leximin import leximin  # noqa: E402
from sortition.model import Instance, Quota, Respondent  # noqa: E402

# (pool size, panel size, number of categories)
INSTANCES = [(200, 17, 3), (312, 35, 6), (300, 17, 6), (1000, 30, 4), (2000, 17, 3), (600, 100, 3)]
POOLS = 3  # generated pools per size: hardness varies from pool to pool
BUDGET = 120.0  # seconds of LEXIMIN before it falls back to MAXIMIN over the panels found


def generate(pool, panel, categories, seed):
    rng = random.Random(seed)
    shapes = []
    for c in range(categories):
        values = [f"c{c}v{v}" for v in range(rng.randint(2, 5))]
        population = [rng.uniform(1, 3) for _ in values]
        skew = [share * rng.uniform(0.4, 1.6) for share in population]
        shapes.append((f"category{c}", values, population, skew))
    people = [
        Respondent(str(n), {name: rng.choices(values, weights=skew)[0] for name, values, _p, skew in shapes})
        for n in range(pool)
    ]
    quotas = []
    for name, values, population, _skew in shapes:
        total = sum(population)
        for value, share in zip(values, population, strict=True):
            target = panel * share / total
            quotas.append(Quota(name, value, math.floor(target * 0.8), math.ceil(target * 1.2)))
    return Instance(people, quotas, panel)


def row(instance, seed, legacy_samples):
    started = time.monotonic()
    fair = leximin(instance, seed=seed, time_budget=BUDGET)
    leximin_seconds = time.monotonic() - started
    started = time.monotonic()
    greedy = legacy(instance, seed=seed, samples=legacy_samples)
    legacy_seconds = time.monotonic() - started
    better = min(fair.marginals) >= min(greedy.marginals) - 1e-9
    rounds = fair.notes[-1].split(",")[0] + ("" if fair.algorithm == "leximin" else ", then MAXIMIN fallback")
    return (
        f"| {len(instance.respondents)} | {instance.panel_size} | {len(instance.categories)} | "
        f"{len(groups_of(instance))} | {leximin_seconds:.1f} | {min(fair.marginals):.4f} | {len(fair.panels)} | "
        f"{rounds} | {legacy_seconds:.1f} | {min(greedy.marginals):.4f} | {'yes' if better else 'NO'} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--legacy-samples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    lines = [
        "",
        f"{date.today().isoformat()}, `python bench/sortition_bench.py --legacy-samples {args.legacy_samples}`: "
        "HiGHS 1.15 on this 2-core machine (the swap search and the integer program price side by side); "
        f"{POOLS} generated pools per size, skewed against the quota targets. LEGACY's probabilities are "
        f"estimated from {args.legacy_samples} greedy draws. Groups: people alike in every quota category, over which "
        "LEXIMIN is computed.",
        "",
        "| pool | panel | categories | groups | LEXIMIN s | LEXIMIN min p | panels in support | rounds | "
        "LEGACY s | LEGACY min p | LEXIMIN ≥ LEGACY |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for pool, panel, categories in INSTANCES:
        seed = args.seed
        for _ in range(POOLS):
            instance = None
            while instance is None or explain(instance):
                instance = generate(pool, panel, categories, seed)
                seed += 1
            lines.append(row(instance, seed, args.legacy_samples))
            print(lines[-1], flush=True)
    write_section("Draw by lot", lines)


if __name__ == "__main__":
    main()
