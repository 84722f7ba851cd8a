"""One way to stop a kind of email from a link in it.

Mail scanners and link previews open every link of a message: a plain GET only asks, with a
button. The button, or the mail client's one-click request (RFC 8058: a POST announced by the
``List-Unsubscribe-Post`` header), stops the emails. Views using this are ``csrf_exempt``: the
mail client posts without a session, and the signed token is the proof.
"""

from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt

TEMPLATE = "emails/unsubscribed.html"


def unsubscribe_view(find, stop, done):
    """A view from three functions: ``find(token)`` the subscription or None when the link was altered,
    ``stop(subscription)`` and ``done(subscription)``, the context of the page that says it is done."""

    @csrf_exempt
    def view(request, token):
        subscription = find(token)
        if subscription is None:
            return TemplateResponse(request, TEMPLATE, {"invalid": True}, status=404)
        if request.method != "POST":
            return TemplateResponse(request, TEMPLATE, {"ask": True})
        stop(subscription)
        return TemplateResponse(request, TEMPLATE, done(subscription))

    return view
