"""Local search for pricing: better profiles one seat swap away from known ones.

Column generation asks, after each LP solve, for profiles whose dual weight beats every
known one. The integer program answers exactly but costs up to a second on hard pools,
while most improving profiles are a few seat swaps from a profile the LP already has.
So each solve first climbs from the best known profiles, moving one seat at a time from
a group to another as long as the weight rises and the quotas hold; the integer program
runs only when the climbs find nothing, to prove that nothing better exists.
"""

import numpy as np

BATCH = 32  # swaps tried per pass, best first (measured herding at 1,414 groups: 30 s, against 41 s with 8)
NO_ROW = -1  # in ``rows``: the group does not count towards any quota of that partition


class SwapSearch:
    """Improving seat swaps, best first, that keep the panel size, every quota and one seat per household.

    Quotas of one category partition the groups (each has one value), and so do the
    households that count, whose members are groups of one. A swap from group a to group b
    changes a partition's counts only when a and b sit in different rows of it; then a's row
    must stay above its minimum and b's below its maximum. With one bit per partition, the
    partitions where a and b differ (``differ``) must miss those where a's row is at its
    minimum or b's at its maximum: one AND per candidate swap.
    """

    def __init__(self, instance, groups):
        self.sizes = np.array([len(group) for group in groups])
        first = [group[0] for group in groups]
        partitions, low, high = [], [], []
        for category in instance.categories:
            quotas = [q for q in instance.quotas if q.category == category]
            row_of = {q.value: len(low) + i for i, q in enumerate(quotas)}
            low += [q.min for q in quotas]
            high += [q.max for q in quotas]
            features = [instance.respondents[n].features.get(category) for n in first]
            partitions.append([row_of.get(value, NO_ROW) for value in features])
        if instance.one_per_household:
            household_row = {}
            for household in instance.households():
                for n in household:
                    household_row[n] = len(low)
                low.append(0)
                high.append(1)
            partitions.append([household_row.get(n, NO_ROW) for n in first])
        if len(partitions) > 52:
            raise ValueError("a swap search handles at most 52 quota categories")
        # one more row, always slack, for groups outside every quota of a partition
        self.rows = np.array(partitions, dtype=np.int64).reshape(len(partitions), len(groups))
        self.rows[self.rows == NO_ROW] = len(low)
        self.low = np.array(low + [-1], dtype=np.int64)
        self.high = np.array(high + [len(first) + 1], dtype=np.int64)
        # bit p of a group's word: partition p; floats hold up to 53 bits exactly, and a matrix
        # product then ORs a row's bits at once
        self.bits = 2.0 ** np.arange(len(partitions))
        self.word = np.min_scalar_type(2 ** len(partitions) - 1)
        self.differ = np.zeros((len(groups), len(groups)), dtype=self.word)
        for p, rows in enumerate(self.rows):  # one partition at a time: groups² words, not partitions × groups²
            self.differ |= (rows[:, None] != rows[None, :]).astype(self.word) << self.word.type(p)

    def climb(self, profile, weights, passes=64):
        """A local optimum of the weight reached from ``profile`` by improving swaps (or where ``passes`` end).

        Each pass scores every swap at once, then applies the best few that still fit the
        quotas one after the other (measured in LEXIMIN runs: 5 passes a climb instead of 13).
        """
        seats = np.array(profile, dtype=np.int64)
        counts = np.bincount(self.rows.ravel(), weights=np.tile(seats, len(self.rows)), minlength=len(self.low))
        counts = counts.astype(np.int64)
        for _ in range(passes):
            at_min = ((counts <= self.low)[self.rows].T @ self.bits).astype(self.word)
            at_max = ((counts >= self.high)[self.rows].T @ self.bits).astype(self.word)
            seated, room = np.flatnonzero(seats), np.flatnonzero(seats < self.sizes)
            # a swap between groups at no bound always fits: the best such one bounds what
            # the others must beat, which leaves few pairs to score
            free_a, free_b = seated[at_min[seated] == 0], room[at_max[room] == 0]
            floor = weights[free_b].max() - weights[free_a].min() if len(free_a) and len(free_b) else 0.0
            floor = max(floor, 0.0) - 1e-12  # keeps that pair itself, whatever the rounding
            room = room[weights[room] >= weights[seated].min() + floor]
            seated = seated[weights[seated] <= weights[room].max() - floor] if len(room) else seated[:0]
            if not len(seated):
                break
            blocked = self.differ[seated][:, room] & (at_min[seated][:, None] | at_max[room][None, :])
            gain = ((weights[room][None, :] - weights[seated][:, None]) * (blocked == 0)).ravel()
            top = np.flatnonzero(gain > 1e-12)
            if not len(top):
                break
            if len(top) > BATCH:
                top = top[np.argpartition(-gain[top], BATCH)[:BATCH]]
            top = top[np.argsort(-gain[top])]
            for k in top:
                a, b = seated[k // len(room)], room[k % len(room)]
                if seats[a] and seats[b] < self.sizes[b] and self._fits(a, b, counts):
                    seats[a] -= 1
                    seats[b] += 1
                    counts[self.rows[:, a]] -= 1
                    counts[self.rows[:, b]] += 1
                    counts[-1] = 0  # the slack row, which several partitions may share
        return tuple(int(s) for s in seats)

    def _fits(self, a, b, counts):
        """Whether moving a seat from group a to group b keeps every quota, at these counts."""
        for row_a, row_b in zip(self.rows[:, a], self.rows[:, b], strict=True):
            if row_a != row_b and (counts[row_a] <= self.low[row_a] or counts[row_b] >= self.high[row_b]):
                return False
        return True
