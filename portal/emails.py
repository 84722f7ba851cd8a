"""One way to write an email: a text template whose first line is the subject.

The body is sent as plain text and, wrapped in the shared layout, as HTML, so
every email of the portal looks the same and is translated the same way.
"""

import re

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.defaultfilters import linebreaks_filter
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe


def absolute(path):
    """A full URL for links in emails, which have no request to build one from."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def compose(template_name, context, to, headers=None):
    """Render ``template_name`` in the active language into a text + HTML email."""
    subject, _blank, body = render_to_string(template_name, context).partition("\n")
    subject = " ".join(subject.split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=body.strip() + "\n",
        to=to,
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    html = render_to_string("emails/layout.html", {"subject": subject, "body": html_body(body.strip())})
    message.attach_alternative(html, "text/html")
    return message


def html_body(text):
    """The text body as HTML in which only the portal's own addresses are links.

    Names and free text typed by anyone stay plain text: a guest called "Confirm at
    https://…" must not become a clickable link in an email the city sends.
    """
    own = re.escape(escape(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))) + r"(?:/[^\s<]*)?"
    html = re.sub(own, lambda link: f'<a href="{link[0]}">{link[0]}</a>', escape(text))
    return mark_safe(linebreaks_filter(mark_safe(html)))


def link_token(value, salt):
    """A signed token for a link in an email (to unsubscribe, say): ``value`` cannot be altered."""
    return signing.dumps(value, salt=salt)


def read_link_token(token, salt):
    """The value in a link made by ``link_token``, or None if the link was altered."""
    try:
        return signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
