"""The page types that bring facets of their own to the site search, registered by the feature apps.

The search app knows no feature: the archive registers its recommendations with the filters of its
own listing (``archive.browse.FACETS``), so the two are one declaration.
"""

FACETS = {}


def register(model, facet_fields):
    FACETS[model] = list(facet_fields)


def facets_of(model):
    return FACETS.get(model, [])
