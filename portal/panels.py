"""The editing tabs every page of the portal shares.

The slug sits under the title in the Content tab, not in Promote: translators work
in wagtail-localize's editor tab by tab, and a translated page needs a slug in its
own language as surely as a title.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel

CONTENT_PANELS = [TitleFieldPanel("title"), FieldPanel("slug")]

PROMOTE_PANELS = [
    MultiFieldPanel([FieldPanel("seo_title"), FieldPanel("search_description")], _("For search engines")),
    MultiFieldPanel([FieldPanel("show_in_menus")], _("For site menus")),
]
