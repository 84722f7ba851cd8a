from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from home import localize, versions

        localize.install()
        page_published.connect(versions.bump, dispatch_uid="pages-version-published")
        page_unpublished.connect(versions.bump, dispatch_uid="pages-version-unpublished")
