"""Wagtail's engine backends, with facets that list every value, not the ten most frequent.

Wagtail counts a facet with a ``terms`` aggregation without a size, and the engines then return
their default of ten buckets: a search over many workshops would offer ten and drop the rest,
where the database backends count them all. Every aggregation here asks for up to
``FACET_VALUES`` buckets; nothing else changes.
"""

import importlib

FACET_VALUES = 1000


def with_every_facet_value(module_path):
    """The ``SearchBackend`` of Wagtail's backend module ``module_path``, its facets unbounded."""
    base = importlib.import_module(module_path).SearchBackend

    class Results(base.results_class):
        def _backend_do_search(self, body, **kwargs):
            for aggregation in body.get("aggregations", {}).values():
                aggregation.get("terms", {}).setdefault("size", FACET_VALUES)
            return super()._backend_do_search(body, **kwargs)

    return type(base.__name__, (base,), {"results_class": Results, "__module__": __name__})
