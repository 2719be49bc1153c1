"""Every interface string has a Spanish translation."""

import re

import polib

from translations.catalogue import catalogue_path, problems


def test_catalogue_has_no_untranslated_or_fuzzy_entry():
    found = problems(extract=False)
    assert found["untranslated"] == []
    assert found["fuzzy"] == []


def test_makemessages_would_add_nothing():
    """A string marked for translation but missing from the catalogue fails here
    (``translations.catalogue`` runs makemessages over a copy of the sources)."""
    assert problems()["missing"] == [], "Run `make makemessages` and translate the new strings"


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")


def placeholder_problems(entries):
    """One line per translation that loses a placeholder or invents one (which would crash)."""
    problems = []
    for entry in entries:
        if entry.msgid_plural:
            offered = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural))
            for index, form in sorted(entry.msgstr_plural.items()):
                invented = set(PLACEHOLDER.findall(form)) - offered
                if invented:
                    problems.append(f"{entry.msgid!r} plural form {index} invents {sorted(invented)}")
        else:
            expected, found = sorted(PLACEHOLDER.findall(entry.msgid)), sorted(PLACEHOLDER.findall(entry.msgstr))
            if expected != found:
                problems.append(f"{entry.msgid!r}: source has {expected}, translation has {found}")
    return problems


def test_placeholders_survive_translation():
    """Every translation keeps the source's placeholders and invents none; all offenders are listed at once."""
    entries = polib.pofile(str(catalogue_path())).translated_entries()
    assert len(entries) > 100
    problems = placeholder_problems(entries)
    assert problems == [], "\n".join(problems)


def test_the_placeholder_check_catches_lost_and_invented_placeholders():
    lost = polib.POEntry(msgid="%(count)s comments on %(title)s", msgstr="%(count)s comentarios")
    invented = polib.POEntry(msgid="Hello", msgstr="Hola %(name)s")
    renamed = polib.POEntry(msgid="By {{ name }}", msgstr="Por {{ nombre }}")
    plural = polib.POEntry(
        msgid="%(n)d tip", msgid_plural="%(n)d tips", msgstr_plural={0: "%(n)d pista", 1: "%(m)d pistas"}
    )
    fine = polib.POEntry(msgid="%(n)d of %(total)d", msgstr="%(n)d de %(total)d")
    problems = placeholder_problems([lost, invented, renamed, plural, fine])
    assert len(problems) == 4
    assert "plural form 1 invents ['%(m)d']" in problems[3]
