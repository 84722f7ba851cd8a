"""Admin panel listing a workshop's sessions on its edit page, so editors reach them from the workshop."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from workshops.models.sessions import Session
from workshops.staff import staff_links, with_staff_details


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
            context = super().get_context_data(parent_context)
            page = self.instance
            sessions = list(with_staff_details(Session.objects.of_workshop(page))) if page.pk else []
            for session in sessions:
                session.staff_links = staff_links(session)
            context["sessions"] = sessions
            return context
