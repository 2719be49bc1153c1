"""Every interface string has a Spanish translation."""

import re
import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
IGNORED = [".venv", "static_collected", "media", "private", "node_modules", "test-results"]


def test_catalogue_has_no_untranslated_or_fuzzy_entry():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_makemessages_would_add_nothing(tmp_path, settings, monkeypatch):
    """A string marked for translation but missing from the catalogue fails here.

    makemessages writes into the catalogue of the tree it walks, so it runs
    over a copy of the sources.
    """
    shutil.copytree(
        settings.BASE_DIR,
        tmp_path / "src",
        ignore=shutil.ignore_patterns(*IGNORED, ".git", "__pycache__", "*.mo", "*.sqlite3"),
    )
    settings.LOCALE_PATHS = [tmp_path / "src" / "locale"]
    monkeypatch.chdir(tmp_path / "src")
    call_command("makemessages", locale=["es"], ignore_patterns=IGNORED, verbosity=0)
    regenerated = polib.pofile(str(tmp_path / "src" / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    committed = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(CATALOGUE))}
    new = sorted(
        (entry.msgctxt or "", entry.msgid)
        for entry in regenerated
        if not entry.obsolete and (entry.msgctxt, entry.msgid) not in committed
    )
    assert new == [], "Run `make makemessages` and translate the new strings"


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")


@pytest.mark.parametrize("entry", polib.pofile(str(CATALOGUE)).translated_entries(), ids=lambda e: e.msgid[:40])
def test_placeholders_survive_translation(entry):
    """A translation keeps the source's placeholders and invents none (which would crash)."""
    if entry.msgid_plural:
        offered = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
        for form in entry.msgstr_plural.values():
            assert set(PLACEHOLDER.findall(form)) <= offered
    else:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(PLACEHOLDER.findall(entry.msgstr))
