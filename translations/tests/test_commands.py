"""``manage.py translations`` subcommands, and the demo's stale article."""

import io

import polib
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from conftest import make_article
from demo.translation_states import seed_demo_translation_states
from translations import catalogue, files
from translations.models import Status
from translations.status import page_status

from .conftest import edit


def run(*args):
    out = io.StringIO()
    call_command("translations", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_status_prints_one_line_per_page_and_language(translated_article, untranslated_article, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    lines = run("status").splitlines()
    assert f"{translated_article.pk}\tThe dry canal\tes\tup_to_date" in lines
    assert f"{untranslated_article.pk}\tNight shift at the bridge\tes\tmissing" in lines
    assert f"{long_article.pk}\tWater for sale\tes\tstale" in lines
    assert run("status", "--status", "stale").splitlines() == [f"{long_article.pk}\tWater for sale\tes\tstale"]


def test_status_for_one_language_leaves_out_the_others(translated_article, spanish_original_article):
    """A Spanish original's English row is listed under ``--language en`` only."""
    articles = (f"{translated_article.pk}\t", f"{spanish_original_article.pk}\t")
    spanish = [line for line in run("status", "--language", "es").splitlines() if line.startswith(articles)]
    english = [line for line in run("status", "--language", "en").splitlines() if line.startswith(articles)]
    assert spanish == [f"{translated_article.pk}\tThe dry canal\tes\tup_to_date"]
    assert english == [f"{spanish_original_article.pk}\tLa radio comunitaria\ten\tmissing"]


def test_baseline_accepts_translations_made_before_any_state(blog_index, translated_article, untranslated_article):
    """Translations that predate the app are confirmed once; missing ones stay missing."""
    from translations.models import TranslationState

    spanish_first = make_article(
        blog_index,
        es={"title": "La garita", "slug": "la-garita", "body": ["Filas largas."]},
        en={"title": "The checkpoint", "slug": "the-checkpoint", "body": ["Long lines."]},
        original="es",
    )
    TranslationState.objects.all().delete()
    assert page_status(translated_article, "es").status != Status.UP_TO_DATE
    recorded = run("baseline")
    assert f"Recorded {TranslationState.objects.count()} existing translations" in recorded
    assert page_status(translated_article, "es").status == Status.UP_TO_DATE
    assert page_status(spanish_first, "en").status == Status.UP_TO_DATE  # its translation is the English
    assert not TranslationState.objects.filter(page=untranslated_article).exists()
    assert page_status(untranslated_article, "es").status == Status.MISSING
    assert "Recorded 0 existing translations" in run("baseline")


def test_export_then_import_round_trip(tmp_path, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    output = tmp_path / "out.po"
    assert "Exported 1 segments" in run("export", "--page", str(long_article.pk), "--output", str(output))
    po = polib.pofile(str(output))
    po[0].msgstr, po[0].flags = "Los precios se duplicaron.", []
    po.save(str(output))
    assert "1 applied" in run("import", str(output))
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_import_with_conflicts_fails_and_applies_nothing(tmp_path, long_article):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    output = tmp_path / "out.xlf"
    run("export", "--page", str(long_article.pk), "--format", "xliff", "--output", str(output))
    text = output.read_text().replace("<target>Los precios subieron.</target>", "<target>Duplicados.</target>")
    output.write_text(text.replace('state="initial"', 'state="translated"'))
    edit(long_article, "en", 1, "<p>Prices tripled.</p>")
    with pytest.raises(CommandError, match="dry run"):
        run("import", str(output), "--dry-run")
    with pytest.raises(CommandError, match="Nothing applied"):
        run("import", str(output))
    draft = long_article.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios subieron.</p>"


def test_export_of_unknown_page_fails(tmp_path, db):
    with pytest.raises(CommandError):
        run("export", "--page", "99999", "--output", str(tmp_path / "x.po"))


def write_catalogue(path, entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags))
    po.save(str(path))


def test_check_fails_on_untranslated_or_fuzzy_entries(tmp_path):
    path = tmp_path / "django.po"
    write_catalogue(path, [("Hello", "Hola", []), ("Bye", "", [])])
    with pytest.raises(CommandError):
        run("check", "--catalogue", str(path), "--no-extract")
    write_catalogue(path, [("Hello", "Hola", ["fuzzy"])])
    with pytest.raises(CommandError):
        run("check", "--catalogue", str(path), "--no-extract")
    write_catalogue(path, [("Hello", "Hola", [])])
    assert "Every interface string" in run("check", "--catalogue", str(path), "--no-extract")


def test_check_finds_strings_the_catalogue_lacks(tmp_path, monkeypatch):
    path = tmp_path / "django.po"
    write_catalogue(path, [("Hello", "Hola", [])])
    monkeypatch.setattr(catalogue, "extracted_msgids", lambda language="es": {("", "Hello"), ("", "Stale")})
    with pytest.raises(CommandError):
        run("check", "--catalogue", str(path))


def test_demo_leaves_one_article_stale(translated_article, untranslated_article):
    out = io.StringIO()
    stale = seed_demo_translation_states([untranslated_article, translated_article], out)
    assert stale.pk == translated_article.pk
    assert page_status(translated_article, "es").status == Status.STALE
    assert page_status(untranslated_article, "es").status == Status.MISSING
    # Running again changes nothing more.
    revisions = translated_article.revisions.count()
    seed_demo_translation_states([untranslated_article, translated_article], out)
    assert translated_article.revisions.count() == revisions


def test_a_long_import_shows_its_progress_page_by_page(tmp_path, blog_index):
    """Five pages or more: one line on stderr, redrawn as each page is written, ended at the last."""
    pages = [
        make_article(blog_index, en={"title": f"Story {n}", "slug": f"story-{n}", "body": [f"Line {n}."]})
        for n in range(5)
    ]
    content, _extension, _count = files.export(Page.objects.filter(pk__in=[page.pk for page in pages]).specific())
    po = polib.pofile(content.decode())
    for entry in po:
        entry.msgstr = f"Traducido: {entry.msgid}"
    path = tmp_path / "stories.po"
    path.write_text(str(po), encoding="utf-8")
    err = io.StringIO()
    call_command("translations", "import", str(path), stdout=io.StringIO(), stderr=err)
    frames = err.getvalue().split("\r")[1:]
    assert [frame.split("] ")[1] for frame in frames] == ["1/5", "2/5", "3/5", "4/5", "5/5\n"]
    assert frames[-1] == f"[{'#' * 30}] 5/5\n"
