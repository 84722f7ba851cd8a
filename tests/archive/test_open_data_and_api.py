"""Open data files per language, streamed, and the read-only API: never personal data."""

import csv
import io
import json

from django.urls import reverse

from archive import endorsing
from archive.models import OpenDataPage
from tests.conftest import translate


def content(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_and_json_hold_each_recommendation_of_the_language(client, archive, resident):
    endorsing.endorse(resident("Camille"), archive["recommendations"][0])
    english = translate(archive["recommendations"][0], archive["locales"]["en"], title="Plant trees")

    response = client.get(reverse("open_data:recommendations", args=["fr", "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(content(response).lstrip("\ufeff"))))
    assert [row["title"] for row in rows] == ["Planter des arbres", "Ouvrir les cours d'école", "Fontaines à boire"]
    first = rows[0]
    assert first["answer"] == "accepted" and first["answer_label"] == "Acceptée"
    assert (first["actions"], first["actions_done"], first["endorsements"]) == ("1", "0", "1")
    assert first["delivered_on"] == "2025-06-12" and first["text"] == "Planter des arbres : le texte."

    items = json.loads(content(client.get(reverse("open_data:recommendations", args=["en", "json"]))))
    assert [item["title"] for item in items] == ["Plant trees"]
    assert items[0]["id"] == str(english.translation_key) == first["id"]
    assert items[0]["answer_label"] == "Accepted" and items[0]["endorsements"] == 1


def test_an_unknown_language_or_format_is_a_404(client, archive):
    assert client.get("/open-data/de/recommendations.csv").status_code == 404
    assert client.get("/open-data/fr/recommendations.xml").status_code == 404


def test_the_open_data_page_lists_files_licence_and_columns(client, archive):
    page = OpenDataPage(title="Données ouvertes", slug="donnees")
    archive["homes"]["fr"].add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Licence Ouverte 2.0 (Etalab)" in html
    assert "/open-data/es/recommendations.json" in html
    assert "<code>answer_label</code>" in html


def test_the_api_gives_recommendations_by_locale_without_personal_data(client, archive, resident):
    endorsing.endorse(
        resident("Secret Name", email="secret@example.org", username="secret"),
        archive["recommendations"][0],
        show_name=False,
    )
    translate(archive["recommendations"][0], archive["locales"]["en"], title="Plant trees")
    response = client.get("/api/v2/pages/", {"type": "archive.RecommendationPage", "locale": "en", "fields": "*"})
    assert response.status_code == 200
    data = response.json()
    assert [item["title"] for item in data["items"]] == ["Plant trees"]
    item = data["items"][0]
    assert item["answer"] == "accepted" and item["endorsement_count"] == 1
    assert item["actions"][0]["status"] == "in_progress" and item["actions"][0]["percent_done"] == 40
    text = response.content.decode()
    assert "@" not in text and "Secret" not in text
    french = client.get("/api/v2/pages/", {"type": "archive.RecommendationPage", "locale": "fr"}).json()
    assert french["meta"]["total_count"] == 3
    assert client.post("/api/v2/pages/").status_code == 405  # read-only
