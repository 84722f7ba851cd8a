"""A short extract of a result around the first words that match the query, the matches marked.

Matching words are found the way the database backends find them (``search.analysis`` stems), so
"velos" marks "vélo". The text is escaped before the marks are added: a page's text cannot inject
markup into the results page.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import analysis
from search.backends.database import Document

LENGTH = 220
WORD_OR_OTHER = re.compile(r"(\w+)", re.UNICODE)


def snippet(obj, words, language):
    document = Document(obj, language)
    text = " ".join(
        part for part in [getattr(obj, "search_description", "")] + document.boosted + document.body if part
    )
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return ""
    wanted = set(analysis.query_text(words, language).split())
    pieces = WORD_OR_OTHER.split(text)
    hits = [i for i, piece in enumerate(pieces) if i % 2 and _matches(piece, wanted, language)]
    start = _start_of_window(pieces, hits[0]) if hits else 0
    shown, length = [], 0
    for i in range(start, len(pieces)):
        if length >= LENGTH:
            shown.append("…")
            break
        piece = escape(pieces[i])
        shown.append(f"<mark>{piece}</mark>" if i in hits else piece)
        length += len(pieces[i])
    return mark_safe(("…" if start else "") + "".join(shown).strip())  # noqa: S308 (every piece escaped above)


def _matches(word, wanted, language):
    return analysis.stem(word.lower(), language) in wanted or analysis.stem(analysis.fold(word), language) in wanted


def _start_of_window(pieces, hit):
    """Begin a few words before the first hit, so it reads in context."""
    before, i = 0, hit
    while i > 0 and before < LENGTH // 3:
        i -= 1
        before += len(pieces[i])
    return i + (i % 2 == 0 and i > 0)
