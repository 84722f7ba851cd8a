"""Fixtures of the draw tests: a French workshop's draw, an organiser, and a pool imported as a city would."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from draws.models import Candidacy, Draw, Quota, Source
from tests import factories


@pytest.fixture(autouse=True)
def in_french():
    with translation.override("fr"):
        yield


@pytest.fixture
def draw(site_tree):
    return Draw.objects.create(
        workshop=site_tree["workshops"]["fr"],
        panel_size=4,
        closes_at=timezone.now() + datetime.timedelta(days=10),
        randomness_method="Trois dés à dix faces lancés en public.",
        lottery_size=100,
    )


@pytest.fixture
def organiser():
    user = factories.UserFactory(username="organisatrice")
    user.groups.add(Group.objects.get(name="Organisers"))
    return user


def pool(draw, size=12):
    """People with an email and alternating features, imported as a city would."""
    for n in range(size):
        Candidacy.objects.create(
            draw=draw,
            reference=f"p{n:02d}",
            email=f"p{n}@example.org",
            language=["fr", "es"][n % 2],
            features={"gender": ["woman", "man"][n % 2], "age": ["16-29", "30-44", "45-64"][n % 3]},
            source=Source.IMPORTED,
        )
    for category, value, low, high in [("gender", "woman", 2, 2), ("gender", "man", 2, 2), ("age", "16-29", 1, 4)]:
        Quota.objects.create(draw=draw, category=category, value=value, minimum=low, maximum=high)
