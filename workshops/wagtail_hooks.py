from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from workshops.models import District, Session, Territory, Theme, WorkshopMember
from workshops.staff import staff_links, with_staff_details


# The taxonomy is searched through its search index (accents and plurals folded), on every field
# the model indexes: naming fields here would make SQLite's full-text backend look for a "name"
# column its index table does not have.
class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "locale"]


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    list_display = ["name", "locale"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "pick"
    list_display = ["name", "territory", "locale"]
    list_filter = ["territory"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, TerritoryViewSet, DistrictViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Themes and places")
    menu_name = "taxonomy"


class SessionIndexView(IndexView):
    def get_base_queryset(self):
        return with_staff_details(super().get_base_queryset().select_related("workshop"))


class SessionViewSet(ModelViewSet):
    """Sessions are one object for every translation of their workshop."""

    model = Session
    icon = "date"
    menu_label = _("Sessions")
    add_to_admin_menu = True
    index_view_class = SessionIndexView
    list_display = [
        "__str__",
        "workshop",
        "start",
        "capacity",
        Column("staff_links", label=_("Follow-up"), accessor=staff_links),
        "open_to_public",
    ]
    list_filter = ["open_to_public"]
    ordering = ["start"]
    inspect_view_enabled = True


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return SessionViewSet("sessions")


class WorkshopMemberViewSet(ModelViewSet):
    """Organisers keep the list of who sits on each workshop; members-only sessions admit these people."""

    model = WorkshopMember
    icon = "group"
    menu_label = _("Workshop members")
    add_to_admin_menu = True
    menu_order = 310
    form_fields = ["workshop", "name", "email", "origin", "group"]
    list_display = ["name", "email", "workshop", "origin", "group"]
    list_filter = ["origin"]
    search_fields = ["name", "email"]
    ordering = ["workshop", "origin", "name"]


@hooks.register("register_admin_viewset")
def register_member_viewset():
    return WorkshopMemberViewSet("workshop_members")
