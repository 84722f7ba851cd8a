"""Parallel reports, likes and replies on PostgreSQL: counts, thresholds and thread order stay exact."""

import pytest
from django.core import mail
from django.test import override_settings
from django_comments.models import CommentFlag
from wagtail.models import ModelLogEntry

from comments import services
from comments.models import PortalComment, Report, Status
from tests.parallel import run_in_parallel

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@override_settings(COMMENTS_REPORTS_TO_HIDE=3)
def test_twenty_parallel_reports_hide_once_and_alert_once(workshop, resident, say, moderator):
    comment = say(resident(), "texte contesté")
    reporters = [resident(f"T{n}") for n in range(20)]
    mail.outbox.clear()
    run_in_parallel([lambda user=user: services.report(user, comment, "offensive") for user in reporters])
    comment.refresh_from_db()
    assert comment.status == Status.AUTO_HIDDEN
    assert Report.objects.filter(comment=comment).count() == 20
    assert ModelLogEntry.objects.filter(action="comments.auto_hide", object_id=str(comment.pk)).count() == 1
    assert [message.to for message in mail.outbox] == [[moderator.email]]


def test_the_same_report_sent_twice_at_once_counts_once(workshop, resident, say):
    comment = say(resident())
    witness = resident("Témoin")
    refused = []

    def send():
        try:
            services.report(witness, comment, "spam")
        except services.Refused:
            refused.append(1)

    run_in_parallel([send] * 6)
    assert Report.objects.count() == 1 and len(refused) == 5


def test_parallel_likes_count_each_resident_once(workshop, resident, say):
    comment = say(resident())
    fans = [resident(f"Fan{n}") for n in range(25)]
    run_in_parallel([lambda user=user: services.toggle_like(user, comment) for user in fans])
    assert CommentFlag.objects.filter(comment=comment).count() == 25


def test_parallel_replies_keep_the_thread_order_whole(workshop, resident, say):
    root = say(resident(), "le sujet")
    repliers = [resident(f"R{n}") for n in range(20)]
    run_in_parallel([lambda user=user: say(user, "réponse", parent_id=root.pk) for user in repliers])
    orders = sorted(PortalComment.objects.filter(thread_id=root.pk).values_list("order", flat=True))
    assert orders == list(range(1, 22))
    root.refresh_from_db()
    assert root.nested_count == 20
