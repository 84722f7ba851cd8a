"""What the feature apps add to the site search, which itself knows no feature.

- ``FACETS``: page types with facets of their own. The archive registers its recommendations with
  the filters of its own listing (``archive.browse.FACETS``), so the two are one declaration.
- ``SOURCES``: things found that are not pages (a workshop's sessions), shown beside the pages as
  a short list: a function ``(locale, words) -> Found`` each.
"""

from dataclasses import dataclass, field

FACETS = {}
SOURCES = []


@dataclass
class Found:
    heading: str
    items: list = field(default_factory=list)  # objects with ``title``, ``url`` and ``detail``


def add_source(source):
    if source not in SOURCES:
        SOURCES.append(source)


def register(model, facet_fields):
    FACETS[model] = list(facet_fields)


def facets_of(model):
    return FACETS.get(model, [])
