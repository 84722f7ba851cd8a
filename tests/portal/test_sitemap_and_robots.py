from xml.etree import ElementTree

import pytest

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_in_every_language(client, site_tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {loc.text for loc in ElementTree.fromstring(response.content).iter(f"{SITEMAP_NS}loc")}
    assert {
        "http://testserver/fr/",
        "http://testserver/en/",
        "http://testserver/es/",
        "http://testserver/fr/ateliers/ville-fraiche/",
        "http://testserver/en/workshops/cool-city/",
        "http://testserver/es/talleres/",
    } <= locations
    assert len(locations) == 8


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts(client, site_tree):
    from wagtail.models import Page

    Page.objects.get(pk=site_tree["workshops"]["en"].pk).specific.unpublish()
    assert b"/en/workshops/cool-city/" not in client.get("/sitemap.xml").content


@pytest.mark.django_db
def test_robots_points_at_the_sitemap_and_keeps_out_of_the_admin(client, site_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.django_db
def test_pages_have_a_favicon(client, site_tree):
    from bs4 import BeautifulSoup
    from django.contrib.staticfiles import finders

    icon = BeautifulSoup(client.get("/fr/").content, "html.parser").select_one('link[rel="icon"]')
    assert icon["href"].endswith("favicon.svg") and finders.find("favicon.svg")
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == icon["href"]
