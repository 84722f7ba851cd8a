"""Relevance on the demo archive: a fixed table of queries and the page each must find, on every backend.

The demo is loaded once, then indexed and searched on the database backend and on each engine in
turn; the pass rate of each is printed. Every row must pass everywhere. A typo passes on the engines
by their fuzziness; the database backends match stems only, so there it passes when the "did you
mean" it offers finds the page.
"""

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from search import site_search
from tests.search.conftest import BACKENDS, configure, engine_url, reindex

pytestmark = pytest.mark.django_db
TOP = 5

# (language, words, a title among the first five results, what the row checks)
TABLE = [
    ("fr", "velo", "Apprendre le vélo à l'école", "accents"),
    ("fr", "vélos", "Apprendre le vélo à l'école", "plural"),
    ("fr", "velos abrites", "Un parking à vélos abrité dans chaque école", "accents, plural, two words"),
    ("fr", "ecoles vegetalisees", "Des cours d'école végétalisées", "accents, plural"),
    ("fr", "passage pieton", "Des passages piétons surélevés", "accents, singular"),
    ("fr", "fraiche", "Une ville plus fraîche en été", "accents"),
    ("fr", "ville fraiche ete", "Une ville plus fraîche en été", "three words"),
    ("fr", "villes fraiches", "Une ville plus fraîche en été", "plural"),
    ("fr", "eclairer chemin", "Éclairer les chemins piétons", "accents, plural"),
    ("fr", "pedibus quartier", "Des pédibus dans tous les quartiers", "accents, plural"),
    ("fr", "itineraire sur", "Une carte des itinéraires sûrs", "accents, plural"),
    ("fr", "conseil citoyen independant", "Conseil citoyen indépendant des secteurs 1 et 2", "three words"),
    ("fr", "la nuit", "La nuit en ville : calme et animation", "stop word"),
    ("fr", "donnees personnelles", "Données personnelles", "accents"),
    ("fr", "bus gratuits", "Un bus scolaire gratuit", "plural"),
    ("fr", "traversee dangereuse", "Des agents aux traversées dangereuses", "accents, plural"),
    ("fr", "recommandation", "Recommandations", "plural"),
    ("fr", "pédibis", "Des pédibus dans tous les quartiers", "typo"),
    ("en", "recommendation", "Recommendations", "plural"),
    ("en", "bikes", "Covered bike parking at every school", "plural"),
    ("en", "school streets", "A school street at every school", "plural"),
    ("en", "walking bus", "Walking buses in every neighbourhood", "plural"),
    ("en", "crossing patrol", "Crossing patrols at dangerous crossings", "plural"),
    ("en", "footpath", "Light the footpaths", "plural"),
    ("en", "green yard", "Green school yards", "plural"),
    ("en", "cooler city", "A cooler city in summer", "two words"),
    ("en", "councils", "Citizen councils", "plural"),
    ("en", "safe route map", "A map of safe routes", "three words"),
    ("en", "cycling lesson", "Cycling lessons at school", "inflection"),
    ("en", "raised crossing", "Raised pedestrian crossings", "inflection"),
    ("en", "neighbourhod", "Walking buses in every neighbourhood", "typo"),
    ("es", "mas fresca", "Una ciudad más fresca en verano", "accents"),
    ("es", "bicicletas", "Aparcamiento cubierto para bicicletas en cada escuela", "plural"),
    ("es", "bicicleta cubierto", "Aparcamiento cubierto para bicicletas en cada escuela", "singular"),
    ("es", "calles escolares", "Una calle escolar en cada escuela", "plural"),
    ("es", "peaton elevado", "Pasos de peatones elevados", "accents, plural"),
    ("es", "autobus gratuito", "Un autobús escolar gratuito", "accents"),
    ("es", "cruce peligroso", "Agentes en los cruces peligrosos", "plural"),
    ("es", "patio verde", "Patios escolares verdes", "plural"),
    ("es", "itinerario seguro", "Un mapa de itinerarios seguros", "plural"),
    ("es", "consejos ciudadanos", "Consejos ciudadanos", "plural"),
    ("es", "iluminar camino", "Iluminar los caminos peatonales", "plural"),
    ("es", "participacion", "Participación ciudadana", "accents"),
    ("es", "bicicelta", "Aparcamiento cubierto para bicicletas en cada escuela", "typo"),
]


def test_the_table_has_at_least_thirty_queries_in_each_language():
    assert len(TABLE) >= 30
    assert {language for language, *_row in TABLE} == {"fr", "en", "es"}


def first_titles(language, locale, words):
    with translation.override(language):
        found = site_search.search_site(locale, {"q": words})
    return ([page.title for page in found.page.object_list][:TOP] if found.total else []), found.suggestion


def run_table(locales):
    """{row: (passed, what was found)} for the current backend."""
    outcome = {}
    for row in TABLE:
        language, words, expected, kind = row
        titles, suggestion = first_titles(language, locales[language], words)
        if not titles and kind == "typo" and suggestion:
            titles = [f"did you mean “{suggestion}”: ", *first_titles(language, locales[language], suggestion)[0]]
        outcome[row] = (expected in titles, titles)
    return outcome


def test_relevance_on_every_backend(settings, engine_nodes, capsys):
    call_command("load_initial_data", verbosity=0)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    failures, unavailable = [], []
    for backend in BACKENDS:
        if backend != "database":
            try:
                configure(settings, backend, engine_url(backend, engine_nodes), f"relevance{backend}")
            except (pytest.skip.Exception, pytest.fail.Exception) as stopped:
                unavailable.append(str(stopped))
                continue
        reindex()
        outcome = run_table(locales)
        passed = sum(ok for ok, _titles in outcome.values())
        with capsys.disabled():
            print(f"\nrelevance on {backend}: {passed}/{len(TABLE)} ({100 * passed / len(TABLE):.0f}%)")
        for (language, words, expected, kind), (ok, titles) in outcome.items():
            if not ok:
                failures.append(f"{backend} {language} {words!r} ({kind}): expected {expected!r}, found {titles}")
    assert failures == [], "\n".join(failures)
    if unavailable:
        from tests.skipping import missing

        missing("; ".join(unavailable))
