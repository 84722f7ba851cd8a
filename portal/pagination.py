"""Page numbers from the address bar, never trusted: a wrong one is replaced and the visitor told why."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def page_number(asked, paginator, notices):
    """A page of ``paginator`` to show for ``asked``; a notice is added when it is not the one asked."""
    if not asked.isdigit() or len(asked) > 9:
        notices.append(_("“%(value)s” is not a page number: the first page is shown.") % {"value": asked[:20]})
        return 1
    number = int(asked)
    if number < 1:
        return 1
    if number > paginator.num_pages:
        notices.append(
            ngettext(
                "There is only %(count)s page: it is shown.",
                "There are only %(count)s pages: the last one is shown.",
                paginator.num_pages,
            )
            % {"count": paginator.num_pages}
        )
        return paginator.num_pages
    return number
