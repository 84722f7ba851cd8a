from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from comments import admin_views, sections
from comments.permissions import ANSWER, MODERATE
from portal.sections import HOOK as SECTION_HOOK

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/", admin_views.item, name="item"),
    path("blocks/", admin_views.blocks, name="blocks"),
    path("blocks/<int:pk>/lift/", admin_views.lift_block, name="lift_block"),
    path("questions/", admin_views.questions, name="questions"),
    path("questions/<int:pk>/", admin_views.answer, name="answer"),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include((urlpatterns, "comments_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return PermissionMenuItem(
        _("Moderation"),
        reverse("comments_admin:queue"),
        icon_name="warning",
        order=250,
        permission=MODERATE,
    )


@hooks.register("register_admin_menu_item")
def register_questions_menu_item():
    return PermissionMenuItem(
        _("Questions to answer"),
        reverse("comments_admin:questions"),
        icon_name="help",
        order=260,
        permission=ANSWER,
    )


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action("comments.auto_hide", _("Hide after reports"), _("Hidden automatically after reports"))
    actions.register_action("comments.keep", _("Keep"), _("Kept: the reports were dismissed"))
    actions.register_action("comments.hide", _("Hide"), _("Hidden by a moderator"))
    actions.register_action("comments.restore", _("Restore"), _("Restored by a moderator"))
    actions.register_action("comments.remove", _("Remove"), _("Removed by a moderator"))
    actions.register_action("comments.approve", _("Approve"), _("Question approved"))
    actions.register_action("comments.reject", _("Reject"), _("Question rejected"))
    actions.register_action("comments.block", _("Block the author"), _("Author blocked"))
    actions.register_action("comments.unblock", _("Lift the block"), _("Block lifted"))
    actions.register_action("comments.answer", _("Answer"), _("Official answer posted"))


hooks.register(SECTION_HOOK, sections.discussion)
