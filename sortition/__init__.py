"""Fair selection of citizens' panels by lot, with quotas (no Django here).

``leximin`` maximises the smallest selection probability, then the next smallest,
and so on (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 2021); ``legacy`` is
the greedy method practitioners used before, kept for comparison.
"""

__version__ = "0.1.0"
