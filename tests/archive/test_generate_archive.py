"""The benchmark generator makes real, browsable recommendations in every language."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive import browse
from archive.models import Action, Endorsement, RecommendationPage


def test_generated_recommendations_are_browsable_in_every_language(client, archive):
    out = StringIO()
    call_command("generate_archive", count=30, stdout=out)
    assert "100 % (30/30)" in out.getvalue()
    for code in ("fr", "en", "es"):
        generated = RecommendationPage.objects.live().filter(locale__language_code=code, slug__startswith="r-")
        assert generated.count() == 30
    keys = set(RecommendationPage.objects.filter(slug__startswith="r-").values_list("translation_key", flat=True))
    assert len(keys) == 30  # each recommendation in three languages
    assert Action.objects.filter(page__slug__startswith="r-").exists()
    assert Endorsement.objects.filter(translation_key__in=keys).exists()
    page = RecommendationPage.objects.filter(locale__language_code="es", slug__startswith="r-").first()
    assert client.get(page.url).status_code == 200
    found = browse.browse(archive["locales"]["fr"], {})
    assert found.total == 33


def test_a_count_below_one_is_refused(db):
    with pytest.raises(CommandError):
        call_command("generate_archive", count=0)
