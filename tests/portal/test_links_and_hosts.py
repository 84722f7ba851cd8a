"""Links point where the site is really served: pages from the request, emails from the one base URL."""

import subprocess
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
HOST = "127.0.0.1:8101"


def test_make_run_gives_its_port_to_the_demo_and_to_emails():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    loader = next(line for line in dry_run.splitlines() if "load_initial_data" in line)
    server = next(line for line in dry_run.splitlines() if "runserver" in line)
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8101" in loader
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8101" in server and server.endswith("127.0.0.1:8101")


@pytest.mark.django_db
def test_hreflang_links_use_the_host_and_port_of_the_request(client, site_tree):
    response = client.get("/en/workshops/cool-city/", HTTP_HOST=HOST)
    soup = BeautifulSoup(response.content, "html.parser")
    links = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert links == {
        "fr": f"http://{HOST}/fr/ateliers/ville-fraiche/",
        "en": f"http://{HOST}/en/workshops/cool-city/",
        "x-default": f"http://{HOST}/fr/ateliers/ville-fraiche/",
    }


@pytest.mark.django_db
def test_the_sitemap_lists_each_pages_translations_as_alternates(client, site_tree):
    response = client.get("/sitemap.xml", HTTP_HOST=HOST)
    urls = {
        url.find(f"{SITEMAP_NS}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML_NS}link")
        }
        for url in ElementTree.fromstring(response.content).iter(f"{SITEMAP_NS}url")
    }
    cool_city = urls[f"http://{HOST}/en/workshops/cool-city/"]
    assert cool_city == {
        "fr": f"http://{HOST}/fr/ateliers/ville-fraiche/",
        "en": f"http://{HOST}/en/workshops/cool-city/",
        "x-default": f"http://{HOST}/fr/ateliers/ville-fraiche/",
    }
    assert set(urls[f"http://{HOST}/es/"]) == {"fr", "en", "es", "x-default"}
