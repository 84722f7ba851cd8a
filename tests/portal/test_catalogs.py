"""Every interface string is translated, unfuzzy, and compiled, in each language."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_catalog_is_complete(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert not po.metadata_is_fuzzy
    untranslated = [entry.msgid for entry in po if not entry.translated()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    assert len(po) > 100


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_compiled_catalog_matches_its_source(code):
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural) for entry in mo}
    source = {(entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural) for entry in po.translated_entries()}
    assert compiled == source, "run `make messages` to recompile the catalogs"
