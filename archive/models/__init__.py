from archive.models.endorsements import Endorsement
from archive.models.follow_up import Change, FollowUp, FollowUpEvent
from archive.models.listing import OpenDataPage, RecommendationIndexPage  # noqa: I001  (after the pages it lists)
from archive.models.pages import (
    ANSWER_SENTENCES,
    Action,
    ActionStatus,
    Answer,
    Milestone,
    Progress,
    RecommendationPage,
    RecommendationReportPage,
    progress_of,
)

__all__ = [
    "ANSWER_SENTENCES",
    "Action",
    "ActionStatus",
    "Answer",
    "Change",
    "Endorsement",
    "FollowUp",
    "FollowUpEvent",
    "Milestone",
    "OpenDataPage",
    "Progress",
    "RecommendationIndexPage",
    "RecommendationPage",
    "RecommendationReportPage",
    "progress_of",
]
