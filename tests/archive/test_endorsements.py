"""Endorsing: one per resident and recommendation in every language, without JavaScript, rate-limited."""

import pytest
from django.urls import reverse
from django.utils import translation

from archive import endorsing
from archive.models import Endorsement
from archive.views import PENDING
from tests.conftest import translate
from tests.parallel import run_in_parallel


def endorse_url(page):
    return reverse("archive:endorse", args=[page.pk])


def test_a_resident_endorses_once_in_every_language_and_withdraws(client, archive, resident):
    page = archive["recommendations"][0]
    english = translate(page, archive["locales"]["en"], title="Plant trees")
    client.force_login(resident("Camille"))
    response = client.post(endorse_url(page), {"show_name": "on"})
    assert response.status_code == 302 and response["Location"].endswith("#endorsements")
    client.post(endorse_url(english), {"show_name": "on"})  # the same recommendation: still one
    assert Endorsement.objects.filter(translation_key=page.translation_key).count() == 1
    html = client.get(english.url).content.decode()
    assert "Camille endorses it." in html and "Withdraw my endorsement" in html

    client.post(reverse("archive:withdraw", args=[page.pk]))
    assert not Endorsement.objects.exists()


@translation.override("en")
def test_the_list_names_those_who_chose_it_and_counts_the_others(archive, resident):
    page = archive["recommendations"][0]
    for name in ("Camille", "Santiago", "Aïcha", "Lou"):
        endorsing.endorse(resident(name, username=name.lower()), page, show_name=True)
    for n in range(12):
        endorsing.endorse(resident(f"Hidden {n}", username=f"hidden{n}"), page, show_name=False)
    endorsers = endorsing.endorsers_of(page)
    assert endorsers.count == 16
    assert endorsers.sentence == "Camille, Santiago, Aïcha and 13 others endorse it."
    assert "Hidden 0" not in endorsers.names


@translation.override("en")
def test_endorsement_sentences_in_every_case():
    assert endorsing.sentence([], 0) == "No one has endorsed this recommendation yet."
    assert endorsing.sentence([], 2) == "2 residents endorse it."
    assert endorsing.sentence(["Camille", "Santiago"], 2) == "Camille and Santiago endorse it."
    assert endorsing.sentence(["Camille"], 2) == "Camille and 1 other endorse it."


def test_an_anonymous_visitor_signs_in_and_comes_back_with_the_endorsement_made(client, archive, resident):
    page = archive["recommendations"][0]
    response = client.post(endorse_url(page), {"show_name": "on", "notify": "on"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Endorsement.objects.exists()
    assert client.session[PENDING]["page"] == page.pk

    client.force_login(resident("Camille"))  # the sign-in keeps the session's data
    response = client.get(reverse("archive:resume", args=[page.pk]))
    assert response.status_code == 302 and response["Location"].endswith("#endorsements")
    endorsement = Endorsement.objects.get()
    assert endorsement.show_name and endorsement.notify
    assert client.get(reverse("archive:resume", args=[page.pk])).status_code == 302  # nothing pending: no error


def test_endorsing_twice_is_idempotent_and_keeps_the_new_choices(client, archive, resident):
    page = archive["recommendations"][0]
    client.force_login(resident("Camille"))
    client.post(endorse_url(page), {"show_name": "on"})
    client.post(endorse_url(page), {})
    endorsement = Endorsement.objects.get()
    assert endorsement.show_name is False


def test_an_unpublished_or_unknown_recommendation_is_a_404(client, archive, resident):
    page = archive["recommendations"][0]
    page.unpublish()
    client.force_login(resident("Camille"))
    assert client.post(endorse_url(page)).status_code == 404
    assert client.post(reverse("archive:endorse", args=[999999])).status_code == 404
    assert client.get(endorse_url(archive["recommendations"][1])).status_code == 405


def test_endorsing_is_rate_limited_with_a_message(client, archive, resident, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "endorsement": {"user": "3/m"}}
    client.force_login(resident("Camille"))
    pages = archive["recommendations"]
    for page in pages:
        client.post(endorse_url(page), {"show_name": "on"})
    response = client.post(reverse("archive:withdraw", args=[pages[0].pk]))
    assert response.status_code == 429 and "Please try again in 1 minute." in response.content.decode()
    assert Endorsement.objects.count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_endorsements_count_every_resident_once(archive, resident):
    page = archive["recommendations"][0]
    residents = [resident(f"R{n}", username=f"r{n}") for n in range(30)]
    twice = residents[:10]  # ten of them click twice at the same instant
    run_in_parallel([lambda user=user: endorsing.endorse(user, page) for user in residents + twice])
    assert endorsing.endorsers_of(page).count == 30
    run_in_parallel([lambda user=user: endorsing.withdraw(user, page) for user in twice + twice])
    assert endorsing.endorsers_of(page).count == 20


def test_endorsements_are_in_my_data_and_go_with_my_account(client, archive, resident):
    camille = resident("Camille")
    endorsing.endorse(camille, archive["recommendations"][0], show_name=False, notify=True)
    client.force_login(camille)
    data = client.get(reverse("accounts:export")).json()
    assert data["endorsements"][0]["recommendation"] == "Planter des arbres"
    assert data["endorsements"][0]["name_shown"] is False and data["endorsements"][0]["emails_on_changes"] is True
    camille.delete()
    assert not Endorsement.objects.exists()
