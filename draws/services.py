"""Running a draw: applications, imports, the freeze, the lottery and the draw itself.

The engine is the pure-Python ``sortition`` package; this module turns the
database into its ``Instance`` and its results back into rows, and writes an
audit record that ``python -m sortition verify`` replays as it does its own.
"""

import csv
import hashlib
import json
import secrets
import tempfile
import time
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from draws import emails
from draws.models import DRAWS, Candidacy, Draw, DrawStatus, Outcome, Quota, Source
from portal import versions
from portal.pages import pages_in
from portal.refusals import Refused
from sortition import audit
from sortition.feasibility import explain
from sortition.files import InputError, read_categories, read_respondents
from sortition.leximin import Cancelled, leximin
from sortition.model import Instance, Respondent
from sortition.model import Quota as EngineQuota
from workshops.models import MemberOrigin, WorkshopMember

TIME_BUDGET_SECONDS = 300
PROGRESS_EVERY_SECONDS = 2.0  # how often the worker writes its progress and looks for a cancel


def digest(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def pool_data(draw):
    return [{"id": c.reference, "features": c.features} for c in draw.candidacies.order_by("reference")]


def quotas_data(draw):
    return [{"category": q.category, "value": q.value, "min": q.minimum, "max": q.maximum} for q in draw.quotas.all()]


def instance_of(draw):
    quotas = [EngineQuota(q["category"], q["value"], q["min"], q["max"]) for q in quotas_data(draw)]
    respondents = [Respondent(item["id"], item["features"]) for item in pool_data(draw)]
    return Instance(respondents, quotas, draw.panel_size)


def problems(draw):
    """Why the quotas cannot be met with this pool (``sortition.feasibility.Problem``s); empty if they can."""
    if not draw.quotas.exists():
        return []
    return explain(instance_of(draw))


def problems_with(draw, rows):
    """The same for quotas not saved yet, as (category, value, minimum, maximum) rows."""
    if not rows:
        return []
    instance = instance_of(draw)
    return explain(Instance(instance.respondents, [EngineQuota(*row) for row in rows], draw.panel_size))


def _refuse_unless(draw, status):
    if draw.status != status:
        raise Refused(_("This draw has moved on: it is now “%(status)s”.") % {"status": draw.get_status_display()})


def public_references(prefix, draw, count=1):
    """Random references for the published record: a city's own ids may be names or emails.

    40 random bits each, drawn again in the rare case one is taken.
    """
    taken = set(draw.candidacies.values_list("reference", flat=True))
    fresh = []
    while len(fresh) < count:
        reference = f"{prefix}-{secrets.token_hex(5)}"
        if reference not in taken:
            taken.add(reference)
            fresh.append(reference)
    return fresh


def apply(draw, user, features, consent_at):
    """A resident puts themselves forward; eligibility is checked by the form."""
    if not draw.is_open:
        raise Refused(_("Applications for this draw are closed."))
    try:
        with transaction.atomic():
            candidacy = Candidacy.objects.create(
                draw=draw,
                reference=public_references("web", draw)[0],
                user=user,
                name=str(user.public_name),
                email=user.email,
                language=user.preferred_language or settings.LANGUAGE_CODE,
                features=features,
                source=Source.ONLINE,
                consent_at=consent_at,
            )
    except IntegrityError:
        raise Refused(_("You have already put yourself forward for this draw.")) from None
    return candidacy


def withdraw(draw, user):
    if draw.is_frozen:
        raise Refused(_("The pool is frozen: candidacies can no longer be withdrawn."))
    return draw.candidacies.filter(user=user).delete()[0]


def import_files(draw, categories_file, respondents_file, user):
    """Replace the quotas and the imported part of the pool with a stratification-app pair of files."""
    _refuse_unless(draw, DrawStatus.OPEN)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for upload, name in ((categories_file, "categories.csv"), (respondents_file, "respondents.csv")):
            path = Path(folder) / name
            path.write_bytes(b"".join(upload.chunks()))
            paths.append(path)
        try:
            quotas = read_categories(paths[0])
            respondents = read_respondents(paths[1], quotas)
        except InputError as error:
            raise Refused(str(error).replace(folder + "/", "")) from None
        contacts = _contacts(paths[1])
    with transaction.atomic():
        draw.quotas.all().delete()
        Quota.objects.bulk_create(
            Quota(draw=draw, category=q.category, value=q.value, minimum=q.min, maximum=q.max) for q in quotas
        )
        draw.candidacies.filter(source=Source.IMPORTED).delete()
        references = public_references("imp", draw, len(respondents))
        Candidacy.objects.bulk_create(
            Candidacy(
                draw=draw,
                reference=reference,
                file_id=r.id,
                features=r.features,
                source=Source.IMPORTED,
                name=contacts.get(r.id, {}).get("name", ""),
                email=contacts.get(r.id, {}).get("email", ""),
            )
            for r, reference in zip(respondents, references, strict=True)
        )
        log(instance=draw, action="draws.import", user=user, data={"respondents": len(respondents)})
    return len(respondents), len(quotas)


def _contacts(path):
    """Optional name and email columns of a respondents file, for telling people the result."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        row.get("id", "").strip(): {"name": (row.get("name") or "").strip(), "email": (row.get("email") or "").strip()}
        for row in rows
        if row.get("id")
    }


def freeze(draw, user):
    """Close the pool and the quotas and publish their hashes; only a feasible draw can be frozen."""
    with transaction.atomic():
        draw = Draw.objects.select_for_update().get(pk=draw.pk)
        _refuse_unless(draw, DrawStatus.OPEN)
        if not draw.quotas.exists():
            raise Refused(_("Set the quotas before freezing the pool."))
        if draw.candidacies.count() < draw.panel_size:
            raise Refused(_("The pool is smaller than the panel."))
        if problems(draw):
            raise Refused(_("The quotas cannot be met with this pool; see the explanation above."))
        draw.pool_sha256 = digest(pool_data(draw))
        draw.quotas_sha256 = digest(quotas_data(draw))
        draw.status = DrawStatus.FROZEN
        draw.frozen_at = timezone.now()
        draw.save(update_fields=["pool_sha256", "quotas_sha256", "status", "frozen_at"])
        log(instance=draw, action="draws.freeze", user=user)
    return draw


def compute_lottery(draw_id):
    """The LEXIMIN distribution, rounded to a uniform lottery whose hash is published (slow: run as a task).

    The organiser's page shows the engine's progress, written every ``PROGRESS_EVERY_SECONDS``;
    a cancel asked for there stops the engine at its next report and the draw is frozen again.
    """
    draw = Draw.objects.get(pk=draw_id)
    if draw.status not in (DrawStatus.FROZEN, DrawStatus.COMPUTING):
        return draw
    Draw.objects.filter(pk=draw.pk).update(status=DrawStatus.COMPUTING, computation={}, cancel_requested=False)
    versions.bump(DRAWS)
    instance = instance_of(draw)
    try:
        distribution = leximin(
            instance, seed=draw.pool_sha256, time_budget=TIME_BUDGET_SECONDS, report=_progress_writer(draw.pk)
        )
    except Cancelled:
        Draw.objects.filter(pk=draw.pk).update(status=DrawStatus.FROZEN, computation={}, cancel_requested=False)
        versions.bump(DRAWS)
        log(instance=draw, action="draws.cancelled", user=None)
        draw.refresh_from_db()
        return draw
    _panel, lottery = audit.choose(instance, distribution, draw.pool_sha256, draw.lottery_size, randomness="")
    inputs = {"pool": {"sha256": draw.pool_sha256}, "quotas": {"sha256": draw.quotas_sha256}}
    draw.audit = audit.build(
        instance,
        distribution,
        seed=draw.pool_sha256,
        requested_algorithm="leximin",
        inputs=inputs,
        min_shared=settings.DRAW_AUDIT_MIN_SHARED,
    )
    draw.algorithm = distribution.algorithm
    draw.computation = {"share": distribution.share, "budget_seconds": TIME_BUDGET_SECONDS}
    draw.lottery_sha256 = lottery["hash"]
    draw.lottery_published_at = timezone.now()
    draw.status = DrawStatus.LOTTERY
    fields = ["audit", "algorithm", "computation", "lottery_sha256", "lottery_published_at", "status"]
    draw.save(update_fields=fields)
    log(instance=draw, action="draws.lottery", user=None)
    return draw


def _progress_writer(draw_id):
    """The engine's ``report``: saves its progress now and then, and stops it when a cancel was asked for."""
    last = [float("-inf")]

    def report(progress):
        if time.monotonic() - last[0] < PROGRESS_EVERY_SECONDS:
            return
        last[0] = time.monotonic()
        Draw.objects.filter(pk=draw_id).update(computation=asdict(progress))
        if Draw.objects.filter(pk=draw_id, cancel_requested=True).exists():
            raise Cancelled

    return report


def cancel_computation(draw, user):
    """Ask the worker to stop; the draw is frozen again as soon as it does."""
    _refuse_unless(draw, DrawStatus.COMPUTING)
    Draw.objects.filter(pk=draw.pk).update(cancel_requested=True)
    log(instance=draw, action="draws.cancel", user=user)


def lottery_bytes(draw):
    """The lottery of panels as the bytes whose SHA-256 is ``draw.lottery_sha256``."""
    instance, distribution = audit.published(draw.audit)
    return json.dumps(audit.lottery_panels(instance, distribution, draw.lottery_size), separators=(",", ":")).encode()


def draw_panel(draw, user, randomness):
    """Pick the panel from the announced public randomness; the result is final and public."""
    randomness = " ".join(randomness.split())
    if not randomness:
        raise Refused(_("Type in the public randomness exactly as it was produced."))
    with transaction.atomic():
        draw = Draw.objects.select_for_update().get(pk=draw.pk)
        _refuse_unless(draw, DrawStatus.LOTTERY)
        record = draw.audit
        instance, distribution = audit.published(record)
        panel, lottery = audit.choose(instance, distribution, record["seed"], draw.lottery_size, randomness)
        alternates = audit.alternates_for(instance, panel, record["seed"])
        record = audit.with_result(record, instance, panel, alternates, lottery)
        draw.audit = record
        draw.randomness = randomness
        draw.lottery_index = lottery["index"]
        draw.drawn_at = timezone.now()
        draw.drawn_by = user
        draw.status = DrawStatus.DRAWN
        draw.save(update_fields=["audit", "randomness", "lottery_index", "drawn_at", "drawn_by", "status"])
        selected = set(record["result"]["selected"])
        ranks = {reference: rank for rank, reference in enumerate(record["result"]["alternates"], start=1)}
        candidacies = list(draw.candidacies.all())
        for candidacy in candidacies:
            if candidacy.reference in selected:
                candidacy.outcome = Outcome.SELECTED
            else:
                candidacy.outcome, candidacy.alternate_rank = Outcome.ALTERNATE, ranks[candidacy.reference]
        Candidacy.objects.bulk_update(candidacies, ["outcome", "alternate_rank"])
        seat_members(draw, [candidacy for candidacy in candidacies if candidacy.outcome == Outcome.SELECTED])
        log(instance=draw, action="draws.draw", user=user, data={"randomness": randomness, "index": lottery["index"]})
        for candidacy in candidacies:
            emails.send_later("drawn" if candidacy.outcome == Outcome.SELECTED else "alternate", candidacy)
    return draw


def decline(candidacy, user):
    """A drawn resident gives up the seat: the first alternate still waiting is invited."""
    with transaction.atomic():
        candidacy = Candidacy.objects.select_for_update().select_related("draw").get(pk=candidacy.pk)
        if candidacy.outcome not in (Outcome.SELECTED, Outcome.INVITED):
            raise Refused(_("Only someone who holds a seat can decline it."))
        candidacy.outcome = Outcome.DECLINED
        candidacy.save(update_fields=["outcome"])
        unseat_member(candidacy)
        following = (
            Candidacy.objects.select_for_update()
            .filter(draw=candidacy.draw, outcome=Outcome.ALTERNATE)
            .order_by("alternate_rank")
            .first()
        )
        if following is not None:
            following.outcome = Outcome.INVITED
            following.save(update_fields=["outcome"])
            seat_members(candidacy.draw, [following])
            emails.send_later("invited", following)
        log(instance=candidacy.draw, action="draws.decline", user=user, data={"declined": candidacy.reference})
    return following


def _contact(candidacy):
    """(name, email) to reach a candidate by, from the candidacy or else the account."""
    user = candidacy.user
    return candidacy.name or (user.public_name if user else ""), candidacy.email or (user.email if user else "")


def seat_members(draw, candidacies):
    """Residents who hold a seat join the workshop's members, so they may register for its members-only sessions."""
    for candidacy in candidacies:
        name, email = _contact(candidacy)
        if not email or WorkshopMember.objects.of_workshop(draw.workshop).matching(email=email).exists():
            continue
        WorkshopMember.objects.create(
            workshop=draw.workshop,
            name=name or candidacy.reference,
            email=email,
            user=candidacy.user,
            origin=MemberOrigin.DRAWN,
        )


def unseat_member(candidacy):
    """A declined seat ends the membership the draw gave; volunteers' memberships are the organisers' own."""
    _name, email = _contact(candidacy)
    if email:
        members = WorkshopMember.objects.of_workshop(candidacy.draw.workshop).filter(origin=MemberOrigin.DRAWN)
        members.matching(candidacy.user, email).delete()


def candidacies_of(user, locale):
    """A resident's candidacies, newest first, each with ``workshop_shown`` in ``locale``; two queries."""
    candidacies = list(user.candidacies.select_related("draw__workshop").order_by("-created_at"))
    pages = pages_in(locale, (candidacy.draw.workshop.translation_key for candidacy in candidacies))
    for candidacy in candidacies:
        candidacy.workshop_shown = pages.get(candidacy.draw.workshop.translation_key)
    return candidacies


def data_of(user, locale):
    """Everything the resident's candidacies hold, for their own download (two queries)."""
    return [
        {
            "workshop": candidacy.workshop_shown.title if candidacy.workshop_shown else "",
            "draw": candidacy.draw_id,
            "draw_status": candidacy.draw.status,
            "reference": candidacy.reference,
            "name": candidacy.name,
            "email": candidacy.email,
            "features": candidacy.features,
            "outcome": candidacy.outcome,
            "applied_at": candidacy.created_at.isoformat(),
            "consent_at": candidacy.consent_at.isoformat() if candidacy.consent_at else None,
        }
        for candidacy in candidacies_of(user, locale)
    ]


def forget_past_pools(now=None):
    """Some time after a draw, the people who were not drawn lose name, email and account link: their
    reference and answers stay, which the published audit record and the pool's hash rest on."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.DRAW_POOL_RETENTION_DAYS)
    kept = [Outcome.SELECTED, Outcome.INVITED]
    rows = Candidacy.objects.filter(draw__drawn_at__lt=cutoff).exclude(outcome__in=kept).exclude(name="", email="")
    return {"candidacies forgotten": rows.update(name="", email="", user=None)}


def forget_candidate(user):
    """Before an account is deleted: its candidacies leave the pools still open.

    A frozen pool's hash is published, so there the candidacy stays under its random
    reference, without name or email; a seat it holds is declined, which invites the
    next alternate.
    """
    for candidacy in user.candidacies.select_related("draw"):
        if not candidacy.draw.is_frozen:
            candidacy.delete()
            continue
        if candidacy.outcome in (Outcome.SELECTED, Outcome.INVITED):
            decline(candidacy, None)
        Candidacy.objects.filter(pk=candidacy.pk).update(user=None, name="", email="")
