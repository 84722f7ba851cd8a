"""The open data: every published recommendation of one language, with its answer, actions and endorsements.

Files are streamed: rows are read in chunks from the database and written as they come,
so memory stays flat whatever the archive's size. The columns are listed once, with what
each means, and the open data page shows that list as the schema.
"""

import csv
import json

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from archive.browse import published_in
from archive.models.endorsements import with_endorsement_counts
from archive.models.pages import Action, ActionStatus, Answer

CHUNK = 500
EXTENSIONS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

# column: (what it holds, how a row gives it); a row is a dict of the fields ``rows`` reads
COLUMNS = {
    "id": (_("Identifier of the recommendation, the same in every language."), lambda r: str(r["translation_key"])),
    "title": (_("Title."), lambda r: r["title"]),
    "url": (_("Address of its page."), lambda r: r["url"]),
    "workshop": (_("The workshop that made it."), lambda r: r["workshop__title"] or ""),
    "theme": (_("Theme."), lambda r: r["theme__name"]),
    "territory": (_("Territory; empty for the whole city."), lambda r: r["territory__name"] or ""),
    "delivered_on": (_("Date the report was handed to the City (YYYY-MM-DD)."), lambda r: _date(r["delivered_on"])),
    "text": (_("The recommendation, as plain text."), lambda r: _plain(r["body"])),
    "answer": (
        _("The City's answer: under_study, accepted, partially_accepted, rejected or referred."),
        lambda r: r["answer"],
    ),
    "answer_label": (_("The City's answer, in words."), lambda r: str(ANSWERS[r["answer"]])),
    "answered_on": (_("Date of the answer (YYYY-MM-DD)."), lambda r: _date(r["answered_on"])),
    "reasons": (_("Reasons for the answer, as plain text."), lambda r: _plain(r["answer_reasons"])),
    "institutions": (_("Other institutions called on."), lambda r: r["institutions"]),
    "progress": (_("How far the actions have got: none, under_way or all_done."), lambda r: r["progress"]),
    "actions": (_("Number of actions decided."), lambda r: r["actions_count"]),
    "actions_done": (_("Number of actions done."), lambda r: r["actions_done"]),
    "endorsements": (_("Number of residents who endorse it."), lambda r: r["endorsements"]),
}
FIELDS = [
    "translation_key",
    "title",
    "url_path",
    "workshop__title",
    "theme__name",
    "territory__name",
    "delivered_on",
    "body",
    "answer",
    "answered_on",
    "answer_reasons",
    "institutions",
    "progress",
    "actions_count",
    "actions_done",
    "endorsements",
]
ANSWERS = dict(Answer.choices)


def _date(value):
    return value.isoformat() if value else ""


def _plain(html):
    return " ".join(strip_tags(html).split())


def _count(rows):
    """The number of ``rows`` of each recommendation, as a subquery (no join to multiply the rows)."""
    counted = rows.filter(page=OuterRef("pk")).order_by().values("page").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def rows(language):
    """Each recommendation of ``language`` as a dict of the columns, read in chunks as plain values.

    Values, not page objects: building a Wagtail page per row would cost more than the query.
    Addresses are the language's home page address followed by the page's path below it.
    """
    locale = Locale.objects.get(language_code=language)
    home = Page.objects.live().filter(depth=2, locale=locale).first()
    home_url, home_path = (home.full_url or "", home.url_path) if home else ("", "")
    recommendations = (
        with_endorsement_counts(published_in(locale))
        .annotate(
            actions_count=_count(Action.objects.all()),
            actions_done=_count(Action.objects.filter(status=ActionStatus.DONE)),
        )
        .order_by("pk")
        .values(*FIELDS)
    )
    with translation.override(language):
        for row in recommendations.iterator(chunk_size=CHUNK):
            path = row["url_path"]
            row["url"] = home_url + path[len(home_path) :] if home and path.startswith(home_path) else ""
            yield {name: read(row) for name, (_meaning, read) in COLUMNS.items()}


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
