"""A 404 page offers the same address in other languages: never another site's (issue 18, item 9)."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["//evil.example/", "//evil.example/fr/", "/\\\\evil.example/", "/fr//evil.example/"])
def test_language_links_of_a_404_stay_on_the_site(client, site_tree, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select(".language-switcher a")]
    assert links, response.content.decode()[:500]
    assert all(link.startswith("/") and not link.startswith("//") and "evil" not in link for link in links), links


def test_a_view_keeps_its_address_in_the_other_languages(client, site_tree):
    html = BeautifulSoup(client.get("/fr/search/?q=arbre").content, "html.parser")
    links = {a["lang"]: a["href"] for a in html.select(".language-switcher a")}
    assert links == {"en": "/en/search/?q=arbre", "es": "/es/search/?q=arbre"}
