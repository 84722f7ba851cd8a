"""The report and recommendation pages, and how publishing them moves the workshop along."""

import datetime

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import RecommendationReportPage
from tests.archive.conftest import add_recommendation
from workshops.models import WorkshopPage, WorkshopStatus


def test_a_recommendation_shows_its_answer_as_a_sentence_and_its_actions_as_progress_bars(client, archive):
    page = archive["recommendations"][0]
    response = client.get(page.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert "Cette recommandation a été acceptée parce que" in html.text
    assert html.select_one(".badge--accepted").text.strip() == "Acceptée"  # in words, not only a colour
    bar = html.select_one("[role=progressbar]")
    assert bar["aria-valuenow"] == "40" and bar["aria-valuemin"] == "0" and bar["aria-valuemax"] == "100"
    assert html.select_one("link[media=print]")["href"].endswith(".css")
    assert html.select_one("#endorsements form")["action"].endswith(f"/archive/{page.pk}/endorse/")


def test_the_report_lists_its_recommendations_and_the_workshop_shows_the_report(client, archive):
    report = client.get(archive["report"].url)
    assert report.status_code == 200 and "Planter des arbres" in report.content.decode()
    workshop = client.get(archive["workshop"].url).content.decode()
    assert archive["report"].url in workshop
    assert 'id="report-title"' in workshop


def test_publishing_the_report_moves_the_workshop_then_the_deliberation_moves_it_again(archive):
    workshop = WorkshopPage.objects.get(pk=archive["workshop"].pk)
    assert workshop.status == WorkshopStatus.RECOMMENDATIONS_DELIVERED
    draft = workshop.save_revision()  # an editor's draft: the next edit must start from the new status
    report = RecommendationReportPage.objects.get(pk=archive["report"].pk)
    report.deliberation_number, report.deliberation_date = "2025-118", datetime.date(2025, 9, 29)
    report.save_revision().publish()
    statuses = set(
        WorkshopPage.objects.filter(translation_key=workshop.translation_key).values_list("status", flat=True)
    )
    assert statuses == {WorkshopStatus.DELIBERATION_ADOPTED}  # every translation follows
    draft.refresh_from_db()
    assert draft.content["status"] == WorkshopStatus.DELIBERATION_ADOPTED


def test_a_status_kept_by_hand_does_not_move(archive):
    WorkshopPage.objects.filter(pk=archive["workshop"].pk).update(status=WorkshopStatus.IN_SESSION, status_by_hand=True)
    report = RecommendationReportPage.objects.get(pk=archive["report"].pk)
    report.save_revision().publish()
    assert WorkshopPage.objects.get(pk=archive["workshop"].pk).status == WorkshopStatus.IN_SESSION


def test_recommendations_take_the_report_date_and_workshop(archive):
    page = archive["recommendations"][0]
    assert page.delivered_on == datetime.date(2025, 6, 12)
    assert page.workshop_id == archive["workshop"].pk
    assert page.progress == "under_way"
    assert archive["recommendations"][2].progress == "all_done"
    assert archive["recommendations"][1].progress == "none"


def test_the_report_page_makes_as_many_queries_with_more_recommendations(client, archive, uncached):
    def queries():
        client.get(archive["report"].url)
        with CaptureQueriesContext(connection) as run:
            assert client.get(archive["report"].url).status_code == 200
        return len(run)

    few = queries()
    for n in range(10):
        add_recommendation(archive["report"], f"Encore {n}", archive["theme"], "rejected")
    assert queries() == few
