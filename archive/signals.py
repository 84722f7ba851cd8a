"""Publication receivers: the follow-up of recommendations and the workshop's status (``archive.follow_up``)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from archive import follow_up
from archive.models import RecommendationPage, RecommendationReportPage


@receiver(page_published, sender=RecommendationPage)
def recommendation_published(sender, instance, revision=None, **kwargs):
    follow_up.recommendation_published(instance, user=getattr(revision, "user", None))


@receiver(page_published, sender=RecommendationReportPage)
def report_published(sender, instance, **kwargs):
    follow_up.report_published(instance)
