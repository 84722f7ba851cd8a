from wagtail import hooks

from archive import sections
from portal.sections import HOOK as SECTION_HOOK

hooks.register(SECTION_HOOK, sections.workshop_report)
