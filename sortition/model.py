"""The problem: respondents with features, quotas per feature value, and a panel size."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quota:
    category: str
    value: str
    min: int
    max: int


@dataclass(frozen=True)
class Respondent:
    id: str
    features: dict
    household: str = ""


@dataclass
class Instance:
    respondents: list
    quotas: list
    panel_size: int
    one_per_household: bool = False
    index: dict = field(init=False)

    def __post_init__(self):
        self.index = {respondent.id: n for n, respondent in enumerate(self.respondents)}

    @property
    def categories(self):
        return sorted({quota.category for quota in self.quotas})

    def members(self, quota):
        """Positions of the respondents that count towards ``quota``."""
        return [n for n, r in enumerate(self.respondents) if r.features.get(quota.category) == quota.value]

    def households(self):
        groups = {}
        for n, respondent in enumerate(self.respondents):
            if respondent.household:
                groups.setdefault(respondent.household, []).append(n)
        return [group for group in groups.values() if len(group) > 1]

    def respects_quotas(self, panel):
        """Whether a panel (positions) has the right size and meets every quota."""
        chosen = set(panel)
        if len(chosen) != self.panel_size or len(chosen) != len(panel):
            return False
        for quota in self.quotas:
            count = sum(1 for n in chosen if self.respondents[n].features.get(quota.category) == quota.value)
            if not quota.min <= count <= quota.max:
                return False
        if self.one_per_household:
            return all(sum(1 for n in group if n in chosen) <= 1 for group in self.households())
        return True


@dataclass
class Distribution:
    """Panels (tuples of positions in the pool) with their probabilities, and what they give each person."""

    panels: list
    probabilities: list  # one per panel, summing to 1
    marginals: list  # each person's selection probability
    algorithm: str
    notes: list = field(default_factory=list)
    # the share of its fairest bound every person is sure of: 1 for LEXIMIN, less when time ran out
    share: float = 1.0


def marginals_of(panels, probabilities, size):
    """Each person's selection probability under a distribution of panels."""
    marginals = [0.0] * size
    for panel, probability in zip(panels, probabilities, strict=True):
        for n in panel:
            marginals[n] += probability
    return marginals
