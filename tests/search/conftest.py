"""The search tests run on every backend: the database, then real OpenSearch and Elasticsearch nodes.

The engines are started once per test run by ``tests/search_engines/harness.py`` (or used where
PORTAL_OPENSEARCH_URL / PORTAL_ELASTICSEARCH_URL point), each test gets indexes of its own, and
they are deleted after it. Without Java and Maven the engine tests skip loudly (fail under CI's flag).
"""

import json
import os
import urllib.request
import uuid

import pytest
from django.core.management import call_command

from portal.settings.search import search_backends
from tests.search_engines.harness import ENGINES, HarnessUnavailable, Node
from tests.skipping import missing

BACKENDS = ["database", "opensearch", "elasticsearch"]
PORTS = {"opensearch": 9271, "elasticsearch": 9272}


@pytest.fixture(scope="session")
def engine_nodes():
    """{engine name: running Node or the error that stopped it}, started on first use."""
    nodes = {}
    yield nodes
    for node in nodes.values():
        if isinstance(node, Node):
            node.stop()


def engine_url(name, nodes):
    given = os.environ.get(f"PORTAL_{name.upper()}_URL")
    if given:
        return given
    if name not in nodes:
        try:
            nodes[name] = Node(ENGINES[name], PORTS[name]).start()
        except HarnessUnavailable as error:
            nodes[name] = error
    if isinstance(nodes[name], Exception):
        missing(f"NEEDS {name.upper()}: the harness could not start it ({nodes[name]})")
    return nodes[name].url


def configure(settings, name, url, index):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        ENGINES[name].backend, urls=[url], index=index, timeout=10, replicas=0
    )


@pytest.fixture(params=BACKENDS)
def search_backend(request, settings, engine_nodes):
    """The backend name; with an engine, the settings point at it with indexes of this test only."""
    name = request.param
    if name == "database":
        yield name
        return
    url = engine_url(name, engine_nodes)
    index = f"test{uuid.uuid4().hex[:10]}"
    configure(settings, name, url, index)
    yield name
    urllib.request.urlopen(urllib.request.Request(f"{url}/{index}_*", method="DELETE"), timeout=30).read()


def reindex():
    """What an operator runs after loading content: the database's index and each engine language's."""
    call_command("update_search_index", verbosity=0)


def engine_indices(url):
    with urllib.request.urlopen(f"{url}/_cat/indices?format=json", timeout=10) as response:
        return [row["index"] for row in json.load(response)]


from tests.archive.conftest import archive, editor  # noqa: E402, F401 (fixtures shared with the archive tests)
