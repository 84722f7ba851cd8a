"""From a distribution to one panel, verifiably.

``sample`` draws with a seeded generator. ``round_to_lottery`` turns the distribution
into m equally likely panels (a uniform lottery, as in Flanigan et al., "Fair sortition
made transparent"), and ``pick`` chooses among them from public randomness, so anyone
can recompute the choice with a hash function and no solver.
"""

import hashlib
import json
import math
import random

from sortition.groups import profile_of, spread


def sample(distribution, seed):
    rng = random.Random(seed)
    point, total = rng.random(), 0.0
    for panel, probability in zip(distribution.panels, distribution.probabilities, strict=True):
        total += probability
        if point < total:
            return panel
    return distribution.panels[-1]


def round_to_lottery(distribution, groups, m=1000):
    """m panels, equally likely, from the distribution and the groups of interchangeable people.

    Rounding works on profiles (how many of each group sit): each gets floor(m·p) tickets,
    the rest go to the largest remainders, so each profile's probability moves by less than
    1/m. The tickets are then filled with each group's members in turn, so people of one
    group sit on the same number of tickets, give or take one.
    """
    group_of = {n: g for g, group in enumerate(groups) for n in group}
    masses = {}
    for panel, probability in zip(distribution.panels, distribution.probabilities, strict=True):
        profile = profile_of(panel, group_of, len(groups))
        masses[profile] = masses.get(profile, 0.0) + probability
    profiles = sorted(masses)
    exact = [masses[profile] * m for profile in profiles]
    tickets = [math.floor(value) for value in exact]
    remainders = sorted(range(len(exact)), key=lambda i: (-(exact[i] - tickets[i]), i))
    for i in remainders[: m - sum(tickets)]:
        tickets[i] += 1
    return spread([profile for profile, count in zip(profiles, tickets, strict=True) for _ in range(count)], groups)


def lottery_hash(lottery, ids):
    text = json.dumps([[ids[n] for n in panel] for panel in lottery], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def pick(lottery_digest, randomness, m):
    """An index in range(m) from SHA-256(lottery hash ‖ randomness), without modulo bias.

    Hashes again with a counter until the 256-bit number falls below the largest multiple of m.
    """
    limit = (2**256 // m) * m
    counter = 0
    while True:
        data = f"{lottery_digest}|{randomness}|{counter}".encode()
        value = int.from_bytes(hashlib.sha256(data).digest(), "big")
        if value < limit:
            return value % m
        counter += 1
