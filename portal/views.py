import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views import defaults
from django.views.generic import TemplateView


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("sitemap"))
        return context


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: explain, and hand back what was typed."""
    typed = request.POST.get("text", "") if request.method == "POST" else ""
    return render(request, "403_csrf.html", {"typed": typed[:20000]}, status=403)


def server_error(request):
    """A database that does not answer is an outage, not a bug: a translated 503 that asks to come back
    soon, built without touching the database (no context processors, no site settings)."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return HttpResponse(render_to_string("503.html"), status=503, headers={"Retry-After": "60"})
    return defaults.server_error(request)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the icon is a static SVG (hashed in production)."""
    return redirect(static("favicon.svg"), permanent=True)
