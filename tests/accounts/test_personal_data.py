"""What the portal holds about a resident: downloading it, and erasing it with the account."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django_comments.models import CommentFlag

from accounts.models import User
from comments import services as comments
from comments.models import PortalComment
from draws.models import Candidacy, Draw, DrawStatus, Outcome, Source
from registrations import services as registrations
from registrations.models import Registration
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_french():
    with translation.override("fr"):
        yield


def full_session(workshop):
    start = timezone.now() + datetime.timedelta(days=10)
    return factories.SessionFactory(
        workshop=workshop,
        capacity=1,
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_opens_at=timezone.now() - datetime.timedelta(days=1),
        residents_only=False,
    )


def draw_for(workshop, status):
    return Draw.objects.create(
        workshop=workshop,
        panel_size=1,
        closes_at=timezone.now() + datetime.timedelta(days=10),
        randomness_method="Deux dés lancés en public.",
        status=status,
    )


def candidacy(draw, reference, user=None, outcome=Outcome.POOL, **fields):
    return Candidacy.objects.create(
        draw=draw,
        reference=reference,
        user=user,
        name=user.public_name if user else "",
        email=user.email if user else f"{reference}@example.org",
        features={"gender": "woman"},
        source=Source.ONLINE if user else Source.IMPORTED,
        outcome=outcome,
        **fields,
    )


@pytest.fixture
def traces(site_tree, resident):
    """Camille holds the only seat of a session, stands in two draws, comments and likes."""
    workshop = site_tree["workshops"]["fr"]
    camille, sam = resident("Camille"), resident("Sam")
    session = full_session(workshop)
    seat = registrations.register(session, registrations.Applicant("Camille", camille.email, "fr", user=camille))
    waiting = registrations.register(session, registrations.Applicant("Lou", "lou@example.org", "fr"))
    open_draw, drawn = draw_for(workshop, DrawStatus.OPEN), draw_for(workshop, DrawStatus.DRAWN)
    candidacy(open_draw, "web-open", camille)
    drawn_seat = candidacy(drawn, "web-drawn", camille, Outcome.SELECTED)
    alternate = candidacy(drawn, "p-next", outcome=Outcome.ALTERNATE, alternate_rank=1)
    own = comments.post(camille, workshop, comments.Post(text="Plus d'arbres rue Lesdiguières"))
    reply = comments.post(sam, workshop, comments.Post(text="D'accord", parent_id=own.pk))
    comments.toggle_like(camille, reply)
    return {
        "camille": camille,
        "sam": sam,
        "seat": seat,
        "waiting": waiting,
        "drawn_seat": drawn_seat,
        "alternate": alternate,
        "own": own,
        "reply": reply,
    }


def test_deleting_my_account_leaves_nothing_that_names_me(client, traces, django_capture_on_commit_callbacks):
    camille = traces["camille"]
    camille.preferred_language = "es"
    camille.save()
    client.force_login(camille)
    page = client.get(reverse("accounts:delete")).content.decode()
    assert "liste d’attente" in page and "« Ancien habitant »" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:delete"), {"password": "a-long-test-password", "understood": "on"}, follow=True
        )
    assert "Votre compte a été supprimé" in response.content.decode()
    farewell = [message for message in mail.outbox if message.to == [camille.email]]
    assert [message.subject for message in farewell] == ["Su cuenta ha sido eliminada"], "one email, in Spanish"
    assert "«Antiguo vecino»" in farewell[0].body
    assert not User.objects.filter(pk=camille.pk).exists()
    assert not EmailAddress.objects.filter(email=camille.email).exists()

    seat = Registration.objects.get(pk=traces["seat"].pk)
    assert (seat.status, seat.name, seat.user) == ("cancelled", "", None) and seat.email.endswith("@invalid")
    waiting = Registration.objects.get(pk=traces["waiting"].pk)
    assert waiting.status != "waitlisted" and waiting.seat == 1, "the waiting list moved up"

    assert not Candidacy.objects.filter(reference="web-open").exists(), "an open pool is left"
    kept = Candidacy.objects.get(pk=traces["drawn_seat"].pk)
    assert (kept.outcome, kept.user, kept.name, kept.email) == (Outcome.DECLINED, None, "", "")
    assert Candidacy.objects.get(pk=traces["alternate"].pk).outcome == Outcome.INVITED

    own = PortalComment.objects.get(pk=traces["own"].pk)
    assert own.comment == "Plus d'arbres rue Lesdiguières" and own.user is None
    assert (own.user_name, own.user_email, own.ip_address, own.followup) == ("", "", None, False)
    assert str(own.author_name()) == "Ancien habitant"
    assert not CommentFlag.objects.filter(comment_id=traces["reply"].pk).exists()

    assert client.get(reverse("accounts:profile")).status_code == 302, "signed out"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "not-my-password", "understood": "on"}, "Ce n’est pas votre mot de passe"),
        ({"password": "a-long-test-password"}, "Champ requis"),
    ],
)
def test_a_wrong_password_or_no_consent_deletes_nothing(client, traces, data, message):
    client.force_login(traces["camille"])
    response = client.post(reverse("accounts:delete"), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert User.objects.filter(pk=traces["camille"].pk).exists()
    assert Registration.objects.get(pk=traces["seat"].pk).status == "confirmed"
    assert Candidacy.objects.filter(reference="web-open").exists()


def test_staff_accounts_are_closed_by_an_administrator(client, resident):
    moderator = resident("Modératrice", username="moderatrice")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert "delete-title" not in client.get(reverse("accounts:profile")).content.decode()
    response = client.post(
        reverse("accounts:delete"), {"password": "a-long-test-password", "understood": "on"}, follow=True
    )
    assert "administrateur" in response.content.decode()
    assert User.objects.filter(pk=moderator.pk).exists()


def test_the_profile_offers_deletion_to_residents(client, resident):
    client.force_login(resident())
    assert reverse("accounts:delete") in client.get(reverse("accounts:profile")).content.decode()


def test_an_administrator_deleting_an_account_erases_the_same_traces(traces):
    traces["camille"].delete()
    own = PortalComment.objects.get(pk=traces["own"].pk)
    assert (own.user, own.user_name, own.user_email) == (None, "", "")
    assert Registration.objects.get(pk=traces["seat"].pk).email.endswith("@invalid")
    assert Candidacy.objects.get(pk=traces["drawn_seat"].pk).email == ""


def test_visitors_are_sent_to_sign_in(client, site_tree):
    response = client.post(reverse("accounts:delete"), {"understood": "on"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_my_data_downloads_everything_the_portal_holds_about_me(client, traces, django_assert_max_num_queries):
    camille, reply = traces["camille"], traces["reply"]
    comments.report(camille, reply, "spam", "Publicité")
    client.force_login(camille)
    assert reverse("accounts:export") in client.get(reverse("accounts:profile")).content.decode()
    with django_assert_max_num_queries(18):  # whatever the number of items
        response = client.get(reverse("accounts:export"))
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == camille.email and data["account"]["email_addresses"][0]["verified"]
    assert [(r["status"], r["seat"], r["email"]) for r in data["registrations"]] == [("confirmed", 1, camille.email)]
    assert {d["reference"] for d in data["draws"]} == {"web-open", "web-drawn"}
    assert data["draws"][0]["features"] == {"gender": "woman"} and data["draws"][0]["workshop"] == "Ville fraîche"
    assert [(c["text"], c["page"]) for c in data["comments"]] == [("Plus d'arbres rue Lesdiguières", "Ville fraîche")]
    assert data["liked_comments"] == [reply.pk]
    assert [(r["comment"], r["details"]) for r in data["reports"]] == [(reply.pk, "Publicité")]
    assert "Lou" not in response.content.decode(), "nobody else's data"


def test_my_data_is_for_me_only(client, site_tree):
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
