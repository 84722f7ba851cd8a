"""The search page on every backend: facets that follow the words, narrowing, extracts, promotions,
the editors' tally, "did you mean", suggestions for the search box, and any input without a 500."""

import datetime
import json
import warnings

import pytest
from bs4 import BeautifulSoup
from django.core.cache.backends.base import CacheKeyWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from archive import browse
from archive.models import Answer
from search import site_search
from search.models import SearchTerm
from tests import factories
from tests.archive.conftest import add_recommendation
from tests.search.conftest import reindex

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable(archive, search_backend):
    reindex()
    return archive


def french(text):
    with translation.override("fr"):
        return str(text)


ANSWERS = {value: french(label) for value, label in Answer.choices}
TYPE = french(site_search.TYPE.label)
ANSWER = french(browse.FACETS[4].label)


def facet_counts(html, title):
    """{label: count} of one facet of the page."""
    soup = BeautifulSoup(html, "html.parser")
    heading = next(h3 for h3 in soup.select(".archive__filters h3") if h3.get_text(strip=True) == title)
    counts = {}
    for link in heading.find_next("ul").select("a"):
        label = link.contents[0].strip()
        counts[label] = int(link.select_one(".facet__count").get_text(strip=True).strip("()"))
    return counts


def result_titles(html):
    return [link.get_text(strip=True) for link in BeautifulSoup(html, "html.parser").select("ol.results > li > a")]


def test_facets_count_what_the_words_find(client, searchable):
    html = client.get("/fr/search/", {"q": "texte"}).content.decode()
    assert facet_counts(html, TYPE) == {"Recommandations": 3}
    every_answer = {ANSWERS["accepted"]: 1, ANSWERS["partially_accepted"]: 1, ANSWERS["rejected"]: 1}
    assert facet_counts(html, ANSWER) == every_answer
    narrower = client.get("/fr/search/", {"q": "arbres"}).content.decode()
    assert facet_counts(narrower, ANSWER) == {ANSWERS["accepted"]: 1}


def test_a_facet_value_narrows_the_results_and_keeps_the_other_counts(client, searchable):
    html = client.get("/fr/search/", {"q": "texte", "answer": "rejected"}).content.decode()
    assert result_titles(html) == ["Ouvrir les cours d'école"]
    # the answer facet still offers the other answers, counted without the answer chosen
    every_answer = {ANSWERS["accepted"]: 1, ANSWERS["partially_accepted"]: 1, ANSWERS["rejected"]: 1}
    assert facet_counts(html, ANSWER) == every_answer
    soup = BeautifulSoup(html, "html.parser")
    chosen = soup.select_one(".facet__chosen")
    assert chosen["href"] == "?q=texte"  # its link drops the value again


def test_results_show_an_extract_with_the_words_marked_and_escaped(client, searchable):
    add_recommendation(
        searchable["report"],
        "Des bancs",
        searchable["theme"],
        body="<p>Poser des bancs &lt;b&gt; près des fontaines.</p>",
    )
    reindex()
    html = client.get("/fr/search/", {"q": "fontaine"}).content.decode()
    assert "<mark>fontaines</mark>" in html or "<mark>Fontaines</mark>" in html
    assert "<b>" not in html.split('class="results"', 1)[1]


UNKNOWN_VALUES = [
    {"q": "texte", "type": "abc"},
    {"q": "texte", "type": "999999"},
    {"q": "texte", "theme": "999999"},
    {"q": "texte", "answer": "maybe"},
    {"q": "texte", "year": "1900"},
    {"q": "texte", "page": "999"},
    {"q": "texte", "page": "x"},
]
HOSTILE_WORDS = [
    "",
    "ville " * 2000,
    "école " * 300,
    "!!! ??? ...",
    '" ( ) : * ~ \\ / AND OR NOT',
    'a"',
    "x\x00y",
    "مدينة",
    "城市",
    "*",
    "<script>alert(1)</script>",
]


def test_unknown_values_are_ignored_with_a_notice(client, searchable):
    for params in UNKNOWN_VALUES:
        response = client.get("/fr/search/", params)
        assert response.status_code == 200, params
        assert BeautifulSoup(response.content, "html.parser").select_one("ul.notice"), params


def test_any_words_get_an_answer_and_are_never_reflected_raw(client, searchable):
    warnings.simplefilter("error", CacheKeyWarning)  # a cache key must not grow with the words (memcached: 250)
    for words in HOSTILE_WORDS:
        for url in ("/fr/search/", "/fr/search/suggestions/", searchable["index"]["fr"].url):
            response = client.get(url, {"q": words})
            assert response.status_code == 200, (url, words)
            assert "<script>alert(1)" not in response.content.decode(), (url, words)


def test_editors_promoted_results_come_first(client, searchable):
    promoted = searchable["recommendations"][1]
    SearchPromotion.objects.create(query=Query.get("arbres"), page=promoted, description="À lire en premier.")
    html = client.get("/fr/search/", {"q": "Arbres"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".results--promoted a").get_text(strip=True) == promoted.title
    assert "À lire en premier." in html


def test_searches_are_tallied_for_the_editors(client, searchable):
    client.get("/fr/search/", {"q": "Arbres"})
    client.get("/fr/search/", {"q": "arbres"})
    client.get("/fr/search/", {"q": "arbres", "page": "1"})  # a further page is no new search
    client.get("/fr/search/", {"q": "zzzqqq"})
    terms = {term.query: (term.searches, term.without_results) for term in SearchTerm.objects.all()}
    assert terms == {"arbres": (2, 0), "zzzqqq": (1, 1)}


def test_a_misspelt_word_gets_a_suggestion_that_finds_the_page(client, searchable):
    html = client.get("/fr/search/", {"q": "fontianes"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    if result_titles(html):  # the engines tolerate the typo and show the page at once
        assert "Fontaines à boire" in result_titles(html)
        return
    suggestion = soup.select_one(".no-results a")
    assert suggestion.get_text(strip=True) == "fontaines"
    assert "Fontaines à boire" in result_titles(client.get("/fr/search/" + suggestion["href"]).content.decode())


def test_the_search_box_suggests_titles_as_they_are_typed(client, searchable):
    found = json.loads(client.get("/fr/search/suggestions/", {"q": "font"}).content)["suggestions"]
    assert [item["title"] for item in found] == ["Fontaines à boire"]
    assert found[0]["url"].startswith("/fr/")
    assert json.loads(client.get("/fr/search/suggestions/", {"q": "f"}).content) == {"suggestions": []}


def test_the_archive_searches_words_with_its_own_filters(client, searchable):
    url = searchable["index"]["fr"].url
    html = client.get(url, {"q": "arbre"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert [card.get_text(" ", strip=True) for card in soup.select(".cards .card h3, .cards .card h2")][0].startswith(
        "Planter des arbres"
    )
    assert "1 recommandation" in soup.select_one("#results-title").get_text()
    answer = soup.select_one("#filter-answer")
    assert [option.get_text(strip=True) for option in answer.select("option")][1:] == [f"{ANSWERS['accepted']} (1)"]


def test_results_are_paginated(client, searchable):
    for number in range(12):
        add_recommendation(searchable["report"], f"Idée numéro {number}", searchable["theme"])
    reindex()
    first = client.get("/fr/search/", {"q": "idée"}).content.decode()
    second = client.get("/fr/search/", {"q": "idée", "page": "2"}).content.decode()
    assert len(result_titles(first)) == 10 and len(result_titles(second)) == 3  # and the report's "Douze idées"
    assert not set(result_titles(first)) & set(result_titles(second))


def test_upcoming_sessions_with_the_words_are_listed_apart(client, searchable):
    workshop = searchable["workshop"]
    factories.SessionFactory(workshop=workshop, titles={"fr": "Atelier compostage au jardin"})
    past = factories.SessionFactory(workshop=workshop, titles={"fr": "Compostage : bilan"})
    past.start, past.end = past.start - datetime.timedelta(days=30), past.end - datetime.timedelta(days=30)
    past.save()
    soup = BeautifulSoup(client.get("/fr/search/", {"q": "compostages"}).content, "html.parser")
    listed = [link.get_text(strip=True) for link in soup.select(".results--elsewhere a")]
    assert listed == ["Atelier compostage au jardin"]
    assert not BeautifulSoup(client.get("/en/search/", {"q": "compostage"}).content, "html.parser").select(
        ".results--elsewhere a"
    )  # no English text: not listed under /en/


def test_queries_do_not_grow_with_the_results(client, archive):
    reindex()

    def queries():
        client.get("/fr/search/", {"q": "texte"})  # warm the site, locale and vocabulary caches
        with CaptureQueriesContext(connection) as run:
            assert client.get("/fr/search/", {"q": "texte"}).status_code == 200
        return len(run)

    few = queries()
    for number in range(12):
        add_recommendation(archive["report"], f"Encore un texte {number}", archive["theme"])
    reindex()
    assert queries() == few


def test_a_facet_lists_every_value_not_only_ten(client, archive, search_backend):
    for number in range(12):
        theme = factories.ThemeFactory(locale=archive["locales"]["fr"], name=f"Thème {number:02}")
        add_recommendation(archive["report"], f"Bancs publics {number}", theme)
    reindex()
    html = client.get("/fr/search/", {"q": "bancs"}).content.decode()
    assert len(facet_counts(html, french(browse.FACETS[1].label))) == 12


def test_the_archive_counts_a_search_once_until_a_publication(client, archive, uncached):
    reindex()
    url = archive["index"]["fr"].url

    def queries():
        with CaptureQueriesContext(connection) as run:
            assert client.get(url, {"q": "texte", "answer": "accepted"}).status_code == 200
        return len(run)

    first, again = queries(), queries()
    assert again <= first - len(browse.FACETS)  # the filters' counts and the total come from the cache
    add_recommendation(archive["report"], "Un autre texte", archive["theme"], "accepted")
    reindex()
    assert "2 recommandations" in client.get(url, {"q": "texte", "answer": "accepted"}).content.decode()
