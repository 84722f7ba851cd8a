"""Residents' side of discussions. Every refusal comes back as a translated message
on the page, with what was typed kept in the form."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Page

from comments import emails, services, threads
from comments.forms import CommentForm, EditForm, QuestionForm, ReportForm
from comments.models import Kind, PortalComment, Status
from comments.sections import sessions_of
from portal import rate_limits, restrictions
from portal.proxy import truncated
from portal.refusals import Refused, tell
from portal.unsubscribing import unsubscribe_view

API_PAGE_SIZE = 50


def _discussable_page(page_id):
    """A live, public page whose type takes comments, or 404."""
    page = restrictions.public(Page.objects.filter(pk=page_id).live()).specific().first()
    if page is None or not hasattr(page, "comments_open"):
        raise Http404
    return page


def _page_url(page, request, fragment="comments", **query):
    url = page.get_url(request) or "/"
    if query:
        url += "?" + "&".join(f"{name}={value}" for name, value in query.items())
    return f"{url}#{fragment}"


def _keep_draft(request, page, kind, data):
    request.session["comment_draft"] = {
        "page": str(page.translation_key),
        "kind": kind,
        "text": data.get("text", "")[:20000],
        "parent": data.get("parent") or None,
        "followup": bool(data.get("followup")),
    }


@login_required
@require_POST
def post_comment(request, page_id):
    page = _discussable_page(page_id)
    rate_limits.hit(request, "comment")
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _refused(request, page, Kind.COMMENT, _first_error(form))
    new = services.Post(
        text=form.cleaned_data["text"],
        parent_id=form.cleaned_data["parent"],
        followup=form.cleaned_data["followup"],
        ip_address=truncated(request.META.get("REMOTE_ADDR")),
    )
    try:
        comment = services.post(request.user, page, new)
    except Refused as refusal:
        return _refused(request, page, Kind.COMMENT, str(refusal))
    messages.success(request, _("Your comment is published."))
    return HttpResponseRedirect(_page_url(page, request, fragment=f"c{comment.pk}"))


@login_required
@require_POST
def post_question(request, page_id):
    page = _discussable_page(page_id)
    if not page.accepts_questions:
        raise Http404
    rate_limits.hit(request, "question")
    form = QuestionForm(request.POST, sessions=sessions_of(page))
    if not form.is_valid():
        return _refused(request, page, Kind.QUESTION, _first_error(form))
    new = services.Post(
        text=form.cleaned_data["text"],
        kind=Kind.QUESTION,
        session=form.cleaned_data["session"],
        ip_address=truncated(request.META.get("REMOTE_ADDR")),
    )
    try:
        services.post(request.user, page, new)
    except Refused as refusal:
        return _refused(request, page, Kind.QUESTION, str(refusal))
    messages.success(request, _("Thank you. Your question will appear once a moderator has approved it."))
    return HttpResponseRedirect(_page_url(page, request, fragment="questions"))


def _first_error(form):
    for errors in form.errors.values():
        return errors[0]
    return _("This form could not be sent. Please try again.")


def _refused(request, page, kind, message):
    _keep_draft(request, page, kind, request.POST)
    messages.error(request, message)
    parent = request.POST.get("parent", "")
    if kind == Kind.COMMENT and parent.isdigit():
        return HttpResponseRedirect(_page_url(page, request, fragment=f"reply-{parent}", comment=parent, reply=parent))
    fragment = "ask" if kind == Kind.QUESTION else "comment-form"
    return HttpResponseRedirect(_page_url(page, request, fragment=fragment))


def _comment_and_page(request, pk):
    """The comment and its page in the visitor's language, or 404 for what the visitor may not see:
    items never made public (pending or rejected questions) stay unknown to all but their author,
    whatever id is typed."""
    comment = get_object_or_404(PortalComment.objects.select_related("discussion"), pk=pk)
    page = comment.discussion.page(Locale.get_active())
    never_public = comment.status in (Status.PENDING, Status.REJECTED)
    if page is None or (never_public and comment.user_id != request.user.pk):
        raise Http404
    return comment, page


def permalink(request, pk):
    """The page in the visitor's language, showing this comment in its thread."""
    comment = get_object_or_404(PortalComment.objects.select_related("discussion"), pk=pk)
    page = comment.discussion.page(Locale.get_active())
    if page is None or comment.status in (Status.PENDING, Status.REJECTED):
        raise Http404
    if comment.is_question:
        return redirect(_page_url(page, request, fragment=f"q{comment.pk}"))
    return redirect(_page_url(page, request, fragment=f"c{comment.pk}", comment=comment.pk))


@login_required
def edit_comment(request, pk):
    comment, page = _comment_and_page(request, pk)
    if comment.user_id != request.user.pk:
        raise Http404
    form = EditForm(request.POST or None, initial={"text": comment.comment})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit(request.user, comment, form.cleaned_data["text"])
        except Refused as refusal:
            tell(request, refusal)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(_page_url(page, request, fragment=f"c{comment.pk}", comment=comment.pk))
    context = {"form": form, "comment": comment, "page": page, "back": _page_url(page, request)}
    return TemplateResponse(request, "portal_comments/edit.html", context)


@login_required
def delete_comment(request, pk):
    comment, page = _comment_and_page(request, pk)
    if comment.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        services.delete(request.user, comment)
        messages.success(request, _("Your comment is deleted. Replies to it stay in the thread."))
        return redirect(_page_url(page, request))
    return TemplateResponse(request, "portal_comments/delete.html", {"comment": comment, "page": page})


@login_required
@require_POST
def like_comment(request, pk):
    comment, page = _comment_and_page(request, pk)
    try:
        services.toggle_like(request.user, comment)
    except Refused as refusal:
        tell(request, refusal)
    return redirect(_back(request, _page_url(page, request, fragment=f"c{comment.pk}")))


@login_required
def report_comment(request, pk):
    comment, page = _comment_and_page(request, pk)
    back = _page_url(page, request, fragment=f"{'q' if comment.is_question else 'c'}{comment.pk}")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rate_limits.hit(request, "report")
        try:
            services.report(request.user, comment, form.cleaned_data["reason"], form.cleaned_data["details"])
        except Refused as refusal:
            tell(request, refusal)
        else:
            messages.success(request, _("Thank you. Moderators will look at your report."))
        return redirect(back)
    # Hidden or removed text is shown to no one but its author, the report form included.
    shown = comment.is_published or comment.user_id == request.user.pk
    context = {"form": form, "comment": comment, "shown": shown, "page": page, "back": back}
    return TemplateResponse(request, "portal_comments/report.html", context)


def _back(request, default):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _commented(token):
    comment_id = emails.comment_from_token(token)
    return PortalComment.objects.filter(pk=comment_id).first() if comment_id else None


def _no_more_replies(comment):
    return {
        "done": _("Done: you will no longer get emails about replies to this comment."),
        "link_url": reverse("comments:permalink", args=[comment.pk]),
        "link_text": _("See the comment"),
    }


unsubscribe = unsubscribe_view(_commented, services.unsubscribe, _no_more_replies)


@require_GET
def api_comments(request, page_id):
    """Published comments of a live public page in this language, in thread order, paginated."""
    page = _discussable_page(page_id)
    if page.locale.language_code != Locale.get_active().language_code:
        raise Http404
    discussion = threads.discussion_for(page)
    items = PortalComment.objects.none()
    if discussion:
        items = threads.shown(discussion.comments.comments()).select_related("user").order_by("thread_id", "order")
    language = request.GET.get("language")
    if language in dict(settings.LANGUAGES):
        items = items.filter(language=language)
    paginator = Paginator(items, API_PAGE_SIZE)
    number = request.GET.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= max(paginator.num_pages, 1):
        return JsonResponse({"error": _("There is no such page of results.")}, status=404)
    results = paginator.page(number)
    base = reverse("comments:api", args=[page.pk])

    def link(n):
        return request.build_absolute_uri(f"{base}?page={n}" + (f"&language={language}" if language else ""))

    return JsonResponse(
        {
            "count": paginator.count,
            "next": link(results.next_page_number()) if results.has_next() else None,
            "previous": link(results.previous_page_number()) if results.has_previous() else None,
            "results": [_as_json(request, comment) for comment in results],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _as_json(request, comment):
    published = comment.is_published
    return {
        "id": comment.pk,
        "parent": comment.parent_id if comment.parent_id != comment.pk else None,
        "level": comment.level,
        "status": comment.status,
        "author": str(comment.author_name()) if published else None,
        "text": comment.comment if published else None,
        "language": comment.language,
        "submitted": comment.submit_date.isoformat(),
        "edited": comment.edited_at.isoformat() if comment.edited_at else None,
        "url": request.build_absolute_uri(reverse("comments:permalink", args=[comment.pk])),
    }
