from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import localize, versions
        from portal import restrictions
        from portal import versions as named_versions

        localize.install()
        page_published.connect(versions.bump, dispatch_uid="pages-version-published")
        page_unpublished.connect(versions.bump, dispatch_uid="pages-version-unpublished")
        post_page_move.connect(versions.bump, dispatch_uid="pages-version-moved")
        post_delete.connect(page_deleted, dispatch_uid="pages-version-deleted")
        named_versions.follow(PageViewRestriction, lambda restriction: restrictions.NAME)


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    from home import versions

    if isinstance(instance, Page) and instance.live:
        versions.bump()
