"""One way to say no: a domain rule refuses with a reason the person can read.

Services raise ``Refused`` with a translated message (and, when the refusal is about
one form field, its name); views turn it into a message with ``tell``, or show it
beside the field so that nothing typed is lost.
"""

from django.contrib import messages


class Refused(Exception):
    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field

    def __str__(self):
        return str(self.message)


def tell(request, refusal):
    """The refusal as an error message on the next page."""
    messages.error(request, refusal.message)
