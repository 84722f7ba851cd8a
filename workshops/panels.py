"""Admin panel listing a workshop's sessions on its edit page, so editors reach them from the workshop."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class SessionsPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sessions"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "sessions"

    class BoundPanel(Panel.BoundPanel):
        template_name = "workshops/admin/sessions_panel.html"

        def get_context_data(self, parent_context=None):
            from workshops.models import Session

            context = super().get_context_data(parent_context)
            page = self.instance
            context["sessions"] = Session.objects.of_workshop(page).with_seats_taken() if page.pk else []
            return context
