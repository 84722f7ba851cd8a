"""Load the demo programme in French, English and Spanish; safe to run again."""

import io
import json
import random
import uuid
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from accounts.sites import sync_django_site
from archive.models import (
    Action,
    Endorsement,
    Milestone,
    OpenDataPage,
    RecommendationIndexPage,
    RecommendationPage,
    RecommendationReportPage,
)
from comments import services as comment_services
from comments.models import Kind, PortalComment
from draws.models import AGE_BANDS, GENDERS, Candidacy, Draw, Quota, Source
from home.branding import Branding
from home.management import demo_archive
from home.management import demo_content as demo
from home.models import HomePage, ImpactPage, StandardPage
from workshops.models import (
    CouncilIndexPage,
    CouncilPage,
    District,
    Session,
    SessionText,
    Territory,
    Theme,
    VolunteerSeats,
    WorkshopIndexPage,
    WorkshopPage,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SOURCE = settings.LANGUAGE_CODE
PARIS = ZoneInfo("Europe/Paris")


def demo_logo(colour):
    """A demo emblem, drawn rather than shipped: three white peaks on the city's colour."""
    picture = PILImage.new("RGBA", (192, 192), (0, 0, 0, 0))
    pen = ImageDraw.Draw(picture)
    pen.rounded_rectangle((0, 0, 191, 191), radius=36, fill=colour)
    for peak in ((20, 150, 70, 60, 120, 150), (70, 150, 120, 40, 172, 150), (48, 150, 95, 95, 140, 150)):
        pen.polygon(peak[:2] + peak[2:4] + peak[4:], fill="white", outline=colour, width=4)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return ImageFile(buffer, name="logo.png")


def block(kind, value):
    """A StreamField block with its id, which wagtail-localize needs to place each string."""
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class Command(BaseCommand):
    help = "Create the demo site, pages in every language, sessions and demo users (idempotent)."

    def handle(self, **options):
        self.created = 0
        # The demo approves and answers questions: its residents are not to be emailed about it.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
            themes = self.load_snippets(Theme, demo.THEMES)
            territories = self.load_snippets(Territory, demo.TERRITORIES)
            self.load_districts(territories)
            home = self.load_home()
            self.load_section(home, CouncilIndexPage, demo.COUNCIL_INDEX, self.load_councils, territories)
            self.load_section(home, WorkshopIndexPage, demo.WORKSHOP_INDEX, self.load_workshops, themes, territories)
            standard_pages = self.load_standard_pages(home)
            self.load_branding(standard_pages)
            users = self.load_users()
            self.load_discussion()
            self.load_draw()
            self.load_archive(home, themes, territories)
        call_command("update_search_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({self.created} objects created)."))
        self.stdout.write("Demo accounts (username / email / password):")
        for username, email, password, role in users:
            self.stdout.write(f"  {username:<10} {email:<24} {password:<22} {role}")

    # Snippets -----------------------------------------------------------------

    def load_snippets(self, model, content):
        """One source object per key in French, translated into the other languages."""
        loaded = {}
        for key, texts in content.items():
            name, description = texts[SOURCE]
            source = model.objects.filter(locale=self.locales[SOURCE], name=name).first()
            if source is None:
                source = model.objects.create(locale=self.locales[SOURCE], name=name, description=description)
                self.created += 1
            for code in LANGUAGES:
                if code != SOURCE and source.get_translation_or_none(self.locales[code]) is None:
                    name, description = texts[code]
                    self.translate(source, code, {"name": name, "description": description})
            loaded[key] = source
        return loaded

    def load_districts(self, territories):
        """Districts keep their names in every language; wagtail-localize points each at its territory's translation."""
        for key, territory in territories.items():
            for name in demo.TERRITORIES[key]["districts"]:
                source = District.objects.filter(locale=self.locales[SOURCE], name=name).first()
                if source is None:
                    source = District.objects.create(locale=self.locales[SOURCE], name=name, territory=territory)
                    self.created += 1
                for code in LANGUAGES:
                    if code != SOURCE and source.get_translation_or_none(self.locales[code]) is None:
                        self.translate(source, code, {})

    # Translations, as an editor makes them in wagtail-localize --------------------

    def translate(self, source, code, fields):
        """Submit ``source`` for translation into ``code``, translate each of its strings, publish.

        The strings come from a copy of the source with ``fields`` in the other language; its
        segments line up one for one with the source's, which the ``strict`` zip checks.
        """
        locale = self.locales[code]
        origin, _created = TranslationSource.get_or_create_from_instance(source)
        translation, _created = Translation.objects.get_or_create(source=origin, target_locale=locale)
        written = type(source).objects.get(pk=source.pk)
        for name, value in fields.items():
            setattr(written, name, value)
        texts = [
            segment.string.data for segment in extract_segments(written) if isinstance(segment, StringSegmentValue)
        ]
        segments = StringSegment.objects.filter(source=origin).order_by("order").select_related("string", "context")
        for segment, text in zip(segments, texts, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
            )
        is_page = isinstance(source, Page)
        translation.save_target(publish=not is_page)  # wagtail-localize would publish pages only after the commit
        self.created += 1
        if is_page:
            source.get_translation(locale).get_latest_revision().publish()

    # Pages ----------------------------------------------------------------------

    def publish(self, page):
        page.save_revision().publish()
        self.created += 1

    def ensure_page(self, parent, model, slug, fields, translated_fields):
        """Find or create ``model`` under ``parent`` (the source-language parent) and its translations.

        ``fields`` sets the source page; ``translated_fields(code, translation)`` returns the
        fields of each translation (it may also point foreign keys at translated snippets).
        """
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(**fields)
            parent.add_child(instance=page)
            self.publish(page)
        for code in LANGUAGES:
            if code == SOURCE or page.get_translation_or_none(self.locales[code]) is not None:
                continue
            written = model.objects.get(pk=page.pk)
            self.translate(page, code, translated_fields(code, written))
        return page

    def load_home(self):
        root = Page.get_first_root_node()
        texts = demo.HOME
        home = HomePage.objects.filter(depth=2, locale=self.locales[SOURCE]).first()
        if home is None:
            placeholder = root.get_children().filter(content_type__model="page", slug="home").first()
            home = HomePage(title=texts[SOURCE]["title"], slug="accueil", introduction=texts[SOURCE]["introduction"])
            root.add_child(instance=home)
            self.publish(home)
            if placeholder is not None:
                placeholder.delete()
        self.point_sites_at(home, texts[SOURCE]["title"])
        for code in LANGUAGES:
            if code != SOURCE and home.get_translation_or_none(self.locales[code]) is None:
                local = texts[code]
                self.translate(
                    home,
                    code,
                    {"title": local["title"], "introduction": local["introduction"], "slug": f"accueil-{code}"},
                )
        return home

    def point_sites_at(self, home, name):
        """The Wagtail site and Django's (allauth's emails name it) at the base URL this run serves on."""
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": address.hostname, "port": port, "root_page": home, "site_name": name},
        )
        sync_django_site()

    def load_section(self, home, model, texts, load_children, *args):
        index = self.ensure_page(
            home,
            model,
            texts[SOURCE]["slug"],
            {**texts[SOURCE], "show_in_menus": True},
            lambda code, translation: {**texts[code], "show_in_menus": True},
        )
        load_children(index, *args)

    def load_councils(self, index, territories):
        for key, content in demo.COUNCILS.items():
            territory = territories[key]

            def fields(code, translation=None, content=content, territory=territory):
                texts = content[code]
                members = [
                    block("member", {"name": name, "role": role})
                    for name, role in zip(content["members"], texts["roles"], strict=True)
                ]
                return {
                    "title": texts["title"],
                    "slug": texts["slug"],
                    "description": texts["description"],
                    "how_to_take_part": texts["how_to_take_part"],
                    "members": json.dumps(members),
                    "contact_email": content["email"],
                    "territory": territory.get_translation(self.locales[code]),
                }

            self.ensure_page(index, CouncilPage, content[SOURCE]["slug"], fields(SOURCE), fields)

    def load_workshops(self, index, themes, territories):
        for content in demo.WORKSHOPS.values():

            def fields(code, translation=None, content=content):
                texts = content[code]
                territory = territories.get(content["territory"])
                if translation is None:
                    seats = [
                        VolunteerSeats(seats=seats, origin=origin[code]) for seats, origin in demo.VOLUNTEER_ORIGINS
                    ]
                else:
                    seats = list(translation.volunteer_seats.all())
                    for group, (_seats, origin) in zip(seats, demo.VOLUNTEER_ORIGINS, strict=True):
                        group.origin = origin[code]
                return {
                    "title": texts["title"],
                    "slug": texts["slug"],
                    "topic": texts["topic"],
                    "city_expectations": texts["city_expectations"],
                    "accessibility_notes": texts["accessibility_notes"],
                    "status": content["status"],
                    "interpretation": bool(content.get("interpretation")),
                    "theme": themes[content["theme"]].get_translation(self.locales[code]),
                    "territory": territory.get_translation(self.locales[code]) if territory else None,
                    "volunteer_seats": seats,
                }

            workshop = self.ensure_page(index, WorkshopPage, content[SOURCE]["slug"], fields(SOURCE), fields)
            self.load_sessions(workshop, content)

    def load_sessions(self, workshop, content):
        if Session.objects.of_workshop(workshop).exists():
            return
        venue_name, venue_address = content["venue"]
        first_day = timezone.localdate() + timedelta(days=content["first_session_in_days"])
        for number, titles in enumerate(demo.SESSION_TITLES):
            start = datetime.combine(first_day + timedelta(days=14 * number), time(18, 30), tzinfo=PARIS)
            session = Session.objects.create(
                workshop=workshop,
                start=start,
                end=start + timedelta(hours=2, minutes=30),
                venue_name=venue_name,
                venue_address=venue_address,
                capacity=60 if number == 1 else 30,
                open_to_public=number == 1,
                residents_only=number != 1,
                registration_opens_at=start - timedelta(days=45),
                registration_closes_at=start - timedelta(days=1),
                childcare_places=10,
            )
            for code in LANGUAGES:
                title, description = titles[code]
                SessionText.objects.create(
                    session=session, locale=self.locales[code], title=title, description=description
                )
            self.created += 1

    def load_standard_pages(self, home):
        pages = {}
        for texts in (demo.HOW_IT_WORKS, demo.PRIVACY, demo.ACCESSIBILITY):

            def fields(code, translation=None, texts=texts):
                local = texts[code]
                if "faq" in local:
                    body = [block("question_answer", {"question": q, "answer": a}) for q, a in local["faq"]]
                else:
                    body = [block("paragraph", local["body"])]
                return {
                    "title": local["title"],
                    "slug": local["slug"],
                    "introduction": local["introduction"],
                    "body": json.dumps(body),
                    "show_in_menus": "faq" in local,
                }

            pages[texts[SOURCE]["slug"]] = self.ensure_page(
                home, StandardPage, texts[SOURCE]["slug"], fields(SOURCE), fields
            )
        return pages

    def load_branding(self, standard_pages):
        """The city's name, logo, colours, contact and footer (Settings → Branding), unless staff set them."""
        branding = Branding.for_site(Site.objects.get(is_default_site=True))
        if branding.city_name:
            return
        values = demo.BRANDING
        for field in ("city_name", "primary_colour", "accent_colour", "contact_email", "contact_phone"):
            setattr(branding, field, values[field])
        branding.contact_address = values["contact_address"]
        branding.logo = Image.objects.create(
            title=f"{values['city_name']} (logo)", file=demo_logo(values["primary_colour"])
        )
        branding.accessibility_page = standard_pages[demo.ACCESSIBILITY[SOURCE]["slug"]]
        branding.privacy_page = standard_pages[demo.PRIVACY[SOURCE]["slug"]]
        branding.footer_links = [
            block("link", {"label": label, "page": None, "url": url}) for label, url in values["footer_links"]
        ]
        branding.social_accounts = [
            block("account", {"network": net, "url": url}) for net, url in values["social_accounts"]
        ]
        branding.full_clean()
        branding.save()
        self.created += 1

    # Users ----------------------------------------------------------------------

    def load_discussion(self):
        """A few comments, replies and questions on the heat workshop, spread over the past days."""
        workshop = WorkshopPage.objects.get(slug=demo.DISCUSSION_WORKSHOP, locale=self.locales[SOURCE])
        if comment_services.discussion_of(workshop).comments.exists():
            return
        User = get_user_model()
        moderator = User.objects.get(username="moderator")
        posted = []

        def post(username, language, text, **fields):
            with translation.override(language):
                comment = comment_services.post(
                    User.objects.get(username=username), workshop, comment_services.Post(text=text, **fields)
                )
            posted.append(comment.pk)
            PortalComment.objects.filter(pk=comment.pk).update(submit_date=timezone.now() - timedelta(hours=60))
            self.created += 1
            return comment

        def thread(items, parent=None):
            for username, language, text, replies in items:
                comment = post(username, language, text, parent_id=parent.pk if parent else None)
                thread(replies, comment)

        thread(demo.COMMENTS)
        for username, language, text, answer in demo.QUESTIONS:
            question = post(username, language, text, kind=Kind.QUESTION)
            if answer:
                comment_services.moderate(moderator, [question], "approve")
                comment_services.answer(User.objects.get(username="organiser"), question, answer)
        for age, pk in enumerate(reversed(posted)):
            PortalComment.objects.filter(pk=pk).update(submit_date=timezone.now() - timedelta(hours=5 + 7 * age))

    def load_draw(self):
        """An open call for candidates with an imported pool and quotas, ready for an organiser to run."""
        workshop = WorkshopPage.objects.get(slug=demo.DRAW_WORKSHOP, locale=self.locales[SOURCE])
        if Draw.objects.filter(workshop=workshop).exists():
            return
        draw = Draw.objects.create(
            workshop=workshop,
            panel_size=workshop.drawn_seats,
            closes_at=timezone.now() + timedelta(days=21),
            randomness_method=demo.DRAW_RANDOMNESS_METHOD[SOURCE],
        )
        districts = list(District.objects.filter(locale=self.locales[SOURCE]).values_list("name", flat=True))
        rng = random.Random(2026)
        genders, ages = [value for value, _label in GENDERS], [value for value, _label in AGE_BANDS]
        Candidacy.objects.bulk_create(
            Candidacy(
                draw=draw,
                reference=f"demo-{n:03d}",
                source=Source.IMPORTED,
                features={
                    "gender": rng.choices(genders, weights=[52, 45, 3])[0],
                    "age": rng.choices(ages, weights=[15, 25, 35, 25])[0],
                    "district": rng.choice(districts),
                },
            )
            for n in range(demo.DRAW_POOL_SIZE)
        )
        seats = draw.panel_size
        quotas = [("gender", "woman", seats // 2, seats // 2 + 1), ("gender", "man", seats // 2, seats // 2 + 1)]
        quotas += [("gender", "other", 0, 1)]
        quotas += [("age", age, 2, 6) for age in ages]
        quotas += [("district", district, 0, 3) for district in districts]
        Quota.objects.bulk_create(
            Quota(draw=draw, category=category, value=value, minimum=low, maximum=high)
            for category, value, low, high in quotas
        )
        self.created += 1

    def load_users(self):
        User = get_user_model()
        printed = []
        for username, email, password, group_name, is_superuser in demo.USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=email, is_superuser=is_superuser, is_staff=is_superuser)
                user.display_name = username.capitalize()
                user.set_password(password)
                user.save()
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
                self.created += 1
            printed.append((username, email, password, group_name or ("superuser" if is_superuser else "resident")))
        return printed

    # The archive ------------------------------------------------------------------

    def load_archive(self, home, themes, territories):
        """The archive, impact and open data pages, then the school routes workshop's report."""
        for key, model in (("archive", RecommendationIndexPage), ("impact", ImpactPage), ("open_data", OpenDataPage)):
            texts = demo_archive.PAGES[key]
            self.ensure_page(
                home,
                model,
                texts[SOURCE]["slug"],
                {**texts[SOURCE], "show_in_menus": key == "archive"},
                lambda code, translation, texts=texts, key=key: {**texts[code], "show_in_menus": key == "archive"},
            )
        content = demo_archive.REPORT
        facts = {name: value for name, value in content.items() if name not in LANGUAGES}
        workshop = WorkshopPage.objects.get(locale=self.locales[SOURCE], slug=demo_archive.REPORT_WORKSHOP)
        report = self.ensure_page(
            workshop,
            RecommendationReportPage,
            content[SOURCE]["slug"],
            {**facts, **content[SOURCE]},
            lambda code, translation: dict(content[code]),
        )
        for item in demo_archive.RECOMMENDATIONS:
            self.load_recommendation(report, item, themes, territories)

    def load_recommendation(self, report, item, themes, territories):
        """Written while under study, translated, then answered: the answer spreads to every language."""
        language = {code: index for index, code in enumerate(LANGUAGES)}

        def fields(code, translation=None):
            title, text, reasons = item[code]
            at = language[code]
            if translation is None:
                actions = [
                    Action(description=texts[at], service=demo_archive.SERVICES[service][at], due_date=due)
                    for texts, service, _status, _percent, due in item["actions"]
                ]
                milestones = [Milestone(date=date, label=texts[at]) for date, texts in item["milestones"]]
            else:
                actions, milestones = list(translation.actions.all()), list(translation.milestones.all())
                for action, (texts, service, *_rest) in zip(actions, item["actions"], strict=True):
                    action.description, action.service = texts[at], demo_archive.SERVICES[service][at]
                for milestone, (_date, texts) in zip(milestones, item["milestones"], strict=True):
                    milestone.label = texts[at]
            territory = territories.get(item["territory"])
            return {
                "title": title,
                "slug": slugify(title),
                "body": f"<p>{text}</p>",
                "answer_reasons": f"<p>{reasons}</p>",
                "institutions": item.get("institutions", ("", "", ""))[at],
                "theme": themes[item["theme"]].get_translation(self.locales[code]),
                "territory": territory.get_translation(self.locales[code]) if territory else None,
                "actions": actions,
                "milestones": milestones,
            }

        source = fields(SOURCE)
        existed = RecommendationPage.objects.child_of(report).filter(slug=source["slug"]).exists()
        page = self.ensure_page(report, RecommendationPage, source["slug"], source, fields)
        if existed:
            return
        page = RecommendationPage.objects.get(pk=page.pk)
        page.answer, page.answered_on = item["answer"], item["answered_on"]
        actions = list(page.actions.all())
        for action, (_texts, _service, status, percent, _due) in zip(actions, item["actions"], strict=True):
            action.status, action.percent_done = status, percent
        page.actions = actions
        editor = get_user_model().objects.filter(username="editor").first()
        page.save_revision(user=editor).publish(user=editor)
        for username, indexes, show_name in demo_archive.ENDORSEMENTS:
            user = get_user_model().objects.get(username=username)
            if demo_archive.RECOMMENDATIONS.index(item) in indexes:
                Endorsement.objects.get_or_create(
                    translation_key=page.translation_key, user=user, defaults={"show_name": show_name}
                )
