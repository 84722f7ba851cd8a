"""Reading a discussion: the comments, replies and questions a page shows.

The number of queries is fixed whatever the number of comments: one page of
threads, the first replies of each in one windowed query, then likes, the
viewer's own likes and reports, and the questions, each in one query.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG

from comments.models import Discussion, PortalComment, Report, Status

THREADS_PER_PAGE = 20
REPLIES_SHOWN = 10
SORTS = {
    "oldest": ("submit_date", "pk"),
    "newest": ("-submit_date", "-pk"),
    "liked": ("-like_count", "submit_date", "pk"),
}
QUESTION_FILTERS = ("all", "answered", "unanswered")
# What others see of a comment that is not published: a marker, and only if it has replies.
MARKED = [Status.PUBLISHED, Status.AUTO_HIDDEN, Status.HIDDEN, Status.REMOVED, Status.DELETED]


@dataclass
class Node:
    comment: PortalComment
    likes: int = 0
    liked: bool = False
    reported: bool = False
    children: list = field(default_factory=list)
    hidden_replies: int = 0
    focused: bool = False
    editable: bool = False


@dataclass
class Viewer:
    user: object
    blocked: bool

    @property
    def can_take_part(self):
        return self.user.is_authenticated and not self.blocked


def shown(queryset):
    """Published items, and markers for the others that still carry replies."""
    return queryset.filter(Q(status=Status.PUBLISHED) | Q(status__in=MARKED, nested_count__gt=0))


def comment_threads(discussion, viewer, sort="oldest", page_number=1):
    """One page of threads (top-level comments with their first replies) as a tree."""
    roots = shown(discussion.comments.comments().filter(level=0)).select_related("user").with_likes()
    paginator = Paginator(roots.order_by(*SORTS.get(sort, SORTS["oldest"])), THREADS_PER_PAGE)
    page = paginator.get_page(page_number)
    replies = (
        discussion.comments.comments()
        .filter(thread_id__in=[root.pk for root in page], level__gt=0, status__in=MARKED)
        .select_related("user")
        .annotate(rank=Window(RowNumber(), partition_by=F("thread_id"), order_by=F("order").asc()))
        .filter(rank__lte=REPLIES_SHOWN)
        .order_by("thread_id", "order")
    )
    nodes = _tree(list(page), list(replies), viewer)
    return page, nodes


def single_thread(discussion, viewer, comment_id):
    """The whole thread holding ``comment_id``, with that comment marked; None if not shown."""
    target = discussion.comments.comments().filter(pk=comment_id, status__in=MARKED).first()
    if target is None:
        return None
    thread = list(
        discussion.comments.comments()
        .filter(thread_id=target.thread_id, status__in=MARKED)
        .select_related("user")
        .order_by("order")
    )
    roots = [comment for comment in thread if comment.level == 0]
    nodes = _tree(roots, [comment for comment in thread if comment.level > 0], viewer, limit=None)
    for node in walk(nodes):
        node.focused = node.comment.pk == target.pk
    return nodes


def _tree(roots, replies, viewer, limit=REPLIES_SHOWN):
    comments = roots + replies
    ids = [comment.pk for comment in comments]
    likes = dict(
        CommentFlag.objects.filter(comment_id__in=ids, flag=LIKEDIT_FLAG)
        .values("comment_id")
        .annotate(n=Count("pk"))
        .values_list("comment_id", "n")
    )
    mine_liked, mine_reported = set(), set()
    if viewer.user.is_authenticated and ids:
        mine_liked = set(
            CommentFlag.objects.filter(comment_id__in=ids, flag=LIKEDIT_FLAG, user=viewer.user).values_list(
                "comment_id", flat=True
            )
        )
        mine_reported = set(
            Report.objects.filter(comment_id__in=ids, reporter=viewer.user).values_list("comment_id", flat=True)
        )
    nodes = {}
    for comment in comments:
        nodes[comment.pk] = Node(
            comment,
            likes=likes.get(comment.pk, 0),
            liked=comment.pk in mine_liked,
            reported=comment.pk in mine_reported,
            editable=edit_allowed(comment, viewer.user),
        )
    top = [nodes[comment.pk] for comment in roots]
    for comment in replies:
        parent = nodes.get(comment.parent_id)
        if parent is not None:
            parent.children.append(nodes[comment.pk])
    if limit is not None:
        for node in top:
            node.hidden_replies = max(node.comment.nested_count - limit, 0)
    return top


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node.children)


def questions(discussion, viewer, which="all"):
    """(answered, waiting): published questions, plus the viewer's own still in moderation."""
    visible = Q(status=Status.PUBLISHED)
    if viewer.user.is_authenticated:
        visible |= Q(user=viewer.user, status__in=[Status.PENDING, Status.REJECTED])
    items = (
        discussion.comments.questions()
        .filter(visible)
        .select_related("user", "answer", "session")
        .order_by("-submit_date", "-pk")
    )
    answered, waiting = [], []
    for item in items:
        item.official_answer = item.answer if hasattr(item, "answer") else None
        (answered if item.official_answer else waiting).append(item)
    return (answered if which != "unanswered" else []), (waiting if which != "answered" else [])


def edit_allowed(comment, user):
    return (
        user.is_authenticated
        and comment.user_id == user.pk
        and comment.status in (Status.PUBLISHED, Status.PENDING)
        and timezone.now() <= comment.editable_until()
    )


def reply_allowed(comment):
    return comment.is_published and comment.level < settings.COMMENTS_XTD_MAX_THREAD_LEVEL


def discussion_for(page):
    return Discussion.objects.filter(translation_key=page.translation_key).first()
