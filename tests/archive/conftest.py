import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Page

from archive.models import Action, RecommendationIndexPage, RecommendationPage, RecommendationReportPage
from outbox import sending
from tests import factories
from tests.conftest import translate


@pytest.fixture(autouse=True)
def send_at_once(monkeypatch):
    """Emails leave as soon as their transaction commits, as the immediate task backend does."""
    monkeypatch.setattr(sending, "send_after_commit", lambda email: sending.deliver_email.call(email.pk))


@pytest.fixture
def editor(db):
    user = factories.UserFactory(username="editor", is_staff=False)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def add_recommendation(report, title, theme, answer="under_study", actions=(), territory=None, user=None, **fields):
    page = RecommendationPage(
        title=title,
        slug=slugify(title),
        body=fields.pop("body", f"<p>{title} : le texte.</p>"),
        theme=theme,
        territory=territory,
        answer=answer,
        **fields,
    )
    for description, status, percent in actions:
        page.actions.add(Action(description=description, status=status, percent_done=percent, locale=report.locale))
    report.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


@pytest.fixture
def archive(site_tree):
    """A report under the French workshop with three recommendations, and the archive index in fr and en."""
    workshop = site_tree["workshops"]["fr"]
    theme = workshop.theme
    report = RecommendationReportPage(
        title="Rapport de l'atelier",
        slug="rapport",
        delivered_on=datetime.date(2025, 6, 12),
        summary="<p>Douze idées.</p>",
    )
    workshop.add_child(instance=report)
    report.save_revision().publish()
    translate(report, site_tree["locales"]["en"], title="Workshop report", slug="report")
    recommendations = [
        add_recommendation(
            report, "Planter des arbres", theme, "accepted", [("Planter 500 arbres", "in_progress", 40)]
        ),
        add_recommendation(report, "Ouvrir les cours d'école", theme, "rejected"),
        add_recommendation(report, "Fontaines à boire", theme, "partially_accepted", [("Dix fontaines", "done", 100)]),
    ]
    home = site_tree["homes"]["fr"]
    index = RecommendationIndexPage(title="Recommandations", slug="recommandations")
    home.add_child(instance=index)
    index.save_revision().publish()
    indexes = {
        "fr": index,
        "en": translate(index, site_tree["locales"]["en"], title="Recommendations", slug="recommendations"),
    }
    return {
        **site_tree,
        "report": report,
        "recommendations": recommendations,
        "index": indexes,
        "theme": theme,
        "workshop": Page.objects.get(pk=workshop.pk).specific,
    }
