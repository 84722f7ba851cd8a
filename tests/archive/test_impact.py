"""The impact page: figures overall and per workshop, charts with tables, cached until a publish."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from archive.models import RecommendationPage
from home.models import ImpactPage
from workshops.models import MemberOrigin, WorkshopMember


def impact_page(archive):
    page = ImpactPage(title="Impact", slug="impact")
    archive["homes"]["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_figures_charts_and_tables(client, archive):
    workshop = archive["workshop"]
    WorkshopMember.objects.create(workshop=workshop, name="A", email="a@example.org", origin=MemberOrigin.DRAWN)
    WorkshopMember.objects.create(workshop=workshop, name="B", email="b@example.org", origin=MemberOrigin.VOLUNTEER)
    page = impact_page(archive)
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    values = [value.text for value in html.select(".figures__value")]
    assert values[:5] == ["1", "0", "1", "1", "3"]  # held, participants, drawn, volunteers, recommendations
    charts = html.select("figure.chart")
    assert len(charts) == 2
    svg = charts[0].select_one("svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "answers-caption"
    assert "33 % were accepted" in charts[0].figcaption.text or "33 % ont été acceptées" in charts[0].figcaption.text
    rows = {row.th.text: row.td.text for row in charts[0].select("tbody tr")}
    assert rows["Acceptée"] == "1" and rows["Rejetée"] == "1"
    assert html.select_one(f"#workshop-{workshop.translation_key}")


def test_figures_are_cached_until_a_page_is_published(client, archive, uncached):
    page = impact_page(archive)
    client.get(page.url)
    with CaptureQueriesContext(connection) as cached:
        client.get(page.url)
    recommendation = RecommendationPage.objects.get(pk=archive["recommendations"][1].pk)
    recommendation.answer = "accepted"
    recommendation.save_revision().publish()
    with CaptureQueriesContext(connection) as fresh:
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert len(fresh) > len(cached)
    rows = {row.th.text: row.td.text for row in html.select("figure.chart")[0].select("tbody tr")}
    assert rows["Acceptée"] == "2"


def test_the_home_page_and_each_workshop_link_to_it(client, archive):
    page = impact_page(archive)
    assert page.url in client.get(archive["homes"]["fr"].url).content.decode()
    workshop = client.get(archive["workshop"].url).content.decode()
    assert f"{page.url}#workshop-{archive['workshop'].translation_key}" in workshop


def test_the_main_menu_comes_from_the_cache_until_a_page_is_published(client, archive, uncached):
    home = archive["homes"]["fr"]
    client.get(home.url)
    with CaptureQueriesContext(connection) as warm:
        client.get(home.url)
    index = Page.objects.get(pk=archive["index"]["fr"].pk).specific
    index.show_in_menus, index.title = True, "Toutes les recommandations"
    index.save_revision().publish()
    html = client.get(home.url).content.decode()
    assert "Toutes les recommandations" in html.split('class="main-nav"')[1].split("</nav>")[0]
    with CaptureQueriesContext(connection) as again:
        client.get(home.url)
    assert len(again) == len(warm)


def test_members_and_attendance_show_on_the_impact_page_at_once(client, archive):
    page = impact_page(archive)
    values = [
        value.text for value in BeautifulSoup(client.get(page.url).content, "html.parser").select(".figures__value")
    ]
    assert values[2:4] == ["0", "0"]  # drawn, volunteers
    WorkshopMember.objects.create(
        workshop=archive["workshop"], name="A", email="a@example.org", origin=MemberOrigin.DRAWN
    )
    html = BeautifulSoup(client.get(page.url).content, "html.parser")  # the page cache and the figures' cache follow
    assert [value.text for value in html.select(".figures__value")][2:4] == ["1", "0"]
