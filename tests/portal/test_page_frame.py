"""What every page repeats (language links, hreflang, menu, the way home) costs a fixed handful of
queries, comes from the cache, and follows every publication and view restriction at once."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.conftest import translate

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_frame_costs_no_more_queries_with_a_bigger_menu(client, site_tree, django_assert_max_num_queries):
    workshop = site_tree["workshops"]["fr"]
    client.get(workshop.url)
    with django_assert_max_num_queries(20) as few:
        client.get(workshop.url)
    built = len(few.captured_queries)  # read now: the next request clears the connection's log
    restriction_reads = [q for q in few.captured_queries if "pageviewrestriction" in q["sql"]]
    assert len(restriction_reads) <= 1  # Wagtail's own check before serving; none for menus and links
    index = site_tree["indexes"]["fr"]
    for n in range(8):  # more pages in the menu, more translations to link
        page = index.add_child(instance=type(index)(title=f"Rubrique {n}", slug=f"rubrique-{n}", show_in_menus=True))
        page.save_revision().publish()
    client.get(workshop.url)
    with django_assert_max_num_queries(built):
        client.get(workshop.url)


def test_a_new_translation_appears_in_the_language_links_at_once(client, site_tree, uncached):
    index = site_tree["indexes"]["fr"]
    workshop = site_tree["workshops"]["fr"]
    links = parse(client.get(workshop.url)).select_one(".language-switcher")
    assert links.select_one('a[hreflang="es"]')["href"] == "/es/talleres/?untranslated=1"
    translate(workshop, site_tree["locales"]["es"], title="Ciudad fresca", slug="ciudad-fresca")
    page = parse(client.get(workshop.url))
    assert page.select_one('.language-switcher a[hreflang="es"]')["href"] == "/es/talleres/ciudad-fresca/"
    assert page.select_one('link[hreflang="es"]')["href"].endswith("/es/talleres/ciudad-fresca/")
    assert index.url == "/fr/ateliers/"


def test_a_view_restriction_hides_the_page_from_the_menu_at_once(client, site_tree, uncached):
    index = site_tree["indexes"]["fr"]
    index.show_in_menus = True
    index.save_revision().publish()
    home = site_tree["homes"]["fr"].url
    assert "/fr/ateliers/" in [a["href"] for a in parse(client.get(home)).select(".main-nav a")]
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert "/fr/ateliers/" not in [a["href"] for a in parse(client.get(home)).select(".main-nav a")]
    PageViewRestriction.objects.all().delete()
    assert "/fr/ateliers/" in [a["href"] for a in parse(client.get(home)).select(".main-nav a")]
