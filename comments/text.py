"""Residents' text: cleaned on the way in, escaped and auto-linked on the way out.

Nothing a resident types is ever rendered as HTML. Only http(s) URLs become
links, marked so that search engines and the target page gain nothing from them.
"""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# Bidirectional embeddings, overrides and isolates can make text read differently
# from what is stored (a "Trojan Source" trick); letters carry their own direction.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}»"


def clean(text):
    """Normalise Unicode, drop bidi and other control characters, keep line breaks."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(BIDI_CONTROLS)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _link(url):
    trail = ""
    while url and url[-1] in TRAILING_PUNCTUATION:
        trail = url[-1] + trail
        url = url[:-1]
    if "://" not in url or url.endswith("://"):
        return escape(url + trail)
    return format_html('<a href="{0}" rel="nofollow ugc noopener">{0}</a>{1}', url, trail)


def render(text):
    """HTML for ``text``: escaped, http(s) URLs linked, paragraphs and line breaks kept."""
    pieces = []
    position = 0
    for match in URL.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(_link(match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    html = "".join(pieces)
    paragraphs = [part.replace("\n", "<br>") for part in html.split("\n\n") if part.strip()]
    return mark_safe("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))
