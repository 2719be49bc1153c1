"""The Spanish catalogue follows locale/es/STYLE.md: glossary, quotation marks, language names."""

import re

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
STYLE_GUIDE = settings.BASE_DIR / "locale" / "es" / "STYLE.md"

# Capitalised language names; a capital is right only where the name starts the text or a sentence.
LANGUAGE_NAMES = ("Inglés", "Español", "Francés", "Portugués", "Náhuatl", "Alemán", "Italiano", "Chino")
SENTENCE_START = re.compile(r"(^|[.!?¿¡:]\s+|^[“(]|\n)$")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")


def glossary(path=STYLE_GUIDE):
    """The rows of the style guide's glossary table: (English, Spanish, banned variants)."""
    text = path.read_text(encoding="utf-8")
    section = text.split("## Glossary", 1)[1]
    rows = []
    for line in section.splitlines():
        if not line.startswith("|") or set(line) <= {"|", "-", " "}:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "English":
            continue
        english, spanish, banned = cells[0], cells[1], cells[2]
        rows.append((english, spanish, [word.strip() for word in banned.split(",") if word.strip()]))
    return rows


def translations(path=CATALOGUE):
    """(msgid, text) for every Spanish string of the catalogue, plural forms included."""
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            if form:
                yield entry.msgid, form


def banned_uses(pairs, rows):
    problems = []
    for english, _spanish, banned in rows:
        for variant in banned:
            pattern = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", re.IGNORECASE)
            problems += [(english, variant, msgid) for msgid, text in pairs if pattern.search(text)]
    return problems


def quotation_problems(pairs):
    problems = []
    for msgid, text in pairs:
        prose = PLACEHOLDER.sub("", text)
        if "«" in prose or "»" in prose or '"' in prose or prose.count("“") != prose.count("”"):
            problems.append(msgid)
    return problems


def capitalised_language_names(pairs):
    problems = []
    for msgid, text in pairs:
        for name in LANGUAGE_NAMES:
            for match in re.finditer(rf"(?<!\w){name}(?!\w)", text):
                if not SENTENCE_START.search(text[: match.start()]):
                    problems.append((name, msgid))
    return problems


def test_glossary_is_readable_and_bans_the_variants_the_reviewer_found():
    rows = glossary()
    assert len(rows) >= 15
    banned = {variant.casefold() for _english, _spanish, variants in rows for variant in variants}
    assert {"reportar", "reporte", "entradilla", "línea de crédito", "ordenador", "vídeo"} <= banned
    english = {row[0] for row in rows}
    for term in ("comment", "moderation", "tip", "codename", "translation", "stale", "source (text)"):
        assert term in english


def test_catalogue_uses_no_banned_variant():
    assert banned_uses(list(translations()), glossary()) == []


def test_catalogue_uses_one_style_of_quotation_marks():
    assert quotation_problems(list(translations())) == []


def test_catalogue_writes_language_names_in_lower_case_inside_sentences():
    assert capitalised_language_names(list(translations())) == []


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (banned_uses, "Enviar reporte"),
        (banned_uses, "Reportar un comentario"),
        (banned_uses, "una entradilla"),
        (quotation_problems, "Elige «todos»"),
        (quotation_problems, "Elige “todos”."),
        (quotation_problems, 'Elige "todos"'),
        (capitalised_language_names, "Traducción (Inglés) de una página escrita en Español."),
    ],
)
def test_each_check_catches_the_slip_it_is_for(check, text):
    pairs = [("msgid", text)]
    if check is banned_uses:
        assert check(pairs, glossary())
    elif text == "Elige “todos”.":
        assert check(pairs) == []
    else:
        assert check(pairs)


def test_the_checks_leave_good_spanish_alone():
    good = [
        ("a", "Español"),
        ("b", "Inglés: desactualizada"),
        ("c", "Periodismo desde la frontera, en español e inglés. Español primero."),
        ("d", "Un reportero de datos. Denunciar."),
        ("e", "Elige “Incluir los segmentos que están al día”."),
    ]
    assert capitalised_language_names(good) == []
    assert banned_uses(good, glossary()) == []
    assert quotation_problems(good) == []


def test_language_names_inside_spanish_sentences_are_lower_case():
    from core.templatetags.bilingual_tags import language_name

    with translation.override("es"):
        assert (str(language_name("en")), str(language_name("es"))) == ("inglés", "español")
    with translation.override("en"):
        assert (str(language_name("en")), str(language_name("es"))) == ("English", "Spanish")


def test_spanish_demo_text_uses_one_style_of_quotation_marks_and_tu():
    from dataclasses import asdict

    from demo.content import load_content

    texts = []

    def collect(value, spanish=False):
        if isinstance(value, dict):
            for key, item in value.items():
                collect(item, spanish or key == "es")
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item, spanish)
        elif isinstance(value, str) and spanish:
            texts.append(("demo", re.sub(r"<[^>]+>", "", value)))

    collect(asdict(load_content()))
    assert texts
    assert quotation_problems(texts) == []
    # The newsroom addresses its readers as tú in its own pages too.
    assert [text for _demo, text in texts if re.search(r"(?<!\w)usted(?!\w)", text, re.IGNORECASE)] == []


def test_spanish_numbers_and_dates_follow_mexican_usage():
    import datetime

    from django.template.defaultfilters import filesizeformat
    from django.utils.formats import localize, number_format

    from core.templatetags.bilingual_tags import long_date

    with translation.override("es"):
        assert filesizeformat(25 * 1024 * 1024) == "25.0\xa0MB"
        assert number_format(1500.5, 1, force_grouping=True) == "1,500.5"
        assert localize(2.5) == "2.5"
        assert long_date(datetime.date(2023, 11, 28)) == "martes 28 de noviembre de 2023"
    with translation.override("en"):
        assert long_date(datetime.date(2023, 11, 28)) == "Tuesday, November 28, 2023"


@pytest.mark.django_db
def test_translation_admin_names_languages_in_lower_case_in_spanish(client, django_user_model, translated_article):
    from wagtail.users.models import UserProfile

    editor = django_user_model.objects.create_superuser("editora", "editora@frontera.invalid", "pw")
    UserProfile.get_for_user(editor).__class__.objects.filter(user=editor).update(preferred_language="es")
    client.force_login(editor)
    page = client.get(f"/admin/translations/page/{translated_article.pk}/es/").content.decode()
    assert "Traducción al español de una página escrita en inglés." in page
