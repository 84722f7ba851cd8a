"""Wagtail's ``elasticsearch7`` backend with every facet value (see ``search.backends.engines``)."""

from search.backends.engines import with_every_facet_value

SearchBackend = with_every_facet_value("wagtail.search.backends.elasticsearch7")
