from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import branding, impact, localize, versions
        from portal import restrictions
        from portal import versions as named_versions
        from workshops.models import WorkshopMember

        localize.install()
        branding.follow()
        page_published.connect(versions.bump, dispatch_uid="pages-version-published")
        page_unpublished.connect(versions.bump, dispatch_uid="pages-version-unpublished")
        post_page_move.connect(versions.bump, dispatch_uid="pages-version-moved")
        post_delete.connect(versions.page_deleted, dispatch_uid="pages-version-deleted")
        named_versions.follow(PageViewRestriction, lambda restriction: restrictions.NAME)
        named_versions.follow(WorkshopMember, lambda member: impact.MEMBERS)
