"""Who may register and for what: childcare places, members-only sessions, sessions already over."""

import datetime

import pytest
from django.utils import timezone, translation

from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests.parallel import run_in_parallel
from tests.registrations.conftest import applicant_for, guest
from tests.registrations.test_registration_pages import form_data, page
from workshops.models import MemberOrigin, WorkshopMember

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_french():
    """Services called outside a request answer in the site's default language."""
    with translation.override("fr"):
        yield


# Childcare ----------------------------------------------------------------------


def test_childcare_places_are_shared_by_everyone_seated(make_session, resident):
    session = make_session(capacity=10, childcare_places=10)
    services.register(session, applicant_for(resident("A"), children=6))
    with pytest.raises(services.Refused, match="4 places de garde") as refusal:
        services.register(session, applicant_for(resident("B"), children=6))
    assert refusal.value.field == "children"
    services.register(session, applicant_for(resident("C"), children=4))
    with pytest.raises(services.Refused, match="Plus aucune place de garde"):
        services.register(session, applicant_for(resident("D"), children=1))
    services.register(session, applicant_for(resident("E"), children=0))
    assert services.childcare_left(session) == 0


def test_a_refusal_for_childcare_keeps_what_was_typed(client, make_session, resident):
    session = make_session(capacity=10, childcare_places=5)
    services.register(session, applicant_for(resident("A"), children=4))
    client.force_login(resident("Nadia"))
    response = client.post(
        f"/fr/sessions/{session.pk}/", form_data(children="3", access_needs="Boucle magnétique, merci")
    )
    assert response.status_code == 400
    html = page(response)
    assert "Il ne reste qu’une place de garde" in html.get_text() or "1 place de garde" in html.get_text()
    assert html.select_one("textarea[name=access_needs]").get_text().strip() == "Boucle magnétique, merci"
    assert html.select_one("input[name=children]")["value"] == "3"
    assert Registration.objects.filter(session=session).count() == 1


def test_the_session_page_shows_childcare_places_left(client, make_session, resident):
    session = make_session(capacity=10, childcare_places=5)
    services.register(session, applicant_for(resident("A"), children=2))
    facts = page(client.get(f"/en/sessions/{session.pk}/")).select_one(".facts").get_text(" ", strip=True)
    assert "3 childcare places left." in facts


def test_a_person_waiting_is_seated_only_when_their_children_can_be_looked_after(make_session, resident):
    session = make_session(capacity=2, childcare_places=3)
    first = services.register(session, applicant_for(resident("A"), children=3))
    second = services.register(session, applicant_for(resident("B")))
    needs_care = services.register(session, applicant_for(resident("C"), children=2))
    no_care = services.register(session, applicant_for(resident("D")))
    assert needs_care.status == no_care.status == RegistrationStatus.WAITLISTED
    services.cancel(second)
    needs_care.refresh_from_db(), no_care.refresh_from_db()
    assert (needs_care.status, no_care.status) == (RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED)
    services.cancel(first)
    needs_care.refresh_from_db()
    assert needs_care.status == RegistrationStatus.CONFIRMED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_registrations_never_overbook_childcare(make_session):
    session = make_session(capacity=50, childcare_places=10)

    def attempt(n):
        try:
            services.register(session, guest(n, children=6))
        except services.Refused:
            pass  # "not enough childcare places": the expected answer for all but one

    run_in_parallel([lambda n=n: attempt(n) for n in range(12)])
    seated = Registration.objects.filter(session=session, status=RegistrationStatus.CONFIRMED)
    assert seated.count() == 1
    assert sum(seated.values_list("children", flat=True)) == 6


# Members-only sessions ------------------------------------------------------------


@pytest.fixture
def members_only(make_session):
    return make_session(capacity=10, open_to_public=False)


def test_members_only_sessions_refuse_everyone_else(members_only, resident):
    with pytest.raises(services.Refused, match="réservée aux membres"):
        services.register(members_only, guest(1))
    with pytest.raises(services.Refused, match="réservée aux membres"):
        services.register(members_only, applicant_for(resident("Intrus")))
    assert not Registration.objects.exists()


def test_members_register_by_account_or_by_the_address_the_organisers_have(members_only, resident):
    volunteer = resident("Bénévole")
    WorkshopMember.objects.create(
        workshop=members_only.workshop, name="Bénévole", email=volunteer.email.upper(), origin=MemberOrigin.VOLUNTEER
    )
    WorkshopMember.objects.create(workshop=members_only.workshop, name="Invité", email="guest1@example.org")
    assert services.register(members_only, applicant_for(volunteer)).status == RegistrationStatus.CONFIRMED
    assert services.register(members_only, guest(1)).status == RegistrationStatus.CONFIRMED


def test_the_page_explains_members_only_sessions_to_others(client, members_only, resident):
    client.force_login(resident("Intrus"))
    html = page(client.get(f"/fr/sessions/{members_only.pk}/"))
    assert "réservée aux membres de l’atelier" in html.select_one("#registration").get_text()
    assert html.select_one("#registration form") is None
    response = client.post(f"/fr/sessions/{members_only.pk}/", form_data(), follow=True)
    assert "réservée aux membres" in response.content.decode()
    assert not Registration.objects.exists()


def test_staff_moves_obey_the_same_rule(make_session, members_only):
    open_session = make_session(capacity=10)
    registration = services.register(open_session, guest(1))
    with pytest.raises(services.Refused, match="réservée aux membres"):
        services.move(registration, members_only)


# Sessions already over ---------------------------------------------------------------


def test_a_past_session_says_it_is_over_and_offers_no_form(client, make_session):
    start = timezone.now() - datetime.timedelta(days=3)
    session = make_session(
        capacity=30, start=start, end=start + datetime.timedelta(hours=2), registration_closes_at=None
    )
    html = page(client.get(f"/fr/sessions/{session.pk}/"))
    assert html.select_one(".seats-left") is None
    assert "Cette séance est terminée" in html.get_text()
    assert html.select_one("#registration form") is None
    workshop = page(client.get(session.workshop.url))
    assert "Cette séance est terminée" in workshop.select_one(".session__seats").get_text()
    with pytest.raises(services.Refused, match="déjà eu lieu"):
        services.register(session, guest(1))


def test_the_sign_in_link_brings_the_visitor_back(client, make_session):
    session = make_session()
    link = page(client.get(f"/fr/sessions/{session.pk}/?x=1")).select_one(".account-nav a")
    assert link["href"] == f"/fr/accounts/login/?next=/fr/sessions/{session.pk}/%3Fx%3D1"


def test_a_staff_move_obeys_the_residence_rule(make_session, district):
    registration = services.register(make_session(capacity=10), guest(1))
    with pytest.raises(services.Refused, match="habitent la ville") as refusal:
        services.move(registration, make_session(capacity=10, residents_only=True))
    assert refusal.value.field == "district"
