from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from home import impact, localize

        localize.install()
        page_published.connect(impact.bump, dispatch_uid="impact-published")
        page_unpublished.connect(impact.bump, dispatch_uid="impact-unpublished")
