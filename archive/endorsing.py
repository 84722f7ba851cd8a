"""Endorsing a recommendation: at most one per resident, idempotent (the views limit the rate).

The count is always the number of rows: the unique constraint on (recommendation, resident)
keeps parallel requests of one resident to one row, and nothing else is counted.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from archive.models.endorsements import ENDORSEMENTS, Endorsement
from portal import versions
from portal.pages import pages_in

NAMES_SHOWN = 3  # in the sentence; the full list of public names follows it
LIST_LIMIT = 200


def endorse(user, page, show_name=True, notify=False):
    """The resident's endorsement of ``page`` (any translation), made or updated; True if it is new."""
    try:
        with transaction.atomic():
            endorsement, created = Endorsement.objects.get_or_create(
                translation_key=page.translation_key, user=user, defaults={"show_name": show_name, "notify": notify}
            )
    except IntegrityError:  # the same resident, in a parallel request, was first
        endorsement, created = Endorsement.objects.get(translation_key=page.translation_key, user=user), False
    if not created and (endorsement.show_name, endorsement.notify) != (show_name, notify):
        endorsement.show_name, endorsement.notify = show_name, notify
        endorsement.save(update_fields=["show_name", "notify"])
    return created


def withdraw(user, page):
    """True if there was an endorsement to withdraw."""
    deleted, _rows = Endorsement.objects.filter(translation_key=page.translation_key, user=user).delete()
    return bool(deleted)


def stop_emails(endorsement_id):
    return Endorsement.objects.filter(pk=endorsement_id).update(notify=False)


@dataclass
class Endorsers:
    count: int
    names: list  # public names, oldest first, at most LIST_LIMIT
    sentence: str


def endorsers_of(page):
    """The count and public names: two queries whatever the number of endorsers."""
    versions.depends_on(ENDORSEMENTS, versions.PEOPLE)
    rows = Endorsement.objects.filter(translation_key=page.translation_key)
    count = rows.count()
    named = rows.filter(show_name=True).select_related("user")[:LIST_LIMIT]
    names = [str(endorsement.user.public_name) for endorsement in named]
    return Endorsers(count=count, names=names, sentence=sentence(names[:NAMES_SHOWN], count))


def sentence(names, count):
    """ "Camille, Santiago and 12 others": the first public names, then how many more."""
    if count == 0:
        return _("No one has endorsed this recommendation yet.")
    others = count - len(names)
    if not names:
        return ngettext("%(count)s resident endorses it.", "%(count)s residents endorse it.", count) % {"count": count}
    if others:
        return ngettext(
            "%(names)s and %(count)s other endorse it.", "%(names)s and %(count)s others endorse it.", others
        ) % {"names": ", ".join(names), "count": others}
    if len(names) == 1:
        return _("%(name)s endorses it.") % {"name": names[0]}
    return _("%(names)s and %(last)s endorse it.") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def data_of(user, locale):
    """The resident's endorsements, for their own download (two queries)."""
    endorsements = list(Endorsement.objects.filter(user=user).order_by("created_at"))
    pages = pages_in(locale, [endorsement.translation_key for endorsement in endorsements])
    return [
        {
            "recommendation": pages[e.translation_key].title if e.translation_key in pages else str(e.translation_key),
            "name_shown": e.show_name,
            "emails_on_changes": e.notify,
            "endorsed_at": e.created_at.isoformat(),
        }
        for e in endorsements
    ]
