from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from draws import admin_views, sections
from draws.models import Draw
from portal.sections import HOOK as SECTION_HOOK

urlpatterns = [
    path("<int:pk>/", admin_views.run, name="run"),
    path("<int:pk>/check/", admin_views.check_quotas, name="check"),
    path("<int:pk>/import/", admin_views.import_files, name="import"),
    path("<int:pk>/step/", admin_views.step, name="step"),
    path("candidacy/<int:pk>/decline/", admin_views.decline, name="decline"),
]


@hooks.register("register_admin_urls")
def register_draw_urls():
    return [path("draw-runs/", include((urlpatterns, "draws_admin")))]


class UntilFrozen:
    """Once the pool is frozen the draw's settings are part of the published record: no edits, no deletion."""

    def dispatch(self, request, *args, **kwargs):
        draw = Draw.objects.filter(pk=kwargs.get("pk")).first()
        if draw is not None and draw.is_frozen:
            messages.error(request, gettext("This draw is frozen: its settings can no longer change."))
            return redirect("draws_admin:run", pk=draw.pk)
        return super().dispatch(request, *args, **kwargs)


class DrawEditView(UntilFrozen, EditView):
    pass


class DrawDeleteView(UntilFrozen, DeleteView):
    pass


class DrawViewSet(ModelViewSet):
    model = Draw
    icon = "group"
    menu_label = _("Draws by lot")
    add_to_admin_menu = True
    menu_order = 270
    edit_view_class = DrawEditView
    delete_view_class = DrawDeleteView
    form_fields = ["workshop", "panel_size", "minimum_age", "closes_at", "randomness_method", "lottery_size"]
    list_display = [
        "workshop",
        "panel_size",
        TitleColumn("get_status_display", label=_("Run the draw"), url_name="draws_admin:run"),
        "closes_at",
    ]


@hooks.register("register_admin_viewset")
def register_draw_viewset():
    return DrawViewSet("draw_settings")


@hooks.register("register_log_actions")
def register_draw_actions(actions):
    actions.register_action("draws.import", _("Import respondents"), _("Respondents and quotas imported"))
    actions.register_action("draws.freeze", _("Freeze"), _("Pool and quotas frozen"))
    actions.register_action("draws.lottery", _("Publish the lottery"), _("Lottery of panels published"))
    actions.register_action("draws.cancel", _("Cancel the computation"), _("Computation cancelled by an organiser"))
    actions.register_action("draws.cancelled", _("Computation stopped"), _("Computation stopped, draw frozen again"))
    actions.register_action("draws.draw", _("Draw"), _("Panel drawn"))
    actions.register_action("draws.decline", _("Decline a seat"), _("Seat declined, next alternate invited"))


hooks.register(SECTION_HOOK, sections.workshop_draw)
