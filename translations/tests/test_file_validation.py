"""Damaged PO and XLIFF files are refused whole, with the line and the reason; nothing is written."""

import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from translations import files, validation

from .conftest import edit


@pytest.fixture
def stale_article(long_article):
    return edit(long_article, "en", 1, "<p>Prices doubled.</p>")


def exported(page, file_format, **kwargs):
    content, _extension, _count = files.export(Page.objects.filter(pk=page.pk).specific(), file_format, **kwargs)
    return content.decode()


def translated_po(page):
    """An exported PO file with its one stale entry translated, as Poedit would save it."""
    text = exported(page, files.PO)
    text = text.replace("#, fuzzy\n", "")
    return text.replace('msgstr "Los precios subieron."', 'msgstr "Los precios se duplicaron."')


def upload(client, name, text):
    return client.post(reverse("translations_admin:import"), {"file": SimpleUploadedFile(name, text.encode())})


def assert_refused(client, page, name, text, *fragments):
    revisions = page.revisions.count()
    response = upload(client, name, text)
    assert response.status_code == 400
    content = response.content.decode()
    assert "nothing was imported" in content
    for fragment in fragments:
        assert fragment in content
    assert page.revisions.count() == revisions
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios subieron.</p>"


def line_of(text, fragment):
    return text[: text.index(fragment)].count("\n") + 1


def test_exported_files_pass_gnu_gettext_and_the_xliff_schema(stale_article):
    text = translated_po(stale_article)
    if shutil.which("msgfmt"):
        checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", "-"], input=text.encode(), check=False)  # noqa: S607
        assert checked.returncode == 0
    assert validation.check_po(text) == text
    validation.check_xliff(exported(stale_article, files.XLIFF, include_all=True).encode())


def test_a_translated_po_file_is_applied(admin_client, stale_article):
    response = upload(admin_client, "t.po", translated_po(stale_article))
    assert "Applied: 1" in response.content.decode()


def test_an_obsolete_entry_ahead_of_the_others_is_skipped_and_the_rest_applied(admin_client, stale_article):
    """msgmerge files obsolete entries at the end, but a hand-edited file may have one anywhere."""
    text = translated_po(stale_article)
    header_end = text.index("\n\n") + 2
    obsolete = '#~ msgctxt "0:gone"\n#~ msgid "A paragraph since deleted."\n#~ msgstr "Un párrafo ya borrado."\n\n'
    response = upload(admin_client, "t.po", text[:header_end] + obsolete + text[header_end:])
    assert "Applied: 1" in response.content.decode()
    draft = Page.objects.get(pk=stale_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios se duplicaron.</p>"


def test_an_unterminated_string_is_refused(admin_client, stale_article):
    text = translated_po(stale_article).replace('se duplicaron."', "se duplicaron.")
    line = line_of(text, "se duplicaron")
    assert_refused(admin_client, stale_article, "t.po", text, f"Line {line}:")


def test_a_file_cut_off_in_a_msgstr_is_refused(admin_client, stale_article):
    text = translated_po(stale_article)
    text = text[: text.index("se duplicaron") + len("se dup")]
    assert_refused(admin_client, stale_article, "t.po", text, f"Line {line_of(text, 'se dup')}:")


def test_a_file_cut_off_before_a_msgstr_is_refused(admin_client, stale_article):
    text = translated_po(stale_article)
    text = text[: text.index('msgstr "Los precios')]
    assert_refused(admin_client, stale_article, "t.po", text, "msgstr")


def test_without_gnu_gettext_the_own_checks_still_refuse(admin_client, stale_article, monkeypatch):
    monkeypatch.setattr(validation.shutil, "which", lambda name: None)
    text = translated_po(stale_article).replace('se duplicaron."', "se duplicaron.")
    assert_refused(admin_client, stale_article, "t.po", text, "not closed")


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_what_msgfmt_rejects_is_refused(admin_client, stale_article):
    """An escape gettext does not know: the line checks accept it, msgfmt -c does not."""
    text = translated_po(stale_article).replace("se duplicaron.", "se \\qduplicaron.")
    assert_refused(admin_client, stale_article, "t.po", text, f"Line {line_of(text, 'qduplicaron')}:")


def test_duplicate_entries_are_refused(admin_client, stale_article):
    text = translated_po(stale_article)
    entry = text[text.index("#. Page") :]
    assert_refused(admin_client, stale_article, "t.po", text + "\n" + entry, "Line")


def test_text_that_is_not_utf8_is_refused(admin_client, stale_article):
    revisions = stale_article.revisions.count()
    data = translated_po(stale_article).replace("duplicaron", "duplicarón").encode("latin-1")
    response = admin_client.post(reverse("translations_admin:import"), {"file": SimpleUploadedFile("t.po", data)})
    assert "not UTF-8" in response.content.decode()
    assert stale_article.revisions.count() == revisions


def translated_xliff(page):
    text = exported(page, files.XLIFF)
    text = text.replace("<target>Los precios subieron.</target>", "<target>Los precios se duplicaron.</target>")
    return text.replace('state="initial"', 'state="translated"')


def test_a_translated_xliff_file_is_applied(admin_client, stale_article):
    assert "Applied: 1" in upload(admin_client, "t.xlf", translated_xliff(stale_article)).content.decode()


@pytest.mark.parametrize("name", ["t.xlf", "T.XLF", "t.xliff", "T.XLIFF"])
def test_an_xliff_file_saved_with_a_byte_order_mark_is_known_by_its_name(admin_client, stale_article, name):
    """Some Windows tools start UTF-8 with a byte order mark, so the file does not open with "<"."""
    response = upload(admin_client, name, "\ufeff" + translated_xliff(stale_article))
    assert "Applied: 1" in response.content.decode()


def test_a_file_whose_every_entry_conflicts_answers_409(admin_client, stale_article):
    text = translated_xliff(stale_article)
    edit(stale_article, "en", 1, "<p>Prices tripled.</p>")  # the source changed again since the export
    response = upload(admin_client, "t.xlf", text)
    assert response.status_code == 409
    assert "Nothing was applied: fix the conflicts below or import them separately." in response.content.decode()


def test_xliff_that_is_not_well_formed_is_refused(admin_client, stale_article):
    text = translated_xliff(stale_article)
    text = text[: text.index("se duplicaron") + 8]
    assert_refused(admin_client, stale_article, "t.xlf", text, "not well-formed")


def test_xliff_that_breaks_the_schema_is_refused(admin_client, stale_article):
    text = translated_xliff(stale_article).replace("<segment ", "<segmento ").replace("</segment>", "</segmento>")
    assert_refused(admin_client, stale_article, "t.xlf", text, f"Line {line_of(text, '<segmento')}:", "segmento")


def test_xliff_with_an_unknown_state_is_refused(admin_client, stale_article):
    text = translated_xliff(stale_article).replace('state="translated"', 'state="done"')
    assert_refused(admin_client, stale_article, "t.xlf", text, "state")


def test_import_command_refuses_a_damaged_file(tmp_path, stale_article):
    from django.core.management import CommandError, call_command

    path = tmp_path / "t.po"
    path.write_text(translated_po(stale_article).replace('se duplicaron."', "se duplicaron."))
    with pytest.raises(CommandError, match="Line"):
        call_command("translations", "import", str(path))


def test_a_translator_imports_only_into_pages_they_may_edit(stories_translator, stale_article, home_page):
    """A file naming the front page, outside the translator's section, is refused entry by entry."""
    foreign = f'\nmsgctxt "{home_page.pk}:title"\nmsgid "{home_page.title_en}"\nmsgstr "Portada ajena"\n'
    response = upload(stories_translator, "t.po", translated_po(stale_article) + foreign)
    content = response.content.decode()
    assert response.status_code == 400
    assert "The page does not exist or you may not edit it." in content
    assert Page.objects.get(pk=home_page.pk).specific.get_latest_revision_as_object().title_es != "Portada ajena"


def test_a_page_type_without_translatable_text_is_refused_like_a_missing_page(home_page):
    root = Page.get_first_root_node()
    content = f'msgid ""\nmsgstr ""\n"Language: es\\n"\n\nmsgctxt "{root.pk}:title"\nmsgid "Root"\nmsgstr "Raíz"\n'
    result = files.import_file(content.encode(), "t.po")
    assert result.errors == [(root.pk, "title", "The page does not exist or you may not edit it.")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_file_in_a_language_that_is_no_translation_is_refused_for_every_page(
    long_article, untranslated_article, language
):
    entries = "".join(
        f'\nmsgctxt "{page.pk}:title"\nmsgid "{page.title_en}"\nmsgstr "Título"\n'
        for page in (long_article, untranslated_article)
    )
    content = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n' + entries
    result = files.import_file(content.encode(), "t.po")
    message = "The file's language is not a translation of this page."
    assert result.errors == [(long_article.pk, "", message), (untranslated_article.pk, "", message)]
    assert result.applied == []


def po_for(page, entries):
    """A Spanish PO file for ``page``: ``entries`` are (segment key, source, translation)."""
    text = 'msgid ""\nmsgstr ""\n"Language: es\\n"\n'
    for key, source, target in entries:
        text += f'\nmsgctxt "{page.pk}:{key}"\nmsgid "{source}"\nmsgstr "{target}"\n'
    return text.encode()


def test_untranslated_and_vanished_entries_are_listed_and_the_rest_applied_when_partial(long_article):
    content = po_for(
        long_article,
        [
            ("title", "Water for sale", ""),
            ("body:deleted-since-export", "A paragraph since deleted.", "Un párrafo ya borrado."),
            ("dek", "A market grows.", "Crece y crece un mercado."),
        ],
    )
    result = files.import_file(content, "t.po", partial=True)
    assert result.skipped == [(long_article.pk, "title", "not translated or marked for review")]
    assert result.conflicts == [(long_article.pk, "body:deleted-since-export", "This text is no longer in the page.")]
    assert result.applied == [(long_article.pk, "dek")]


def test_a_file_exported_before_placeholders_carries_the_markup_itself_and_still_applies(long_article):
    """Older exports had the paragraph's HTML as its source; a translation that keeps the markup goes in."""
    draft = long_article.get_latest_revision_as_object()
    first_id = draft.body_en.raw_data[0]["id"]
    content = po_for(
        long_article,
        [(f"body:{first_id}", "<p>The wells are <b>private</b>.</p>", "<p>Los pozos son <b>muy privados</b>.</p>")],
    )
    result = files.import_file(content, "t.po")
    assert result.ok and result.applied == [(long_article.pk, f"body:{first_id}")]
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[0]["value"] == "<p>Los pozos son <b>muy privados</b>.</p>"
