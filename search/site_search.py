"""The site search: every live, public page in the visitor's language, with facets, pages and extracts.

The facets are the kind of page, then the facets each registered page type brings (the archive's
filters for recommendations), counted over what the words find. Choosing one of a type's facets
narrows the results to that type. When nothing matches, a spelling close to the words of the site's
titles is offered, with advice. What is searched is tallied for the editors' report.
"""

import difflib
import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from portal import versions
from portal.pagination import page_number
from search import analysis, highlight, registry, searching
from search import facets as faceting
from search.models import SearchTerm

PER_PAGE = 10
CLOSE_NOTICE = gettext_lazy("No page has exactly these words: here are the pages with words spelled nearly the same.")
VERSION = "search"
VOCABULARY_SECONDS = 3600
SUMMARY_SECONDS = 3600


def _type_names(ids):
    types = (ContentType.objects.get_for_id(int(pk)) for pk in ids)  # from ContentType's own cache
    return {content_type.pk: capfirst(content_type.model_class()._meta.verbose_name_plural) for content_type in types}


TYPE = faceting.FacetField("type", gettext_lazy("Kind of page"), "content_type_id", names=_type_names)


@dataclass
class SiteSearch:
    words: str
    page: object = None  # the Paginator page of results, each with a ``snippet``
    facets: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    elsewhere: list = field(default_factory=list)  # registry.Found: sessions and other things not pages
    suggestion: str = ""  # the words spelled as the site spells them, when nothing matched
    chosen: dict = field(default_factory=dict)  # facet name: value

    @property
    def query(self):
        """The words and chosen values, to keep in links (without the page number)."""
        return urlencode([("q", self.words)] + sorted(self.chosen.items()))

    @property
    def total(self):
        return self.page.paginator.count if self.page else 0


def search_site(locale, params):
    words = searching.cleaned(params.get("q", ""))
    if not words:
        return SiteSearch(words="")
    notices = []
    facet_fields = [TYPE] + [facet_field for fields in registry.FACETS.values() for facet_field in fields]
    chosen = faceting.chosen_values(params, facet_fields, notices)
    outcome = searching.run(locale, lambda backend: _search(backend, locale, words, chosen, params))
    found = outcome.value
    found.notices = notices + found.notices + ([searching.LIMITED_NOTICE] if outcome.limited else [])
    _link_options(found)
    if found.page.number == 1 and not any(facet.chosen for facet in found.facets):
        found.promotions = promotions_for(words, locale)
        found.elsewhere = [block for block in (source(locale, words) for source in registry.SOURCES) if block.items]
    if "page" not in params:
        tally(locale.language_code, words, found.total)
    if not found.total:
        found.suggestion = suggestion(words, locale)
    return found


def _search(backend, locale, words, chosen, params):
    """Everything one search needs from ``backend``; run again on the database if the engine fails.

    The facets and the total are the costly part (one search per facet) and the same for everyone
    who searches the same words with the same choices: they come from the cache until a page is
    published or unpublished. The page of results is searched each time.
    """
    kept = hashlib.sha256(urlencode([("q", words)] + sorted(chosen.items())).encode()).hexdigest()
    key = f"search:summary:{versions.current(VERSION)}:{type(backend).__name__}:{locale.pk}:{kept}"  # any length
    summary = cache.get(key)
    if summary is None:
        summary = _summary(backend, locale, words, dict(chosen))
        cache.set(key, summary, SUMMARY_SECONDS)
    facets, chosen, notices, total, close = summary
    paginator = Paginator(searching.matching(backend, _shown(locale, chosen), words, close=close), PER_PAGE)
    paginator.count = total
    page = paginator.page(page_number(params.get("page", "1"), paginator, notices))
    page.object_list = _specific_in_order(page.object_list)
    for result in page.object_list:
        result.snippet = highlight.snippet(result, words, locale.language_code)
    return SiteSearch(words=words, page=page, facets=facets, notices=notices, chosen=chosen)


def _summary(backend, locale, words, chosen):
    """(facets, the choices kept, notices, how many results, whether near spellings were needed)."""
    notices = []
    pages = searching.published(Page, locale)
    type_counts = faceting.counts_in_results(searching.matching(backend, pages, words), TYPE)
    facets = [TYPE.facet(type_counts, chosen.get("type"))]
    faceting.drop_unknown(facets, [TYPE], chosen, notices)

    def count(narrowed, facet_field):
        return faceting.counts_in_results(searching.matching(backend, narrowed, words), facet_field)

    for model, fields in registry.FACETS.items():
        own = {f.name: chosen.pop(f.name) for f in fields if f.name in chosen}
        model_type = str(ContentType.objects.get_for_model(model).pk)
        if model_type not in type_counts:
            continue  # the words find none of these pages: their facets would all be empty
        published = searching.published(model, locale)
        model_facets = faceting.counted(published, fields, own, count)
        if faceting.drop_unknown(model_facets, fields, own, notices):
            model_facets = faceting.counted(published, fields, own, count)
        facets += model_facets
        if own:  # a value of this type's facets narrows the results to this type
            chosen.update(own, type=model_type)
            facets[0] = TYPE.facet(type_counts, model_type)

    shown = _shown(locale, chosen)
    total, close = searching.matching(backend, shown, words).count(), False
    if not total and searching.tolerates_typos(backend):
        total = searching.matching(backend, shown, words, close=True).count()
        close = bool(total)
        if close:
            notices.append(CLOSE_NOTICE)
    return facets, chosen, notices, total, close


def _shown(locale, chosen):
    """The pages the results are taken from: narrowed by a page type's facets, or of the chosen type, or all."""
    for model, fields in registry.FACETS.items():
        own = {f.name: chosen[f.name] for f in fields if f.name in chosen}
        if own:
            return faceting.narrowed(searching.published(model, locale), fields, own)
    if "type" in chosen:
        return searching.published(ContentType.objects.get_for_id(int(chosen["type"])).model_class(), locale)
    return searching.published(Page, locale)


def _specific_in_order(results):
    ids = [result.pk for result in results]
    specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
    return [specific[pk] for pk in ids if pk in specific]


def _link_options(found):
    """Each option's link: the words and chosen values with this value chosen, or dropped if it was.

    Dropping the kind of page drops every other facet too, as those belong to one kind.
    """
    for facet in found.facets:
        for option in facet.options:
            if option.selected:
                params = {} if facet.name == TYPE.name else {k: v for k, v in found.chosen.items() if k != facet.name}
            else:
                params = {**found.chosen, facet.name: option.value}
            option.link = "?" + urlencode([("q", found.words)] + sorted(params.items()))


def promotions_for(words, locale):
    """The editors' promoted results for these words (Wagtail's search promotions), in this language."""
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(words)).select_related(
        "page"
    )
    return [
        promotion
        for promotion in promotions.order_by("sort_order")
        if promotion.external_link_url
        or (promotion.page and promotion.page.live and promotion.page.locale_id == locale.pk)
    ]


def tally(language, words, total):
    """Count one search of ``words`` today, and whether it found nothing (for the editors' report)."""
    query = words.lower()[: SearchTerm._meta.get_field("query").max_length]
    day = timezone.localdate()
    increments = {"searches": F("searches") + 1, "without_results": F("without_results") + (0 if total else 1)}
    if SearchTerm.objects.filter(language=language, query=query, day=day).update(**increments):
        return
    try:
        with transaction.atomic():
            SearchTerm.objects.create(
                language=language, query=query, day=day, searches=1, without_results=int(not total)
            )
    except IntegrityError:  # another request created it meanwhile
        SearchTerm.objects.filter(language=language, query=query, day=day).update(**increments)


def suggestion(words, locale):
    """The words with each unknown one replaced by the closest word of the site's titles, or ''."""
    known = vocabulary(locale)
    changed, spelled = False, []
    for word in words.split():
        folded = analysis.fold(word)
        if folded in known or not folded.isalpha():
            spelled.append(word)
            continue
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
        spelled.append(known[close[0]] if close else word)
        changed = changed or bool(close)
    return " ".join(spelled) if changed else ""


def vocabulary(locale):
    """{folded word: as written} for the words of every live page title in ``locale``, cached until a publication."""
    key = f"search:vocabulary:{versions.current(VERSION)}:{locale.pk}"
    known = cache.get(key)
    if known is None:
        known = {}
        for title in searching.published(Page, locale).values_list("title", flat=True).iterator():
            for word in analysis.WORD.findall(title.lower()):
                if len(word) > 2:
                    known.setdefault(analysis.fold(word), word)
        cache.set(key, known, VOCABULARY_SECONDS)
    return known


def bump(**_signal):
    """A page was published, unpublished or deleted: the words of the titles may have changed."""
    versions.bump(VERSION)
