"""Publication receivers: the follow-up of recommendations and the workshop's status (``archive.follow_up``)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from archive import browse, follow_up
from archive.models import RecommendationPage, RecommendationReportPage

for model in (RecommendationPage, RecommendationReportPage):  # the archive's cached counts start again
    page_published.connect(browse.bump, sender=model, dispatch_uid=f"archive-published-{model.__name__}")
    page_unpublished.connect(browse.bump, sender=model, dispatch_uid=f"archive-unpublished-{model.__name__}")


@receiver(page_published, sender=RecommendationPage)
def recommendation_published(sender, instance, revision=None, **kwargs):
    follow_up.recommendation_published(instance, user=getattr(revision, "user", None))


@receiver(page_published, sender=RecommendationReportPage)
def report_published(sender, instance, **kwargs):
    follow_up.report_published(instance)
