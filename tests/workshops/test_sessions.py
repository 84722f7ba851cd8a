"""Sessions: one identity for every translation of a workshop, validated, shown in constant queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests import factories
from workshops.models import Session


@pytest.mark.django_db
class TestSessions:
    def test_every_translation_shows_the_same_sessions(self, client, site_tree):
        french, english = site_tree["workshops"]["fr"], site_tree["workshops"]["en"]
        session = factories.SessionFactory(workshop=french, titles={"fr": "Séance 1", "en": "Session 1"})
        assert list(Session.objects.of_workshop(english)) == [session]
        assert "Session 1" in client.get(english.url).content.decode()
        assert "Séance 1" in client.get(french.url).content.decode()

    def test_missing_translation_falls_back_to_french_and_says_so(self, client, site_tree):
        factories.SessionFactory(workshop=site_tree["workshops"]["fr"], titles={"fr": "Séance unique"})
        html = client.get(site_tree["workshops"]["en"].url).content.decode()
        assert '<h3 class="session__title" lang="fr">' in html

    def test_workshop_page_queries_do_not_grow_with_sessions(self, client, site_tree, django_assert_max_num_queries):
        workshop = site_tree["workshops"]["en"]
        factories.SessionFactory(workshop=workshop, titles={"en": "One"})
        with django_assert_max_num_queries(42) as few:
            client.get(workshop.url)
        for n in range(20):
            factories.SessionFactory(workshop=workshop, titles={"en": f"Session {n}", "fr": f"Séance {n}"})
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(workshop.url)
        assert response.content.decode().count('class="session"') == 21

    def test_home_shows_upcoming_sessions_of_live_workshops_only(self, client, site_tree):
        past = timezone.now() - datetime.timedelta(days=3)
        factories.SessionFactory(workshop=site_tree["workshops"]["fr"], titles={"en": "Next one"})
        factories.SessionFactory(
            workshop=site_tree["workshops"]["fr"],
            titles={"en": "Old one"},
            start=past,
            end=past + datetime.timedelta(hours=2),
        )
        html = client.get("/en/").content.decode()
        assert "Next one" in html and "Old one" not in html
        assert "No hay ninguna sesión prevista" in client.get("/es/").content.decode()

    def test_home_queries_do_not_grow_with_workshops_or_sessions(
        self, client, site_tree, django_assert_max_num_queries
    ):
        index = site_tree["indexes"]["fr"]
        factories.SessionFactory(workshop=site_tree["workshops"]["fr"], titles={"fr": "Séance"})
        with django_assert_max_num_queries(40) as few:
            client.get("/fr/")
        for n in range(5):
            workshop = factories.WorkshopPageFactory(parent=index, status="call_for_candidates")
            factories.SessionFactory(workshop=workshop, titles={"fr": f"Séance {n}"})
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get("/fr/")
        assert response.content.decode().count('class="card"') == 6

    def test_session_must_end_after_it_starts(self, site_tree):
        start = timezone.now()
        session = Session(
            workshop=site_tree["workshops"]["fr"],
            start=start,
            end=start,
            venue_name="Salle",
            venue_address="Rue",
            capacity=10,
        )
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "end" in error.value.message_dict
        with pytest.raises(IntegrityError), transaction.atomic():
            session.save()

    def test_registration_window_is_checked(self, site_tree):
        start = timezone.now() + datetime.timedelta(days=5)
        session = Session(
            workshop=site_tree["workshops"]["fr"],
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue_name="Salle",
            venue_address="Rue",
            capacity=10,
            registration_opens_at=start,
            registration_closes_at=start - datetime.timedelta(days=1),
        )
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "registration_closes_at" in error.value.message_dict
