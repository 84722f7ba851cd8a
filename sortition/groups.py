"""Interchangeable respondents, and panels described as counts per group.

Two people with the same value in every quota category (and no housemate in the pool,
when households count) are interchangeable: swapping them turns any panel that meets
the quotas into another one. Averaging a distribution over such swaps gives both the
same probability and leaves the sorted probabilities at least as fair, so LEXIMIN can
be computed over *profiles* (how many of each group sit) on a problem as small as the
number of groups. With three or four categories a pool of 1,000 has about 80 groups.

``spread`` fills the tickets of a lottery with people in turn; ``sortition.expansion``
turns a distribution over profiles back into one over panels of people. This module
needs nothing beyond the standard library, so that verifying a draw needs no solver.
"""

from collections import Counter


def groups_of(instance):
    """Positions of interchangeable respondents, one sorted tuple per group, in pool order."""
    housemates = Counter(r.household for r in instance.respondents if r.household) if instance.one_per_household else {}
    categories = instance.categories
    groups = {}
    for n, respondent in enumerate(instance.respondents):
        if housemates and housemates.get(respondent.household, 0) > 1:
            key = ("household", n)  # a housemate makes this person unlike anyone else
        else:
            key = tuple(respondent.features.get(category) for category in categories)
        groups.setdefault(key, []).append(n)
    return [tuple(members) for members in groups.values()]


def profile_of(panel, group_of, count):
    """How many of each group sit on ``panel``."""
    profile = [0] * count
    for n in panel:
        profile[group_of[n]] += 1
    return tuple(profile)


def representative(profile, groups):
    """One panel with this profile: the first members of each group."""
    return tuple(sorted(n for group, seats in zip(groups, profile, strict=True) for n in group[:seats]))


def spread(profiles, groups):
    """Panels of people for a list of profiles, each group's members taken in turn.

    Over the whole list, people of one group sit the same number of times, give or take one.
    """
    turn = [0] * len(groups)
    panels = []
    for profile in profiles:
        panel = []
        for g, seats in enumerate(profile):
            members = groups[g]
            panel.extend(members[(turn[g] + i) % len(members)] for i in range(seats))
            turn[g] += seats
        panels.append(tuple(sorted(panel)))
    return panels
