"""A workshop's draw by lot in the portal: call for candidates, quotas, the public protocol, the result."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from draws import services
from draws.models import Candidacy, Draw, DrawStatus, Outcome
from sortition.cli import main as sortition_main
from tests import factories
from tests.draws.conftest import pool

pytestmark = pytest.mark.django_db


def application(place, **fields):
    return {"old_enough": "on", "district": place.pk, "gender": "woman", "age": "30-44", "consent": "on", **fields}


def test_a_resident_enters_the_pool_with_the_reasons_explained(client, draw, district, resident):
    camille = resident()
    client.force_login(camille)
    form = client.get(reverse("draws:apply", args=[draw.pk])).content.decode()
    assert "La moitié des sièges" in form and "16 ans ou plus" in form
    response = client.post(reverse("draws:apply", args=[draw.pk]), application(district), follow=True)
    assert "Vous êtes dans le tirage" in response.content.decode()
    candidacy = Candidacy.objects.get()
    assert candidacy.features == {"gender": "woman", "age": "30-44", "district": "Berriat"}
    assert candidacy.user == camille and candidacy.reference.startswith("web-") and candidacy.consent_at
    again = client.post(reverse("draws:apply", args=[draw.pk]), application(district), follow=True)
    assert "déjà" in again.content.decode() and Candidacy.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"old_enough": ""}, "à partir de 16 ans"),
        ({"district": ""}, "Choisissez votre quartier"),
        ({"gender": "robot"}, "Sélectionnez un choix valide"),
        ({"consent": ""}, "Merci d’accepter"),
        ({"website": "http://spam"}, "n’a pas pu être envoyé"),
    ],
)
def test_ineligible_or_incomplete_applications_are_explained(client, draw, district, resident, fields, message):
    client.force_login(resident())
    response = client.post(reverse("draws:apply", args=[draw.pk]), application(district, **fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Candidacy.objects.exists()


def test_applications_close(client, draw, district, resident):
    Draw.objects.filter(pk=draw.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(resident())
    response = client.post(reverse("draws:apply", args=[draw.pk]), application(district), follow=True)
    assert "sont closes" in response.content.decode()
    assert not Candidacy.objects.exists()


def test_importing_stratification_files(client, draw, organiser):
    client.force_login(organiser)
    categories = "category,name,min,max\ngender,woman,2,2\ngender,man,2,2\n"
    respondents = "id,gender,email\na1,woman,a1@example.org\na2,man,\na3,woman,\na4,man,\na5,woman,\n"
    files = {
        "categories": SimpleUploadedFile("categories.csv", categories.encode()),
        "respondents": SimpleUploadedFile("respondents.csv", respondents.encode("utf-8-sig")),
    }
    response = client.post(reverse("draws_admin:import", args=[draw.pk]), files, follow=True)
    assert "5 répondants et 2 quotas importés" in response.content.decode()
    imported = Candidacy.objects.get(file_id="a1")
    assert imported.email == "a1@example.org"
    # the city's own ids (often names or emails) never become the published reference
    assert imported.reference.startswith("imp-") and draw.candidacies.values("reference").distinct().count() == 5
    assert draw.quotas.count() == 2
    page = client.get(reverse("draws_admin:run", args=[draw.pk])).content.decode()
    assert "Un panel respectant tous les quotas existe." in page and "a1@example.org" in page
    assert "identifiant dans le fichier : a1" in page
    assert "quota_editor.js" in page


def test_a_bad_file_names_the_file_and_line_and_changes_nothing(client, draw, organiser):
    pool(draw)
    client.force_login(organiser)
    files = {
        "categories": SimpleUploadedFile("categories.csv", b"category,name,min,max\ngender,woman,3,1\n"),
        "respondents": SimpleUploadedFile("respondents.csv", b"id,gender\nx,woman\n"),
    }
    response = client.post(reverse("draws_admin:import", args=[draw.pk]), files, follow=True)
    assert "categories.csv, line 2" in response.content.decode()
    assert draw.candidacies.count() == 12 and draw.quotas.count() == 3


def test_the_quota_editor_checks_feasibility_live(client, draw, organiser):
    pool(draw)
    client.force_login(organiser)
    quotas = list(draw.quotas.order_by("pk"))
    data = {"quotas-TOTAL_FORMS": "3", "quotas-INITIAL_FORMS": "3", "quotas-MIN_NUM_FORMS": "0"}
    for n, quota in enumerate(quotas):
        data.update(
            {
                f"quotas-{n}-id": quota.pk,
                f"quotas-{n}-category": quota.category,
                f"quotas-{n}-value": quota.value,
                f"quotas-{n}-minimum": quota.minimum,
                f"quotas-{n}-maximum": quota.maximum,
            }
        )
    assert client.post(reverse("draws_admin:check", args=[draw.pk]), data).json() == {"ok": True, "problems": []}
    data["quotas-0-minimum"] = data["quotas-0-maximum"] = 4  # four women and two men on four seats
    result = client.post(reverse("draws_admin:check", args=[draw.pk]), data).json()
    assert result["ok"] is False
    assert "Les minimums de « gender » font 6 : 2 de plus que les 4 sièges." in result["problems"]
    data["quotas-0-minimum"] = 9
    data["quotas-0-maximum"] = 1
    assert client.post(reverse("draws_admin:check", args=[draw.pk]), data).json()["ok"] is False
    assert draw.quotas.get(pk=quotas[0].pk).minimum == 2  # nothing saved by checking


def test_infeasible_quotas_cannot_be_frozen(draw, organiser):
    pool(draw)
    draw.quotas.filter(value="woman").update(minimum=4, maximum=4)
    with pytest.raises(services.Refused, match="ne peuvent pas être respectés"):
        services.freeze(draw, organiser)


def test_the_whole_protocol_is_public_and_replayable(
    client, draw, organiser, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    pool(draw)
    client.force_login(organiser)
    step = reverse("draws_admin:step", args=[draw.pk])
    client.post(step, {"action": "freeze", "confirm_freeze": "on"})
    draw.refresh_from_db()
    assert draw.status == DrawStatus.FROZEN and len(draw.pool_sha256) == 64
    client.post(step, {"action": "compute"})
    draw.refresh_from_db()
    assert draw.status == DrawStatus.LOTTERY and len(draw.lottery_sha256) == 64
    page = client.get(reverse("draws:detail", args=[draw.pk])).content.decode()
    assert draw.pool_sha256 in page and draw.lottery_sha256 in page and "Trois dés" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(step, {"action": "draw", "randomness": " 3  9 0 "})
    draw.refresh_from_db()
    assert draw.status == DrawStatus.DRAWN and draw.randomness == "3 9 0"
    selected = draw.candidacies.filter(outcome=Outcome.SELECTED)
    assert selected.count() == 4
    assert sorted(c.features["gender"] for c in selected) == ["man", "man", "woman", "woman"]
    assert sorted(draw.candidacies.filter(outcome=Outcome.ALTERNATE).values_list("alternate_rank", flat=True)) == list(
        range(1, 9)
    )
    languages = {c.email: c.language for c in draw.candidacies.all()}
    drawn_mail = [m for m in mailoutbox if m.to[0] in {c.email for c in selected}]
    assert len(drawn_mail) == 4 and len(mailoutbox) == 12
    for message in drawn_mail:
        expected = {"fr": "Vous avez été tiré au sort", "es": "Ha sido sorteado"}[languages[message.to[0]]]
        assert message.subject.startswith(expected)

    audit = client.get(reverse("draws:audit", args=[draw.pk]))
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "audit.json").write_bytes(audit.content)
    assert sortition_main(["verify", str(folder)]) == 0
    record = json.loads(audit.content)
    outsider = next(r["id"] for r in record["respondents"] if r["id"] not in record["result"]["selected"])
    record["result"]["selected"][0] = outsider  # a tampered result
    (folder / "audit.json").write_text(json.dumps(record))
    assert sortition_main(["verify", str(folder)]) == 1


def test_published_draws_are_immutable(client, draw, organiser, district, resident):
    pool(draw)
    services.freeze(draw, organiser)
    client.force_login(organiser)
    response = client.get(reverse("draw_settings:edit", args=[draw.pk]), follow=True)
    assert "ne peuvent plus changer" in response.content.decode()
    response = client.post(
        reverse("draws_admin:run", args=[draw.pk]),
        {"save_quotas": "1", "quotas-TOTAL_FORMS": "0", "quotas-INITIAL_FORMS": "0"},
        follow=True,
    )
    assert "Les quotas sont figés." in response.content.decode()
    assert draw.quotas.count() == 3
    with pytest.raises(services.Refused):
        services.freeze(draw, organiser)
    client.force_login(resident())
    response = client.post(reverse("draws:apply", args=[draw.pk]), application(district), follow=True)
    assert not Candidacy.objects.filter(user__isnull=False).exists()


def test_a_declined_seat_goes_to_the_first_alternate(draw, organiser, mailoutbox, django_capture_on_commit_callbacks):
    pool(draw)
    services.freeze(draw, organiser)
    services.compute_lottery(draw.pk)
    services.draw_panel(draw, organiser, "42")
    mailoutbox.clear()
    leaving = draw.candidacies.filter(outcome=Outcome.SELECTED).first()
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.decline(leaving, organiser)
    assert invited.alternate_rank == 1 and invited.outcome == Outcome.INVITED
    assert [m.to for m in mailoutbox] == [[invited.email]]
    with pytest.raises(services.Refused):
        services.decline(leaving, organiser)


def test_only_organisers_run_draws(client, draw):
    moderator = factories.UserFactory(username="moderatrice")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert client.get(reverse("draws_admin:run", args=[draw.pk])).status_code == 302
    assert (
        client.post(
            reverse("draws_admin:step", args=[draw.pk]), {"action": "freeze", "confirm_freeze": "on"}
        ).status_code
        == 302
    )
    draw.refresh_from_db()
    assert draw.status == DrawStatus.OPEN


def test_the_published_lottery_hashes_to_its_fingerprint(client, draw, organiser):
    import hashlib

    from sortition.lottery import pick

    pool(draw)
    services.freeze(draw, organiser)
    services.compute_lottery(draw.pk)
    draw.refresh_from_db()
    lottery = client.get(reverse("draws:lottery", args=[draw.pk])).content
    assert hashlib.sha256(lottery).hexdigest() == draw.lottery_sha256
    services.draw_panel(draw, organiser, "7 7 1")
    draw.refresh_from_db()
    # anyone can recompute the chosen panel from the two published values, without the solver
    index = pick(draw.lottery_sha256, "7 7 1", draw.lottery_size)
    assert index == draw.lottery_index
    assert sorted(json.loads(lottery)[index]) == draw.audit["result"]["selected"]
    page = client.get(reverse("draws:detail", args=[draw.pk])).content.decode()
    assert "Genre : Femme" in page and "Âge : 16 à 29 ans" in page
    assert client.get(reverse("draws:lottery", args=[draw.pk]).replace("/fr/", "/en/")).status_code == 200


def test_nothing_is_downloadable_before_the_lottery(client, draw):
    assert client.get(reverse("draws:audit", args=[draw.pk])).status_code == 404
    assert client.get(reverse("draws:lottery", args=[draw.pk])).status_code == 404


def test_organisers_set_up_a_draw_in_the_admin(client, site_tree, organiser):
    client.force_login(organiser)
    assert client.get(reverse("draw_settings:index")).status_code == 200
    data = {
        "workshop": site_tree["workshops"]["fr"].pk,
        "panel_size": 17,
        "minimum_age": 16,
        "closes_at": "2027-01-31 18:00",
        "randomness_method": "Dés lancés en public.",
        "lottery_size": 1000,
    }
    response = client.post(reverse("draw_settings:add"), data)
    assert response.status_code == 302
    draw = Draw.objects.get()
    assert draw.panel_size == 17 and draw.status == DrawStatus.OPEN
    listing = client.get(reverse("draw_settings:index")).content.decode()
    assert reverse("draws_admin:run", args=[draw.pk]) in listing


def test_a_resident_withdraws_until_the_freeze(client, draw, district, resident, organiser):
    camille = resident()
    client.force_login(camille)
    client.post(reverse("draws:apply", args=[draw.pk]), application(district))
    assert "Retirer ma candidature" in client.get(reverse("draws:detail", args=[draw.pk])).content.decode()
    response = client.post(reverse("draws:withdraw", args=[draw.pk]), follow=True)
    assert "Vous n’êtes plus dans le tirage" in response.content.decode()
    assert not Candidacy.objects.exists()
    client.post(reverse("draws:apply", args=[draw.pk]), application(district))
    pool(draw)
    services.freeze(draw, organiser)
    response = client.post(reverse("draws:withdraw", args=[draw.pk]), follow=True)
    assert "ne peuvent plus être retirées" in response.content.decode()
    assert Candidacy.objects.filter(user=camille).exists()


def test_my_space_lists_my_candidacies_and_withdraws_them_until_the_freeze(
    client, draw, district, resident, organiser, site_tree
):
    camille = resident()
    client.force_login(camille)
    client.post(reverse("draws:apply", args=[draw.pk]), application(district))
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Mes tirages au sort" in profile and "Ville fraîche" in profile and "Dans le vivier" in profile
    assert reverse("draws:withdraw", args=[draw.pk]) in profile
    pool(draw)
    services.freeze(draw, organiser)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Mes tirages au sort" in profile and reverse("draws:withdraw", args=[draw.pk]) not in profile


def test_my_candidacies_show_the_workshop_in_my_language_in_two_queries(
    draw, district, resident, site_tree, django_assert_num_queries
):
    camille = resident()
    services.apply(draw, camille, {"gender": "woman"}, timezone.now())
    english = Locale.objects.get(language_code="en")
    with django_assert_num_queries(2):
        listed = services.candidacies_of(camille, english)
    assert [c.workshop_shown.title for c in listed] == ["Cool city"]


def test_applying_again_and_again_after_withdrawing_is_limited(client, draw, district, resident):
    camille, dominique = resident(), resident()
    client.force_login(camille)
    for _ in range(3):
        client.post(reverse("draws:apply", args=[draw.pk]), application(district))
        assert Candidacy.objects.filter(user=camille).exists()
        client.post(reverse("draws:withdraw", args=[draw.pk]))
    response = client.post(reverse("draws:apply", args=[draw.pk]), application(district))
    assert response.status_code == 429 and "Veuillez réessayer dans" in response.content.decode()
    assert not Candidacy.objects.filter(user=camille).exists()
    client.force_login(dominique)
    client.post(reverse("draws:apply", args=[draw.pk]), application(district))
    assert Candidacy.objects.filter(user=dominique).exists()


def test_freezing_asks_for_a_confirmation(client, draw, organiser):
    pool(draw)
    client.force_login(organiser)
    page = client.get(reverse("draws_admin:run", args=[draw.pk])).content.decode()
    assert 'name="confirm_freeze"' in page and "ne pourront plus jamais changer" in page
    response = client.post(reverse("draws_admin:step", args=[draw.pk]), {"action": "freeze"}, follow=True)
    assert "Cochez la case pour confirmer le gel" in response.content.decode()
    draw.refresh_from_db()
    assert draw.status == DrawStatus.OPEN


def test_frozen_quotas_are_shown_read_only_in_the_organisers_words(client, draw, organiser):
    pool(draw)
    services.freeze(draw, organiser)
    client.force_login(organiser)
    html = BeautifulSoup(client.get(reverse("draws_admin:run", args=[draw.pk])).content, "html.parser")
    assert html.select('input[name^="quotas-"]') == []
    rows = [row.get_text(" ", strip=True) for row in html.select("table.listing")[0].select("tbody tr")]
    assert "Genre : Femme 2 2" in rows and "Âge : 16 à 29 2 2" not in rows
    assert any(row.startswith("Âge : 16 à 29") for row in rows)
    assert "Genre : Femme" in html.select("table.listing")[1].get_text()  # the pool, too


def test_every_quota_input_has_a_label(client, draw, organiser):
    pool(draw)
    client.force_login(organiser)
    html = BeautifulSoup(client.get(reverse("draws_admin:run", args=[draw.pk])).content, "html.parser")
    inputs = html.select("#quota-editor input:not([type=hidden]), #quota-editor select")
    labels = {label["for"]: label.get_text(" ", strip=True) for label in html.select("#quota-editor label[for]")}
    assert inputs and all(field["id"] in labels for field in inputs)
    assert "Minimum, Genre : Femme" in labels.values()


def test_the_drawn_panel_joins_the_workshops_members(client, draw, organiser, django_capture_on_commit_callbacks):
    from workshops.models import MemberOrigin, WorkshopMember

    pool(draw)
    services.freeze(draw, organiser)
    services.compute_lottery(draw.pk)
    draw.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.draw_panel(draw, organiser, "1 2 3")
    selected = list(draw.candidacies.filter(outcome=Outcome.SELECTED))
    members = WorkshopMember.objects.of_workshop(draw.workshop)
    assert sorted(members.values_list("email", flat=True)) == sorted(c.email for c in selected)
    assert set(members.values_list("origin", flat=True)) == {MemberOrigin.DRAWN}
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.decline(selected[0], organiser)
    emails = set(members.values_list("email", flat=True))
    assert selected[0].email not in emails and invited.email in emails and len(emails) == 4


def test_the_draw_page_costs_the_same_queries_whatever_the_pool(client, draw, django_assert_num_queries):
    pool(draw, size=10)
    client.get(f"/fr/draws/{draw.pk}/")
    with django_assert_num_queries(4):  # the draw, its quotas, the pool as plain values, the workshop's language
        client.get(f"/fr/draws/{draw.pk}/")
    for n in range(10, 300):
        Candidacy.objects.create(draw=draw, reference=f"q{n}", features={"gender": "man", "age": "16-29"})
    with django_assert_num_queries(4):
        response = client.get(f"/fr/draws/{draw.pk}/")
    assert "300" in response.content.decode()


def test_visitors_get_the_draw_page_from_the_cache_until_the_pool_changes(client, draw):
    pool(draw, size=10)
    address = f"/fr/draws/{draw.pk}/"
    assert [client.get(address)["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
    Candidacy.objects.create(draw=draw, reference="late", features={"gender": "man", "age": "16-29"})
    assert client.get(address)["X-Page-Cache"] == "miss"
