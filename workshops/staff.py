"""What staff see of a session beyond its own fields: each feature adds its part through hooks.

``construct_session_staff_queryset``: ``fn(queryset) -> queryset``, to annotate in the same query
(the registrations app adds the seats taken). ``register_session_staff_link``: ``fn(session) ->
(text, url)`` or None, shown beside the session in the admin's sessions list and on its workshop's
edit page (the registrations app links its list of registrations).
"""

from django.utils.html import format_html_join
from wagtail import hooks

QUERYSET_HOOK = "construct_session_staff_queryset"
LINK_HOOK = "register_session_staff_link"


def with_staff_details(sessions):
    for construct in hooks.get_hooks(QUERYSET_HOOK):
        sessions = construct(sessions)
    return sessions


def staff_links(session):
    """The features' links for one session, as HTML."""
    links = [link for describe in hooks.get_hooks(LINK_HOOK) if (link := describe(session))]
    return format_html_join(" · ", '<a href="{}">{}</a>', ((url, text) for text, url in links))
