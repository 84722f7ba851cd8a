"""The engines' Python clients and the errors they raise, imported here first.

The Elasticsearch client we use (7.13, the last that talks to the Apache-licensed 7.10 server; later
ones refuse it) reads ``numpy.float_`` when it is imported, and numpy 2 removed that name, which was
``numpy.float64``. Giving the name back before the import is all the client needs.
"""

import numpy

if not hasattr(numpy, "float_"):
    numpy.float_ = numpy.float64

from elasticsearch.exceptions import ElasticsearchException  # noqa: E402
from opensearchpy.exceptions import OpenSearchException  # noqa: E402

# OSError: a socket that fails before the client wraps it.
ENGINE_ERRORS = (ElasticsearchException, OpenSearchException, OSError)
