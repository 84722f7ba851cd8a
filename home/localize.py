"""How wagtail-localize translations behave on this portal.

Two rules, each closing a way the portal could show one language under another:
submitting a page never overwrites an existing translation of the snippets and
pages it refers to, and a translation that still holds text of its source
language is not served.
"""

from django.db.models import Exists, OuterRef
from wagtail_localize import operations
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class KeepExistingTranslations(operations.TranslationCreator):
    """wagtail-localize's creator, except that the objects a page refers to (its theme, its territory…)
    are translated only into the languages they lack.

    Upstream re-saves them in every chosen language from their source text, which replaced
    a theme's English and Spanish names with the French one on every workshop using it.
    """

    def create_translations(self, instance, include_related_objects=True):
        if include_related_objects:  # the object the editor submitted: the form already left out its languages
            return super().create_translations(instance, include_related_objects)
        chosen = self.target_locales
        self.target_locales = [locale for locale in chosen if not instance.has_translation(locale)]
        try:
            return super().create_translations(instance, include_related_objects=False)
        finally:
            self.target_locales = chosen


def install():
    """``translate_object`` and ``translate_page_subtree`` look the creator up in their module at each call."""
    operations.TranslationCreator = KeepExistingTranslations


def shows_untranslated_text(page):
    """Whether ``page``, kept in sync by wagtail-localize, shows strings still in its source language.

    One query in the usual case (every string translated); only when some are not does it
    compare them with what the page holds, since a page published before its source gained
    new strings still shows its own translations.
    """
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale_id=page.locale_id
    )
    missing = set(
        StringSegment.objects.filter(
            source__object_id=page.translation_key,
            source__translations__target_locale_id=page.locale_id,
            source__translations__enabled=True,
        )
        .exclude(Exists(translated))
        .values_list("context__path", "string__data")
    )
    if not missing:
        return False
    shown = {
        (segment.path, segment.string.data)
        for segment in extract_segments(page.specific)
        if isinstance(segment, StringSegmentValue)
    }
    return not missing.isdisjoint(shown)
