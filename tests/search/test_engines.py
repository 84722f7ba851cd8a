"""The engines: one index per language, each page written by our signals to its own language's index,
rebuilt by ``update_search_index``, and an engine that stops mid-run: the search falls back on the
database with a notice, writes wait in the database, and ``search_catch_up`` sends them once it is back."""

import io
import json
import socket
import threading
import urllib.request
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from portal.settings.search import search_backends
from search import searching
from search.models import PendingIndexChange
from tests import factories
from tests.search.conftest import configure, engine_indices, reindex
from tests.search_engines.harness import ENGINES, Node

pytestmark = pytest.mark.django_db
ENGINE_NAMES = ["opensearch", "elasticsearch"]


@pytest.fixture(params=ENGINE_NAMES)
def engine(request, search_backend_for):
    return search_backend_for(request.param)


@pytest.fixture
def search_backend_for(settings, engine_nodes):
    """Point the settings at one engine, with indexes of this test only: returns its URL and prefix."""
    from tests.search.conftest import engine_url

    made = []

    def point_at(name):
        url = engine_url(name, engine_nodes)
        prefix = f"test{uuid.uuid4().hex[:10]}"
        configure(settings, name, url, prefix)
        made.append((url, prefix))
        return {"name": name, "url": url, "prefix": prefix}

    yield point_at
    for url, prefix in made:
        urllib.request.urlopen(urllib.request.Request(f"{url}/{prefix}_*", method="DELETE"), timeout=30).read()


def titles_found(language, words):
    backend = get_search_backend(language)
    backend.get_index_for_model(Page).refresh()
    return [page.title for page in backend.search(words, Page.objects.live(), operator="and")]


def test_each_language_has_its_own_index(site_tree, engine):
    reindex()
    indices = engine_indices(engine["url"])
    for language in ("fr", "en", "es"):
        assert any(index.startswith(f"{engine['prefix']}_{language}_wagtailcore_page") for index in indices)
    assert titles_found("fr", "fraiche") == ["Ville fraîche"]
    assert titles_found("en", "fraiche") == []  # the French page is in the French index only


def test_publishing_writes_the_page_to_its_languages_index_and_deleting_removes_it(
    site_tree, engine, django_capture_on_commit_callbacks
):
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.WorkshopPageFactory(
            parent=site_tree["indexes"]["fr"], slug="velos", title="Des vélos partagés"
        )
    assert titles_found("fr", "velo") == ["Des vélos partagés"]
    assert not PendingIndexChange.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert titles_found("fr", "velo") == []


def test_one_language_can_be_rebuilt_alone(site_tree, engine):
    reindex()
    output = io.StringIO()
    call_command("update_search_index", language="es", stdout=output)
    assert "es (engine)" in output.getvalue() and "100%" in output.getvalue()
    assert "fr (" not in output.getvalue()
    with pytest.raises(CommandError):
        call_command("update_search_index", language="de")


@pytest.fixture
def own_node(engine_nodes):
    """An OpenSearch node of this test alone, which the test stops and starts again."""
    from tests.search.conftest import engine_url

    engine_url("opensearch", engine_nodes)  # skips (or fails under CI's flag) without the harness
    node = Node(ENGINES["opensearch"], 9281).start()
    yield node
    node.stop()


def test_an_engine_that_stops_falls_back_then_catches_up(
    client, settings, site_tree, own_node, django_capture_on_commit_callbacks
):
    configure(settings, "opensearch", own_node.url, "fault")
    reindex()
    assert "Ville fraîche" in client.get("/fr/search/", {"q": "fraiche"}).content.decode()
    assert client.get("/healthz").json()["checks"]["search"] == "ok"

    own_node.stop(keep_data=True)
    health = client.get("/healthz")  # monitoring hears of it; the portal still serves
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    assert health.json()["checks"]["search"] == "failing"
    html = client.get("/fr/search/", {"q": "fraiche"}).content.decode()
    assert str(searching.LIMITED_NOTICE) in html or "temporairement" in html  # said, in French
    assert "Ville fraîche" in html  # from the database
    assert client.get("/fr/search/suggestions/", {"q": "vil"}).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        factories.WorkshopPageFactory(parent=site_tree["indexes"]["fr"], slug="velos", title="Des vélos partagés")
    waiting = PendingIndexChange.objects.get()
    assert waiting.attempts == 1 and waiting.last_error
    with pytest.raises(CommandError):
        call_command("search_catch_up", stdout=io.StringIO())

    own_node.start()
    assert client.get("/healthz").json()["checks"]["search"] == "ok"
    output = io.StringIO()
    call_command("search_catch_up", stdout=output)
    assert "1 change(s) sent" in output.getvalue()
    assert not PendingIndexChange.objects.exists()
    assert titles_found("fr", "velos") == ["Des vélos partagés"]
    html = client.get("/fr/search/", {"q": "velos"}).content.decode()
    assert "Des vélos partagés" in html and "temporairement" not in html


def test_health_of_the_nodes_is_what_the_harness_waits_for(engine):
    with urllib.request.urlopen(f"{engine['url']}/_cluster/health", timeout=5) as response:
        assert json.load(response)["status"] in ("green", "yellow")


@pytest.fixture
def silent_server():
    """A port that accepts connections and never answers: an engine that times out."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_an_engine_that_times_out_gives_database_results_with_a_notice(
    client, settings, site_tree, silent_server, name
):
    reindex()  # the database's index, before the engine is configured
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        ENGINES[name].backend, urls=[silent_server], index="silent", timeout=0.5, replicas=0
    )
    html = client.get("/fr/search/", {"q": "fraiche"}).content.decode()
    assert "Ville fraîche" in html
    assert "temporairement limitée" in html
    assert client.get("/fr/search/suggestions/", {"q": "vil"}).status_code == 200
