"""The open data: every published recommendation of one language, with its answer, actions and endorsements.

Files are streamed: rows are read in chunks from the database and written as they come,
so memory stays flat whatever the archive's size. The columns are listed once, with what
each means, and the open data page shows that list as the schema.
"""

import csv
import json

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from archive.browse import published_in
from archive.models.endorsements import with_endorsement_counts
from archive.models.pages import ActionStatus

CHUNK = 500
EXTENSIONS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

# column: (what it holds, how a row gives it)
COLUMNS = {
    "id": (_("Identifier of the recommendation, the same in every language."), lambda r: str(r.translation_key)),
    "title": (_("Title."), lambda r: r.title),
    "url": (_("Address of its page."), lambda r: r.full_url or ""),
    "workshop": (_("The workshop that made it."), lambda r: r.workshop.title if r.workshop else ""),
    "theme": (_("Theme."), lambda r: r.theme.name),
    "territory": (_("Territory; empty for the whole city."), lambda r: r.territory.name if r.territory else ""),
    "delivered_on": (_("Date the report was handed to the City (YYYY-MM-DD)."), lambda r: _date(r.delivered_on)),
    "text": (_("The recommendation, as plain text."), lambda r: _plain(r.body)),
    "answer": (
        _("The City's answer: under_study, accepted, partially_accepted, rejected or referred."),
        lambda r: r.answer,
    ),
    "answer_label": (_("The City's answer, in words."), lambda r: str(r.get_answer_display())),
    "answered_on": (_("Date of the answer (YYYY-MM-DD)."), lambda r: _date(r.answered_on)),
    "reasons": (_("Reasons for the answer, as plain text."), lambda r: _plain(r.answer_reasons)),
    "institutions": (_("Other institutions called on."), lambda r: r.institutions),
    "progress": (_("How far the actions have got: none, under_way or all_done."), lambda r: r.progress),
    "actions": (_("Number of actions decided."), lambda r: len(r.actions.all())),
    "actions_done": (
        _("Number of actions done."),
        lambda r: sum(1 for a in r.actions.all() if a.status == ActionStatus.DONE),
    ),
    "endorsements": (_("Number of residents who endorse it."), lambda r: r.endorsements),
}


def _date(value):
    return value.isoformat() if value else ""


def _plain(html):
    return " ".join(strip_tags(html).split())


def rows(language):
    """Each recommendation of ``language`` as a dict of the columns, read in chunks."""
    locale = Locale.objects.get(language_code=language)
    recommendations = (
        with_endorsement_counts(published_in(locale))
        .select_related("theme", "territory", "workshop", "locale")
        .prefetch_related("actions")
        .order_by("pk")
    )
    with translation.override(language):
        for recommendation in recommendations.iterator(chunk_size=CHUNK):
            yield {name: read(recommendation) for name, (_meaning, read) in COLUMNS.items()}


class _Line:
    """csv.writer writes into this and gets the line back, to stream it."""

    def write(self, value):
        return value


def csv_lines(language):
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(list(COLUMNS))  # the mark lets spreadsheets read UTF-8
    for row in rows(language):
        yield writer.writerow([row[name] for name in COLUMNS])


def json_lines(language):
    yield "["
    separator = "\n"
    for row in rows(language):
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def response(language, extension):
    """LookupError for a language or format the portal does not publish."""
    if language not in dict(settings.LANGUAGES) or extension not in EXTENSIONS:
        raise LookupError(language)
    if not Locale.objects.filter(language_code=language).exists():
        raise LookupError(language)
    lines = csv_lines(language) if extension == "csv" else json_lines(language)
    streamed = StreamingHttpResponse(lines, content_type=EXTENSIONS[extension])
    streamed["Content-Disposition"] = f'attachment; filename="recommendations-{language}.{extension}"'
    return streamed


def datasets():
    """What the open data page lists: each file in each language."""
    return [
        {"language": code, "name": name, "extension": extension}
        for code, name in settings.LANGUAGES
        for extension in EXTENSIONS
    ]
