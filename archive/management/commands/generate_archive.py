"""Fill the archive with N generated recommendations in every language, for benchmarks.

Workshops and reports are made through Wagtail (a few hundred pages); the recommendations,
their actions and endorsements are inserted in bulk, in batches, straight into the tree
(paths computed as treebeard does), since making 100,000 pages one by one would take hours.
They are published without revisions and are not added to the search index (run
``update_index`` if a benchmark needs it). Run it on a database that has the demo.
"""

import random
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from archive.models import (
    Action,
    ActionStatus,
    Answer,
    Endorsement,
    RecommendationPage,
    RecommendationReportPage,
    progress_of,
)
from workshops.models import Theme, WorkshopIndexPage, WorkshopPage, WorkshopStatus

PER_REPORT = 250
BATCH = 500
RESIDENTS = 2000
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Words per language, aligned: a title is a verb, an object and a place, in each language.
VERBS = [
    ("Créer", "Create", "Crear"),
    ("Sécuriser", "Make safe", "Asegurar"),
    ("Rénover", "Renovate", "Renovar"),
    ("Végétaliser", "Green", "Reverdecer"),
    ("Ouvrir", "Open", "Abrir"),
    ("Éclairer", "Light", "Iluminar"),
]
OBJECTS = [
    ("les pistes cyclables", "the cycle lanes", "los carriles bici"),
    ("les cours d'école", "the school yards", "los patios escolares"),
    ("les jardins partagés", "the shared gardens", "los huertos compartidos"),
    ("les places", "the squares", "las plazas"),
    ("les arrêts de bus", "the bus stops", "las paradas de autobús"),
    ("les chemins piétons", "the footpaths", "los caminos peatonales"),
]
PLACES = [
    ("du centre-ville", "in the city centre", "del centro"),
    ("des quartiers sud", "in the southern districts", "de los barrios del sur"),
    ("près des écoles", "near schools", "cerca de las escuelas"),
    ("le long de l'Isère", "along the river", "a lo largo del río"),
]
ANSWERS = [
    (Answer.ACCEPTED, 40),
    (Answer.PARTIALLY_ACCEPTED, 20),
    (Answer.REJECTED, 15),
    (Answer.REFERRED, 10),
    (Answer.UNDER_STUDY, 15),
]
STATUSES = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.ABANDONED]


class Command(BaseCommand):
    help = "Generate N recommendations in every language, with actions and endorsements, for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, required=True, help="How many recommendations (each in every language)."
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        self.random = random.Random(seed)
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        index = WorkshopIndexPage.objects.filter(locale=self.locales[settings.LANGUAGE_CODE]).first()
        if index is None or any(index.get_translation_or_none(locale) is None for locale in self.locales.values()):
            raise CommandError("No workshop index in every language: run `manage.py load_initial_data` first.")
        self.themes = {code: list(Theme.objects.filter(locale=locale)) for code, locale in self.locales.items()}
        self.content_type = ContentType.objects.get_for_model(RecommendationPage)
        self.residents = self.make_residents()
        made = 0
        while made < count:
            size = min(PER_REPORT, count - made)
            reports = self.make_report(index, made // PER_REPORT)
            for start in range(0, size, BATCH):
                self.insert_recommendations(reports, min(BATCH, size - start))
                made += min(BATCH, size - start)
                self.progress(made, count)
        self.stdout.write("")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics after so many rows arrived at once
        self.stdout.write(self.style.SUCCESS(f"{count} recommendations generated in {len(LANGUAGES)} languages."))

    def progress(self, done, total):
        width = 40
        filled = width * done // total
        self.stdout.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {100 * done // total:3d} % ({done}/{total})", ending=""
        )
        self.stdout.flush()

    def make_residents(self):
        User = get_user_model()
        User.objects.bulk_create(
            [
                User(username=f"bench-{n}", email=f"bench-{n}@example.org", display_name=f"Habitant {n}")
                for n in range(RESIDENTS)
            ],
            ignore_conflicts=True,
        )
        return list(User.objects.filter(username__startswith="bench-").values_list("pk", flat=True))

    def make_report(self, index, number):
        """A workshop and its report in every language, through Wagtail: {code: report}."""
        delivered = date(2019, 1, 1) + timedelta(days=self.random.randrange(0, 7 * 365))
        workshop = WorkshopPage(
            title=f"Atelier généré {number + 1}",
            slug=f"atelier-genere-{uuid.uuid4().hex[:8]}",
            topic="Un atelier généré pour les mesures.",
            city_expectations="<p>Des recommandations.</p>",
            theme=self.random.choice(self.themes[settings.LANGUAGE_CODE]),
            status=WorkshopStatus.DELIBERATION_ADOPTED,
            status_by_hand=True,
        )
        index.add_child(instance=workshop)
        workshop.save_revision().publish()
        report = RecommendationReportPage(
            title=f"Rapport {number + 1}", slug="rapport", delivered_on=delivered, summary="<p>Rapport généré.</p>"
        )
        workshop.add_child(instance=report)
        report.save_revision().publish()
        reports = {settings.LANGUAGE_CODE: report}
        for code, locale in self.locales.items():
            if code == settings.LANGUAGE_CODE:
                continue
            translated = workshop.copy_for_translation(locale)
            translated.save_revision().publish()
            reports[code] = report.copy_for_translation(locale)
            reports[code].save_revision().publish()
        return {code: RecommendationReportPage.objects.get(pk=page.pk) for code, page in reports.items()}

    @transaction.atomic
    def insert_recommendations(self, reports, size):
        now = timezone.now()
        drafts = [self.draft() for _ in range(size)]
        for position, code in enumerate(LANGUAGES):
            report = RecommendationReportPage.objects.select_for_update().get(pk=reports[code].pk)
            theme_of = {theme.translation_key: theme for theme in self.themes[code]}
            first_step = report.numchild + 1
            pages = []
            for offset, draft in enumerate(drafts):
                title = " ".join(part[position] for part in draft["words"])
                slug = f"r-{draft['key'].hex[:12]}"
                pages.append(
                    RecommendationPage(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=Page._get_path(report.path, report.depth + 1, first_step + offset),
                        depth=report.depth + 1,
                        numchild=0,
                        url_path=f"{report.url_path}{slug}/",
                        content_type=self.content_type,
                        locale=self.locales[code],
                        translation_key=draft["key"],
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        body=f"<p>{title}. "
                        + ["Les habitants le demandent.", "Residents ask for it.", "Los vecinos lo piden."][position]
                        + "</p>",
                        theme=theme_of.get(draft["theme"].translation_key, draft["theme"]),
                        answer=draft["answer"],
                        answered_on=draft["answered_on"],
                        answer_reasons="<p>"
                        + ["Motifs de la réponse.", "Reasons for the answer.", "Motivos de la respuesta."][position]
                        + "</p>",
                        workshop_id=report.get_parent().pk,
                        delivered_on=report.delivered_on,
                        year=report.delivered_on.year,
                        progress=progress_of([status for status, _percent in draft["actions"]]),
                        comments_open=True,
                    )
                )
            insert_pages(pages)
            Page.objects.filter(pk=report.pk).update(numchild=report.numchild + len(pages))
            Action.objects.bulk_create(
                Action(
                    page_id=page.pk,
                    locale=self.locales[code],
                    translation_key=uuid.UUID(int=(draft["key"].int + number) % (1 << 128)),
                    sort_order=number,
                    description=["Action", "Action", "Acción"][position] + f" {number + 1} : {page.title}",
                    service=["Service des mobilités", "Mobility service", "Servicio de movilidad"][position],
                    due_date=draft["due"],
                    status=status,
                    percent_done=percent,
                )
                for page, draft in zip(pages, drafts, strict=True)
                for number, (status, percent) in enumerate(draft["actions"])
            )
        Endorsement.objects.bulk_create(
            (
                Endorsement(translation_key=draft["key"], user_id=user, show_name=self.random.random() < 0.7)
                for draft in drafts
                for user in self.random.sample(self.residents, self.random.choice([0, 0, 1, 2, 3, 5, 8, 13, 30]))
            ),
            ignore_conflicts=True,
        )

    def draft(self):
        """What a recommendation is, the same in every language."""
        answer = self.random.choices([a for a, _w in ANSWERS], weights=[w for _a, w in ANSWERS])[0]
        actions = []
        if answer in (Answer.ACCEPTED, Answer.PARTIALLY_ACCEPTED):
            for _ in range(self.random.randint(1, 3)):
                status = self.random.choice(STATUSES)
                percent = {"not_started": 0, "done": 100}.get(status, self.random.randrange(5, 95, 5))
                actions.append((status, percent))
        return {
            "key": uuid.uuid4(),
            "words": (self.random.choice(VERBS), self.random.choice(OBJECTS), self.random.choice(PLACES)),
            "theme": self.random.choice(self.themes[settings.LANGUAGE_CODE]),
            "answer": answer,
            "answered_on": None
            if answer == Answer.UNDER_STUDY
            else date(2026, 1, 1) - timedelta(days=self.random.randrange(0, 2000)),
            "due": date(2027, 1, 1) + timedelta(days=self.random.randrange(0, 1000)),
            "actions": actions,
        }


def insert_pages(pages):
    """Insert page rows, then the recommendation rows that extend them (multi-table inheritance)."""
    base = [
        Page(
            **{
                field.attname: getattr(page, field.attname)
                for field in Page._meta.concrete_fields
                if field.attname != "id"
            }
        )
        for page in pages
    ]
    Page.objects.bulk_create(base)  # sets each pk (PostgreSQL, and SQLite 3.35+)
    for page, row in zip(pages, base, strict=True):
        page.pk = page.id = page.page_ptr_id = row.pk
    fields = [field for field in RecommendationPage._meta.local_concrete_fields]
    table = connection.ops.quote_name(RecommendationPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608  (names from the model, values bound)
            [[field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields] for page in pages],
        )
