"""Factories for the portal's models; pages are built in French then translated."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from home.models import HomePage, StandardPage
from workshops.models import (
    CouncilIndexPage,
    CouncilPage,
    Session,
    SessionText,
    Territory,
    Theme,
    WorkshopIndexPage,
    WorkshopPage,
)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"resident{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-test-password")

    class Meta:
        model = User


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")

    class Meta:
        model = Theme


class TerritoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Territoire {n}")

    class Meta:
        model = Territory


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    introduction = "<p>Bienvenue.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")

    class Meta:
        model = StandardPage


class CouncilIndexPageFactory(wagtail_factories.PageFactory):
    title = "Conseils citoyens"

    class Meta:
        model = CouncilIndexPage


class CouncilPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Conseil {n}")
    territory = factory.SubFactory(TerritoryFactory)
    description = "<p>Un conseil indépendant.</p>"
    how_to_take_part = "<p>Venez aux réunions.</p>"

    class Meta:
        model = CouncilPage


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ateliers"

    class Meta:
        model = WorkshopIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Atelier {n}")
    topic = "Comment rafraîchir la ville ?"
    city_expectations = "<p>Des propositions concrètes.</p>"
    theme = factory.SubFactory(ThemeFactory)
    status = "in_session"

    class Meta:
        model = WorkshopPage


class SessionFactory(factory.django.DjangoModelFactory):
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda session: session.start + datetime.timedelta(hours=2))
    venue_name = "Maison des habitants"
    venue_address = "1 place de la Mairie"
    capacity = 30
    open_to_public = True  # members-only sessions are built explicitly where a test is about them

    class Meta:
        model = Session
        skip_postgeneration_save = True

    @factory.post_generation
    def titles(session, create, extracted, **kwargs):
        for code, title in (extracted or {"fr": "Séance"}).items():
            SessionText.objects.create(session=session, locale=Locale.objects.get(language_code=code), title=title)
