"""Where each page type may be created, and that every type renders and previews."""

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from archive.models import OpenDataPage, RecommendationIndexPage, RecommendationReportPage
from home.models import HomePage, ImpactPage, StandardPage
from tests import factories
from workshops.models import CouncilIndexPage, CouncilPage, WorkshopIndexPage, WorkshopPage


@pytest.mark.django_db
class PageRulesTests(WagtailPageTestCase):
    def setUp(self):
        root = Page.get_first_root_node()
        self.home = factories.HomePageFactory(parent=root, slug="accueil")
        Site.objects.update(root_page=self.home)
        self.workshops = factories.WorkshopIndexPageFactory(parent=self.home, slug="ateliers")
        self.councils = factories.CouncilIndexPageFactory(parent=self.home, slug="conseils")

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {StandardPage, CouncilIndexPage, WorkshopIndexPage, RecommendationIndexPage, OpenDataPage, ImpactPage},
        )
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedSubpageTypes(CouncilIndexPage, {CouncilPage})
        self.assertAllowedSubpageTypes(WorkshopIndexPage, {WorkshopPage})
        self.assertAllowedSubpageTypes(CouncilPage, set())
        # a workshop lists no child types (see WorkshopPage): what editors can add under it is the report
        assert set(WorkshopPage.creatable_subpage_models()) == {RecommendationReportPage}

    def test_allowed_parent_types(self):
        self.assertAllowedParentPageTypes(WorkshopPage, {WorkshopIndexPage})
        self.assertAllowedParentPageTypes(CouncilPage, {CouncilIndexPage})
        self.assertAllowedParentPageTypes(WorkshopIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CouncilIndexPage, {HomePage})

    def test_one_index_of_each_kind_per_home(self):
        self.assertFalse(WorkshopIndexPage.can_create_at(self.home))
        self.assertFalse(CouncilIndexPage.can_create_at(self.home))
        self.assertCanNotCreateAt(StandardPage, WorkshopPage)

    def test_editor_can_create_a_workshop_through_the_admin_form(self):
        self.login()
        theme = factories.ThemeFactory()
        data = nested_form_data(
            {
                "title": "Atelier test",
                "slug": "atelier-test",
                "topic": "Une question",
                "city_expectations": rich_text("Des attentes"),
                "theme": theme.pk,
                "status": "proposed",
                "drawn_seats": 17,
                "childcare": "on",
                "accessible_hours": True,
                "volunteer_seats": inline_formset([{"origin": "Unions de quartier", "seats": 6}]),
                "body": streamfield([]),
            }
        )
        self.assertCanCreate(self.workshops, WorkshopPage, data)
        page = WorkshopPage.objects.get(slug="atelier-test")
        self.assertEqual(page.total_seats, 23)

    def test_every_page_type_renders_and_previews(self):
        council = factories.CouncilPageFactory(parent=self.councils)
        workshop = factories.WorkshopPageFactory(parent=self.workshops)
        standard = factories.StandardPageFactory(parent=self.home)
        for page in (self.home, self.workshops, self.councils, council, workshop, standard):
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsRenderable(page)
                self.assertPageIsPreviewable(page, post_data=preview_data(page))


def preview_data(page):
    """The edit form's data for ``page``, as the admin would post it for a preview."""
    data = {"title": page.title, "slug": page.slug}
    if isinstance(page, HomePage | StandardPage | WorkshopPage):
        data["body"] = streamfield([])
    if isinstance(page, HomePage | WorkshopIndexPage | CouncilIndexPage):
        data["introduction"] = rich_text("Introduction")
    if isinstance(page, StandardPage):
        data["introduction"] = "Introduction"
    if isinstance(page, CouncilPage):
        data.update(
            territory=page.territory_id,
            description=rich_text("Description"),
            how_to_take_part=rich_text("Venez"),
            members=streamfield([("member", {"name": "Ada", "role": "Membre"})]),
        )
    if isinstance(page, WorkshopPage):
        data.update(
            topic=page.topic,
            city_expectations=rich_text("Attentes"),
            theme=page.theme_id,
            status=page.status,
            drawn_seats=17,
            accessibility_notes=rich_text(""),
            volunteer_seats=inline_formset([{"origin": "Unions de quartier", "seats": 6}]),
        )
    return nested_form_data(data)
