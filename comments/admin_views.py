"""The moderation queue and the answering of questions, in the Wagtail admin.

Moderators need ``comments.moderate_comments``; answering needs
``comments.answer_questions``. Neither lets anyone edit pages.
"""

from collections import Counter

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry, Page

from comments import services
from comments.forms import AnswerForm, ModerationForm
from comments.models import Block, Kind, PortalComment, Report, Status
from comments.permissions import ANSWER, MODERATE
from portal.permissions import require
from portal.refusals import Refused, tell

PER_PAGE = 50
TABS = {
    "reported": gettext_lazy("Flagged by residents"),
    "pending": gettext_lazy("Questions to approve"),
    "hidden": gettext_lazy("Hidden and removed"),
}
# The decision offered first on each tab: what a moderator does most often there.
DEFAULT_ACTIONS = {"reported": "keep", "pending": "approve", "hidden": "restore"}


def queue_items(tab):
    items = PortalComment.objects.select_related("user", "discussion")
    if tab == "pending":
        return items.filter(kind=Kind.QUESTION, status=Status.PENDING).order_by("submit_date")
    if tab == "hidden":
        return items.filter(status__in=[Status.HIDDEN, Status.REMOVED]).order_by("-submit_date")
    reported = Exists(Report.objects.open().filter(comment=OuterRef("pk")))
    return (
        items.filter(Q(status=Status.AUTO_HIDDEN) | Q(reported, status=Status.PUBLISHED))
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .order_by("-open_reports", "submit_date")
    )


def with_context(comments):
    """Attach to each item its page, parent, open reports by reason and history, in a fixed number of queries."""
    comments = list(comments)
    keys = {comment.discussion.translation_key for comment in comments}
    pages = {}
    for page in Page.objects.filter(translation_key__in=keys).order_by("-pk"):
        pages[page.translation_key] = page  # the first translation wins
    parents = PortalComment.objects.in_bulk(
        [comment.parent_id for comment in comments if comment.parent_id != comment.pk]
    )
    reports = Report.objects.filter(comment__in=comments, resolved_at__isnull=True).select_related("reporter")
    by_comment = {}
    for item in reports:
        by_comment.setdefault(item.comment_id, []).append(item)
    history = {}
    logs = ModelLogEntry.objects.filter(
        content_type__app_label="comments", object_id__in=[str(c.pk) for c in comments]
    ).select_related("user")
    for entry in logs.order_by("-timestamp"):
        history.setdefault(int(entry.object_id), []).append(entry)
    for comment in comments:
        comment.page = pages.get(comment.discussion.translation_key)
        comment.parent = parents.get(comment.parent_id) if comment.parent_id != comment.pk else None
        comment.open_report_list = by_comment.get(comment.pk, [])
        counts = Counter(report.get_reason_display() for report in comment.open_report_list)
        comment.reasons = counts.most_common()
        comment.history = history.get(comment.pk, [])
    return comments


def tab_of(comment):
    """The queue tab an item belongs to, which decides the decision offered first."""
    if comment.kind == Kind.QUESTION and comment.status == Status.PENDING:
        return "pending"
    if comment.status in (Status.HIDDEN, Status.REMOVED):
        return "hidden"
    return "reported"


def queue(request):
    require(request, MODERATE)
    tab = request.GET.get("tab") if request.GET.get("tab") in TABS else "reported"
    if request.method == "POST":
        chosen = [pk for pk in request.POST.getlist("items") if pk.isdigit() and len(pk) < 12]
        return _apply(request, PortalComment.objects.filter(pk__in=chosen))
    page = Paginator(queue_items(tab), PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "tab": tab,
        "tabs": [(key, label, key == tab) for key, label in TABS.items()],
        "items": with_context(page),
        "page_obj": page,
        "form": ModerationForm(initial={"action": DEFAULT_ACTIONS[tab]}),
        "counts": {
            "reported": queue_items("reported").count(),
            "pending": queue_items("pending").count(),
        },
    }
    return TemplateResponse(request, "portal_comments/admin/queue.html", context)


def item(request, pk):
    require(request, MODERATE)
    comment = get_object_or_404(PortalComment.objects.select_related("user", "discussion"), pk=pk)
    if request.method == "POST":
        return _apply(request, PortalComment.objects.filter(pk=comment.pk))
    [comment] = with_context([comment])
    all_reports = comment.reports.select_related("reporter").order_by("-created_at")
    # not "block": a context variable of that name is shadowed by the {% block %} tag
    author_block = services.block_in_force(comment.user) if comment.user_id else None
    form = ModerationForm(initial={"action": DEFAULT_ACTIONS[tab_of(comment)]})
    context = {"comment": comment, "reports": all_reports, "form": form, "author_block": author_block}
    return TemplateResponse(request, "portal_comments/admin/item.html", context)


def _apply(request, comments):
    ids = [str(pk) for pk in comments.values_list("pk", flat=True)]
    form = ModerationForm(request.POST, item_ids=[int(pk) for pk in ids])
    back = request.get_full_path()
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect(back)
    data = form.cleaned_data
    selected = PortalComment.objects.filter(pk__in=data["items"])
    try:
        applied = services.moderate(request.user, selected, data["action"], data["reason"], data["block_days"])
    except Refused as refusal:
        tell(request, refusal)
        return redirect(back)
    skipped = len(data["items"]) - applied
    messages.success(request, _("Decision applied to %(applied)d item(s).") % {"applied": applied})
    if skipped:
        messages.warning(
            request,
            _("%(skipped)d item(s) skipped: the decision does not apply to them as they are.") % {"skipped": skipped},
        )
    return redirect(back)


def blocks(request):
    require(request, MODERATE)
    in_force = Block.objects.in_force().select_related("user", "created_by").order_by("-created_at")
    return TemplateResponse(request, "portal_comments/admin/blocks.html", {"blocks": in_force})


@require_POST
def lift_block(request, pk):
    require(request, MODERATE)
    block = get_object_or_404(Block, pk=pk)
    services.lift_block(request.user, block)
    messages.success(request, _("The block on %(name)s is lifted.") % {"name": block.user.public_name})
    return redirect("comments_admin:blocks")


def questions(request):
    require(request, ANSWER)
    which = request.GET.get("which") if request.GET.get("which") in {"answered", "unanswered"} else "unanswered"
    items = (
        PortalComment.objects.questions()
        .published()
        .filter(answer__isnull=(which == "unanswered"))
        .select_related("user", "discussion", "answer")
        .order_by("submit_date")
    )
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("p"))
    context = {"items": with_context(page), "page_obj": page, "which": which}
    return TemplateResponse(request, "portal_comments/admin/questions.html", context)


def answer(request, pk):
    require(request, ANSWER)
    question = get_object_or_404(
        PortalComment.objects.questions().published().select_related("user", "discussion", "answer"), pk=pk
    )
    existing = question.answer if hasattr(question, "answer") else None
    form = AnswerForm(request.POST or None, initial={"text": existing.text if existing else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.answer(request.user, question, form.cleaned_data["text"])
        except services.Refused as refusal:
            tell(request, refusal)
        else:
            messages.success(request, _("The official answer is published."))
            return redirect("comments_admin:questions")
    [question] = with_context([question])
    return TemplateResponse(request, "portal_comments/admin/answer.html", {"question": question, "form": form})
