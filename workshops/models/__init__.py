from workshops.models.councils import CouncilIndexPage, CouncilPage
from workshops.models.members import MemberOrigin, WorkshopMember
from workshops.models.sessions import Session, SessionText
from workshops.models.taxonomy import District, Territory, Theme
from workshops.models.workshops import VolunteerSeats, WorkshopIndexPage, WorkshopPage, WorkshopStatus

__all__ = [
    "CouncilIndexPage",
    "CouncilPage",
    "District",
    "MemberOrigin",
    "Session",
    "SessionText",
    "Territory",
    "Theme",
    "VolunteerSeats",
    "WorkshopIndexPage",
    "WorkshopMember",
    "WorkshopPage",
    "WorkshopStatus",
]
