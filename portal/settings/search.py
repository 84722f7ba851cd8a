"""Which search backends the portal uses, from the environment alone (read by the settings module).

The database backend (``default``) always exists: Wagtail's admin searches it, and the public search
falls back on it when an engine does not answer. With an engine configured, each language gets its
own backend and index, whose text fields go through that language's analyzer: elision (French),
lowercase, accents folded, stop words, a light stemmer. Those chains are the ones found to fold
accents and stem plurals on both OpenSearch 2 and Elasticsearch 7; the built-in ``french`` analyzer
keeps accents, so "velo" would miss "vélos".

Pure data: the settings read it before Django is set up.
"""

LANGUAGES = ("fr", "en", "es")
BACKENDS = {
    "database": "search.backends.database",
    "opensearch2": "search.backends.opensearch2",
    "opensearch3": "search.backends.opensearch3",
    "elasticsearch7": "search.backends.elasticsearch7",
    "elasticsearch8": "search.backends.elasticsearch8",
    "elasticsearch9": "search.backends.elasticsearch9",
}
FILTERS = {
    "french_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    },
    "french_stop": {"type": "stop", "stopwords": "_french_"},
    "french_stemmer": {"type": "stemmer", "language": "light_french"},
    "english_stop": {"type": "stop", "stopwords": "_english_"},
    "english_possessive": {"type": "stemmer", "language": "possessive_english"},
    "english_stemmer": {"type": "stemmer", "language": "light_english"},  # "buses" → "bus"; Porter says "buse"
    "spanish_stop": {
        "type": "stop",
        "stopwords": [
            "a",
            "al",
            "con",
            "de",
            "del",
            "el",
            "en",
            "es",
            "la",
            "las",
            "lo",
            "los",
            "o",
            "para",
            "por",
            "que",
            "se",
            "su",
            "sus",
            "un",
            "una",
            "y",
        ],
    },
    "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
}
CHAINS = {
    "fr": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"],
    "en": ["english_possessive", "lowercase", "asciifolding", "english_stop", "english_stemmer"],
    "es": ["lowercase", "asciifolding", "spanish_stop", "spanish_stemmer"],
}


def index_settings(language, replicas):
    """The index settings of one language: its chain becomes the ``default`` analyzer of every text field."""
    used = {name: FILTERS[name] for name in CHAINS[language] if name in FILTERS}
    return {
        "settings": {
            "index": {"number_of_replicas": replicas},
            "analysis": {
                "filter": used,
                "analyzer": {"default": {"type": "custom", "tokenizer": "standard", "filter": CHAINS[language]}},
            },
        }
    }


def search_backends(name, urls, index, timeout, replicas):
    """``WAGTAILSEARCH_BACKENDS`` for the backend ``name`` (a key of ``BACKENDS``)."""
    backends = {"default": {"BACKEND": BACKENDS["database"]}}
    if name == "database":
        return backends
    for language in LANGUAGES:
        backends[language] = {
            "BACKEND": BACKENDS[name],
            "URLS": urls,
            "INDEX_PREFIX": f"{index}_{language}_",
            "TIMEOUT": timeout,
            "AUTO_UPDATE": False,  # search.indexing writes each page to its own language's index
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": index_settings(language, replicas),
            "OPTIONS": {"max_retries": 0},
        }
    return backends
