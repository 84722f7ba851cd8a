"""One rule for showing an item in some language: the visitor's, else the site's default, else any.

Session titles, districts in forms, the pages that comments and candidacies belong to:
everything shown in another language than the visitor's follows this same order, so
the same item never appears in one language here and another there.
"""

from django.conf import settings


def preference(locale):
    """Language codes in the order to look for an item: the visitor's, then the default."""
    codes = [locale.language_code] if locale is not None else []
    if settings.LANGUAGE_CODE not in codes:
        codes.append(settings.LANGUAGE_CODE)
    return codes


def best(by_code, locale):
    """From {language code: item}, the one the rule picks (None when empty)."""
    for code in preference(locale):
        if code in by_code:
            return by_code[code]
    return next(iter(by_code.values()), None)


def in_best_language(queryset, locale):
    """The items of a translatable queryset in the one language the rule picks among those it holds."""
    codes = set(queryset.values_list("locale__language_code", flat=True).distinct())
    chosen = best({code: code for code in sorted(codes)}, locale)
    return queryset.filter(locale__language_code=chosen) if chosen else queryset.none()
