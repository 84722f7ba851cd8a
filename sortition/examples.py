"""Generated pools like a city's call for candidates, for the benchmark and the tests.

Each instance has categories of 2 to 5 values; the pool is skewed against the
population shares (volunteers are not a random sample), and the quotas follow the
population shares within ±20 %, as a city would set them.
"""

import math
import random

from sortition.model import Instance, Quota, Respondent


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
