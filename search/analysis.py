"""Per-language text analysis for the database backends: what the engines' analyzers do, in Python.

SQLite's full text knows no language and PostgreSQL's applies one configuration to every row, so
on the databases we analyse the text ourselves, the same way at index time and at query time, with
the language of the page being indexed or of the visitor searching: lowercase, French elisions
dropped, common stop words dropped, plurals taken off, then a Snowball stem without accents.

A word is indexed under two stems, that of the word as written and that of the word without its
accents, because Snowball's rules read accents ("mobilité" and "mobilite" stem differently). A
query word gives one stem, as typed, so "mobilite" and "mobilité" both find "mobilité".
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

STEMMERS = {"fr": "french", "en": "english", "es": "spanish"}
WORD = re.compile(r"\w+")
FRENCH_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
# Short, deliberately: words a person never searches for alone. "más" stays: it is searched for.
STOP_WORDS = {
    "fr": set(
        "au aux avec ce ces dans de des du elle en et il ils la le les leur lui ma mais me mes "
        "ne nos notre nous on ou par pas pour qui que sa se ses son sur ta te tes un une vos votre "
        "vous est sont a".split()
    ),
    "en": set(
        "a an and are as at be by for from has have in is it its of on or that the their this "
        "to was were will with".split()
    ),
    "es": set("a al con de del el en es la las lo los o para por que se su sus un una unos unas y".split()),
}
ENGLISH_ES_PLURAL = re.compile(r"(?:ch|sh|x|z|s)es$")
MAX_WORDS = 40  # a query longer than this is cut: no one types more, and each word costs a join


def fold(text):
    """Lowercase, without accents: "Préconisation" → "preconisation"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text, language):
    if language == "fr":
        text = FRENCH_ELISION.sub(" ", text)
    stop = STOP_WORDS.get(language, set())
    return [word for word in WORD.findall(text.lower()) if word not in stop and fold(word) not in stop]


def index_text(text, language):
    """The stems a page's text is found by, in the page's language."""
    stems = []
    for word in words(text, language):
        written, folded = stem(word, language), stem(fold(word), language)
        stems.append(written)
        if folded != written:
            stems.append(folded)
    return " ".join(stems)


def query_text(text, language):
    """The stems a visitor's words look for, in the visitor's language."""
    return " ".join(stem(word, language) for word in words(text, language)[:MAX_WORDS])


def prefix_text(text):
    """For the search box's suggestions: folded words, not stemmed (a stem is no prefix of what is typed)."""
    return " ".join(WORD.findall(fold(text))[:MAX_WORDS])


@lru_cache(maxsize=50_000)
def stem(word, language):
    word = _without_plural(word, language)
    name = STEMMERS.get(language)
    stemmed = _stemmer(name).stemWord(word) if name else word
    return fold(stemmed)


def _without_plural(word, language):
    """Snowball keeps some plurals apart: French "vélos", Spanish "ciudades", English "buses"."""
    if len(word) <= 3 or word.isdigit():
        return word
    if language == "en" and ENGLISH_ES_PLURAL.search(word):
        return word[:-2]
    if language == "fr" and word[-1] in "sx":
        return word[:-1]
    if language == "es":
        if word.endswith("es") and word[-3] not in "aeiouáéíóú":
            return word[:-2]
        if word.endswith("s") and word[-2] in "aeiouáéíóú":
            return word[:-1]
    return word


@cache
def _stemmer(name):
    return snowballstemmer.stemmer(name)
