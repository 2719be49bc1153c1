"""Check that the Spanish catalogue translates every interface string.

``missing_entries`` runs ``makemessages`` over a copy of the sources (it
writes into the catalogue of the tree it walks), then compares: a msgid the
code marks but the catalogue lacks, an untranslated entry, or a fuzzy one,
is a failure.
"""

import os
import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

IGNORED = [
    ".venv",
    "static_collected",
    "media",
    "private",
    "node_modules",
    "test-results",
    ".git",
    "__pycache__",
    "mutants",
]


def catalogue_path(language="es"):
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"


def problems(path=None, extract=True, language="es"):
    """``{"missing": [...], "untranslated": [...], "fuzzy": [...]}`` of (msgctxt, msgid) pairs."""
    path = Path(path or catalogue_path(language))
    if not path.exists():
        return {"missing": [("", str(path))], "untranslated": [], "fuzzy": []}
    catalogue = polib.pofile(str(path))
    entries = [entry for entry in catalogue if not entry.obsolete]
    result = {
        "untranslated": [(e.msgctxt or "", e.msgid) for e in entries if not e.translated() and "fuzzy" not in e.flags],
        "fuzzy": [(e.msgctxt or "", e.msgid) for e in entries if "fuzzy" in e.flags],
        "missing": [],
    }
    if extract:
        known = {(entry.msgctxt or "", entry.msgid) for entry in entries}
        result["missing"] = sorted(pair for pair in extracted_msgids(language) if pair not in known)
    return result


def extracted_msgids(language="es"):
    """(msgctxt, msgid) of every string the sources mark for translation."""
    base = Path(settings.BASE_DIR)
    with tempfile.TemporaryDirectory() as directory:
        copy = Path(directory) / "src"
        shutil.copytree(base, copy, ignore=shutil.ignore_patterns(*IGNORED, "*.mo", "*.sqlite3", "*.pyc"))
        locale = copy / "locale"
        previous = Path.cwd()
        try:
            os.chdir(copy)
            with override_settings(LOCALE_PATHS=[locale]):
                call_command("makemessages", locale=[language], ignore_patterns=IGNORED, verbosity=0, no_location=True)
        finally:
            os.chdir(previous)
        regenerated = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))
        return {(entry.msgctxt or "", entry.msgid) for entry in regenerated if not entry.obsolete}
