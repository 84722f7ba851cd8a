"""What a page type needs to carry a public discussion: inherit ``DiscussionMixin``.

It sits here, below the content apps, so that a page type opts in without importing
the comments app: the comments app finds such pages through ``portal.sections``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class DiscussionMixin(models.Model):
    comments_open = models.BooleanField(
        _("open to comments"),
        default=True,
        help_text=_("Residents can comment and reply. Closing keeps what was already written visible."),
    )

    accepts_questions = False  # page types that take moderated questions set this to True
    discussion_panels = [FieldPanel("comments_open")]

    class Meta:
        abstract = True
