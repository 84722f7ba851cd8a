"""Staff roles and their least-privilege permissions, applied by data migrations.

Each role lists model permissions as ``app_label.codename`` constants; page and
collection permissions are granted on the root page and root collection. Later
capabilities (moderation, draws) extend these lists and add a migration that
calls ``sync_groups`` again.
"""

from archive import permissions as archive
from comments import permissions as comments
from draws import permissions as draws
from registrations import permissions as registrations
from search import permissions as search

EDITORS = "Editors"
MODERATORS = "Moderators"
ORGANISERS = "Organisers"

ACCESS_ADMIN = "wagtailadmin.access_admin"

MODEL_PERMISSIONS = {
    EDITORS: [
        ACCESS_ADMIN,
        "wagtail_localize.submit_translation",
        *(
            f"workshops.{action}_{model}"
            for model in ("theme", "territory", "district", "session")
            for action in ("add", "change", "delete", "view")
        ),
        registrations.VIEW,
        registrations.CHANGE,
        comments.ANSWER,
        archive.RECORD_FOLLOW_UP,
        search.VIEW_SEARCH_TERMS,
        *(f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")),
    ],
    MODERATORS: [ACCESS_ADMIN, comments.MODERATE],
    ORGANISERS: [
        ACCESS_ADMIN,
        "workshops.view_session",
        registrations.VIEW,
        "workshops.view_theme",
        "workshops.view_territory",
        "workshops.view_district",
        comments.ANSWER,
        *(f"draws.{action}_draw" for action in ("add", "change", "delete", "view")),
        draws.RUN,
        *(f"workshops.{action}_workshopmember" for action in ("add", "change", "delete", "view")),
    ],
}

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}


def sync_groups(apps, schema_editor=None):
    """Create the staff groups and set exactly the permissions listed above."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(dotted):
        app_label, codename = dotted.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, dotted_names in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([permission(dotted) for dotted in dotted_names])

        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for dotted in COLLECTION_PERMISSIONS.get(name, []):
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=permission(dotted)
            )
