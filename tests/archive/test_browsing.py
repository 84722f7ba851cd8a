"""The archive's index: filters with counts, sorting, pages, and bad values that never break it."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import browse, endorsing
from tests.archive.conftest import add_recommendation
from tests.factories import ThemeFactory


def facet(html, name):
    select = html.select_one(f"select[name={name}]")
    return {option.text.strip() for option in select.select("option") if option["value"]}


def test_filters_show_counts_per_value_and_combine(client, archive):
    url = archive["index"]["fr"].url
    html = BeautifulSoup(client.get(url).content, "html.parser")
    assert len(html.select(".cards--list .card")) == 3
    assert facet(html, "answer") == {"Acceptée (1)", "Rejetée (1)", "Partiellement acceptée (1)"}
    assert facet(html, "year") == {"2025 (3)"}

    html = BeautifulSoup(client.get(url, {"answer": "accepted", "year": "2025"}).content, "html.parser")
    assert [a.text for a in html.select(".card__title a")] == ["Planter des arbres"]
    keep = html.find("a", string="Lien vers cette sélection")
    assert "answer=accepted" in keep["href"] and "year=2025" in keep["href"]
    html = BeautifulSoup(client.get(url, {"progress": "all_done"}).content, "html.parser")
    assert [a.text for a in html.select(".card__title a")] == ["Fontaines à boire"]


def test_unknown_values_and_bad_page_numbers_are_ignored_with_a_notice(client, archive):
    url = archive["index"]["fr"].url
    for query in (
        {"answer": "maybe"},
        {"theme": "<script>"},
        {"theme": "999999"},
        {"year": "1789"},
        {"sort": "random"},
        {"page": "abc"},
        {"page": "99"},
        {"page": "0"},
        {"workshop": "1" * 30},
    ):
        response = client.get(url, query)
        assert response.status_code == 200, query
        html = BeautifulSoup(response.content, "html.parser")
        assert len(html.select(".cards--list .card")) == 3, query
        if query != {"page": "0"}:
            assert html.select_one(".notice"), query
        assert "<script>" not in response.content.decode().split("<main")[1]


def test_sorting_by_endorsements(archive, resident):
    rejected = archive["recommendations"][1]
    endorsing.endorse(resident("Camille"), rejected)
    found = browse.browse(archive["locales"]["fr"], {"sort": "endorsed"})
    assert found.page.object_list[0].pk == rejected.pk
    assert found.page.object_list[0].endorsements == 1
    assert found.query == "sort=endorsed"


def test_the_english_archive_lists_the_english_translations_only(client, archive):
    response = client.get(archive["index"]["en"].url)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select(".cards--list .card") == []


def test_queries_do_not_grow_with_the_archive_or_the_page_size(client, archive, uncached, monkeypatch):
    url = archive["index"]["fr"].url

    def queries():
        client.get(url)  # warm the site and locale caches
        browse.bump()  # and count the filters again, as the first visitor after a publication does
        with CaptureQueriesContext(connection) as run:
            assert client.get(url, {"answer": "accepted", "sort": "endorsed"}).status_code == 200
        return len(run)

    small = queries()
    with CaptureQueriesContext(connection) as again:
        client.get(url, {"answer": "accepted", "sort": "endorsed"})
    # the next visitors get the counts (and the names of the values) from the cache
    assert len(again) <= small - len(browse.FACETS)
    other_theme = ThemeFactory(locale=archive["locales"]["fr"])
    for n in range(25):
        add_recommendation(archive["report"], f"Idée {n}", other_theme if n % 2 else archive["theme"], "accepted")
    assert queries() == small
    monkeypatch.setattr(browse, "PER_PAGE", 5)
    assert queries() == small


def test_a_recommendation_page_makes_as_many_queries_with_many_endorsers_and_changes(
    client, archive, uncached, resident
):
    page = archive["recommendations"][0]

    def queries():
        client.get(page.url)
        with CaptureQueriesContext(connection) as run:
            assert client.get(page.url).status_code == 200
        return len(run)

    endorsing.endorse(resident("First", username="first"), page)
    few = queries()
    for n in range(20):
        endorsing.endorse(resident(f"R{n}", username=f"r{n}"), page, show_name=bool(n % 2))
    for answer in ("rejected", "accepted", "under_study"):
        page.answer = answer
        page.save_revision().publish()
    assert queries() == few
