"""What a person may type as their name: a name, not a message.

Names reach staff screens, public pages and the emails the city sends (a guest's name is
in the confirmation sent to whatever address was typed), so they may not carry a link,
an address, or invisible characters that hide or reverse text.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Anything a mail client or a reader would take for an address: a scheme, "www.", an email
# address, or a host name with a common top-level domain.
LINK_LIKE = re.compile(
    r"://|\bwww\.|@|\b[\w-]+\.(?:com|net|org|edu|gov|int|mil|info|biz|io|co|me|ly|app|xyz|eu|fr|es|be|ch|uk|de)\b",
    re.IGNORECASE,
)


def no_control_characters(value):
    """Refuse control and format characters (direction overrides, zero-width joiners and the like)."""
    if any(unicodedata.category(char) in {"Cc", "Cf"} for char in value):
        raise ValidationError(_("Please remove invisible or special characters."), code="control")


def no_control_characters_in_text(value):
    """Free text may span lines and use tabs; other control and format characters are refused."""
    no_control_characters(value.replace("\r", "").replace("\n", "").replace("\t", ""))


def validate_person_name(value):
    no_control_characters(value)
    if LINK_LIKE.search(value):
        raise ValidationError(_("A name cannot contain a web or email address."), code="link")
