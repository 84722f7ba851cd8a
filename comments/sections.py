"""The discussion of a page, as the section every page with ``DiscussionMixin`` shows below its body.

Built from the request (sort, filter, the thread in focus, a draft kept after a
refusal), so it lives with the views. Visitors who are not signed in all see the same
thing, so their copy is cached until the discussion changes (its version is part of
the key).
"""

import re

from django.core.cache import cache
from django.db.models import Prefetch
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from comments import services, threads
from comments.forms import CommentForm, QuestionForm
from comments.models import cache_version
from portal import versions
from portal.discussions import DiscussionMixin
from portal.sections import CONVERSATION, Section
from workshops.models import Session, SessionText

CACHE_SECONDS = 600
ACTIONS_MARKER = re.compile(r"<!--actions:(\d+)-->")  # comment text is escaped: it cannot write one


def discussion(page, request):
    if not isinstance(page, DiscussionMixin):
        return None
    return Section(html=discussion_html(page, request), region=CONVERSATION, order=900)


def discussion_html(page, request):
    sort = request.GET.get("sort") if request.GET.get("sort") in threads.SORTS else "oldest"
    which = request.GET.get("questions") if request.GET.get("questions") in threads.QUESTION_FILTERS else "all"
    focus = _number(request.GET.get("comment", ""))
    page_number = request.GET.get("comments_page", "1")
    page_number = page_number if page_number.isdigit() and len(page_number) < 6 else "1"
    draft = request.session.pop("comment_draft", None) if request.user.is_authenticated else None
    if draft and draft.get("page") != str(page.translation_key):
        draft = None

    followed = versions.current_many([cache_version(page.translation_key), versions.PEOPLE])
    discussion = threads.discussion_for(page)
    key = None
    if not request.user.is_authenticated:
        version = (discussion.pk, discussion.version) if discussion else ("new", 0)
        published = page.last_published_at.timestamp() if page.last_published_at else ""
        people = followed[versions.PEOPLE]  # names are shown: a new public name makes a new copy
        parts = (page.pk, published, *version, people, get_language(), sort, which, focus, page_number)
        key = "discussion:" + ":".join(map(str, parts))
        cached = cache.get(key)
        if cached is not None:
            return cached

    blocked = bool(request.user.is_authenticated and services.block_in_force(request.user))
    viewer = threads.Viewer(request.user, blocked)
    section = {"page": page, "user": request.user, "viewer": viewer, "sort": sort, "which": which}
    if discussion is not None and focus is not None:
        section["single"] = threads.single_thread(discussion, viewer, focus)
    if discussion is not None and not section.get("single"):
        section["threads_page"], section["nodes"] = threads.comment_threads(discussion, viewer, sort, page_number)
        shared = (page.pk, discussion.pk, discussion.version, followed[versions.PEOPLE], get_language())
        section["threads_html"] = threads_html(request, section, shared + (sort, page_number))
    shown = section.get("single") or section.get("nodes") or []
    replyable = {node.comment.pk for node in threads.walk(shown) if threads.reply_allowed(node.comment)}
    if draft and draft.get("parent"):
        if _number(draft["parent"]) not in replyable:
            draft["parent"] = None  # the comment is gone: give the text back in the main form
    reply_to = _number(request.GET.get("reply", "")) if focus else None
    if viewer.can_take_part and reply_to in replyable:
        section["replying_to"] = reply_to
        initial = {"parent": reply_to, **_initial(draft, "comment", parent=True)}
        section["reply_form"] = CommentForm(initial=initial, auto_id="reply-%s")
    if page.accepts_questions:
        section["answered"], section["waiting"] = (
            threads.questions(discussion, viewer, which) if discussion else ([], [])
        )
        section["question_form"] = QuestionForm(
            sessions=sessions_of(page), initial=_initial(draft, "question"), auto_id="question-%s"
        )
    # Each form on the page gets its own ids, so every label names its own field.
    section["comment_form"] = CommentForm(initial=_initial(draft, "comment"), auto_id="comment-%s")
    html = render_to_string("portal_comments/discussion.html", section, request=request)
    if key:
        cache.set(key, html, CACHE_SECONDS)
    return html


def threads_html(request, section, key_parts):
    """A page of threads: what everyone sees from the cache, what this viewer may do filled in.

    Rendering a page of threads (up to 20 comments and 200 replies) is most of the cost of a page
    with a long discussion, and all of it but the actions under each comment (like, reply, edit,
    report, with the viewer's own state and token) is the same for every reader. The shared HTML
    keeps a marker where the actions go; each request renders only those, from the nodes it has.
    """
    key = "threads:" + ":".join(map(str, key_parts))
    shell = cache.get(key)
    if shell is None:
        shell = render_to_string("portal_comments/threads.html", {**section, "holes": True}, request=request)
        cache.set(key, shell, CACHE_SECONDS)
    viewer = section["viewer"]
    actions = get_template("portal_comments/comment_actions.html").template
    context = {
        "viewer": viewer,
        "user": request.user,
        "page": section["page"],
        "request": request,
        "csrf_token": get_token(request) if viewer.can_take_part else "",  # visitors get no token, nor its cookie
    }
    nodes = {node.comment.pk: node for node in threads.walk(section["nodes"])}

    def fill(marker):
        node = nodes.get(int(marker[1]))
        return actions.render(Context({**context, "node": node, "comment": node.comment})) if node else ""

    return mark_safe(ACTIONS_MARKER.sub(fill, shell))  # the shell and each action are rendered by templates


def sessions_of(page):
    """The workshop's sessions a question may be about, each with its title in the page's language (two queries)."""
    texts = Prefetch("texts", SessionText.objects.select_related("locale"))
    sessions = list(Session.objects.of_workshop(page).prefetch_related(texts))
    for session in sessions:
        session.local_text = session.text_in(page.locale)
    return sessions


def _number(value):
    value = str(value or "")
    return int(value) if value.isdigit() and len(value) < 12 else None


def _initial(draft, kind, parent=False):
    """What the resident typed before a refusal, for the form it came from."""
    if not draft or draft.get("kind") != kind or bool(draft.get("parent")) != parent:
        return {}
    return {"text": draft.get("text", ""), "followup": draft.get("followup", False)}
