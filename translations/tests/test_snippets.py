"""Author biographies and tag names are tracked, reported, exported and imported like page segments."""

import shutil
import subprocess

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse

from blog.models import Author, BlogTag
from conftest import listing_rows
from translations import files, memory, validation
from translations.models import Status
from translations.snippets import SnippetText, reference, snippets_for
from translations.status import snippet_statuses

pytestmark = pytest.mark.django_db


def status_of(obj, language="es"):
    (row,) = snippet_statuses([obj], [language])
    return row


@pytest.fixture
def untranslated_tag(db):
    return BlogTag.objects.create(name="Border", slug="border")


def test_a_changed_english_biography_makes_its_spanish_stale_and_a_spanish_edit_confirms_it(author):
    """A snippet save records state like a revision: a change to the original stales, a translator's edit confirms."""
    assert status_of(author).status == Status.UP_TO_DATE
    author.bio_en = "A reporter on the border."
    author.save()
    row = status_of(author)
    assert row.status == Status.STALE
    assert [(s.key, s.source_then, s.source.text) for s in row.changed_segments()] == [
        ("bio", "A reporter.", "A reporter on the border.")
    ]
    author.bio_es = "Una reportera de la frontera."
    author.save()
    assert status_of(author).status == Status.UP_TO_DATE
    assert memory.exact_match("en", "es", "A reporter on the border.") == "Una reportera de la frontera."


def test_a_tag_without_a_spanish_name_is_missing_and_only_snippets_with_text_are_listed(untranslated_tag, author):
    assert status_of(untranslated_tag).status == Status.MISSING
    Author.objects.create(name="Sin bio", slug="sin-bio")
    assert {str(obj) for obj in snippets_for()} == {"Ana Sombra", "Border"}


def test_the_report_lists_snippets_with_a_link_to_their_editor(admin_client, author, untranslated_tag):
    author.bio_en = "A reporter on the border."
    author.save()
    content = admin_client.get(reverse("translations_admin:report") + "?page_type=blog.author").content.decode()
    assert [row[:2] for row in listing_rows(content)] == [["Ana Sombra", "author"]]
    assert reverse("wagtailsnippets_blog_author:edit", args=[author.pk]) in content
    content = admin_client.get(reverse("translations_admin:report") + "?status=missing").content.decode()
    assert ["Border", "tag"] in [row[:2] for row in listing_rows(content)]


def export_snippets(file_format=files.PO):
    content, _extension, count = files.export([], file_format, snippets=snippets_for())
    return content, count


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_po_round_trip_of_a_tag_name_and_a_biography(tmp_path, author, untranslated_tag, admin_user):
    """Exported with the pages' format, translated in the file, checked by msgfmt, imported: both up to date."""
    author.bio_en = "A reporter on the border."
    author.save()
    content, count = export_snippets()
    assert count == 2
    path = tmp_path / "snippets.po"
    path.write_bytes(content)
    po = polib.pofile(str(path))
    entries = {entry.msgctxt: entry for entry in po}
    assert set(entries) == {f"{reference(author)}:bio", f"{reference(untranslated_tag)}:name"}
    entries[f"{reference(author)}:bio"].msgstr = "Una reportera de la frontera."
    entries[f"{reference(author)}:bio"].flags = []
    entries[f"{reference(untranslated_tag)}:name"].msgstr = "Frontera norte"
    po.save(str(path))
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)  # noqa: S603, S607
    result = files.import_file(path.read_bytes(), "snippets.po", user=admin_user)
    assert result.ok and sorted(result.applied) == sorted(
        [(reference(author), "bio"), (reference(untranslated_tag), "name")]
    )
    author.refresh_from_db()
    untranslated_tag.refresh_from_db()
    assert author.bio_es == "Una reportera de la frontera."
    assert untranslated_tag.name_es == "Frontera norte" and untranslated_tag.slug_es == "frontera-norte"
    assert status_of(author).status == status_of(untranslated_tag).status == Status.UP_TO_DATE
    assert status_of(author).state.confirmed_by == admin_user  # whoever imported the file
    # Confirmed once by the import, so the translation memory counts one use.
    assert memory.MemoryEntry.objects.get(target_text="Una reportera de la frontera.").uses == 1


def test_a_biography_whose_spanish_still_holds_is_confirmed_by_its_importer(author, admin_user):
    """The English changed a little; the translator keeps the Spanish in the file and imports it."""
    author.bio_en = "A reporter, on the border."
    author.save()
    po = polib.pofile(export_snippets()[0].decode())
    (entry,) = po
    entry.msgstr, entry.flags = author.bio_es, []
    result = files.import_file(str(po).encode(), "snippets.po", user=admin_user)
    assert result.applied == [] and result.confirmed == [(reference(author), "bio")]
    row = status_of(author)
    assert row.status == Status.UP_TO_DATE and row.state.confirmed_by == admin_user


def test_xliff_round_trip_of_snippets_validates_against_the_schema(author, untranslated_tag):
    content, _count = export_snippets(files.XLIFF)
    validation.check_xliff(content)
    text = content.decode()
    assert f'original="snippet:{reference(untranslated_tag)}"' in text
    text = text.replace("<source>Border</source>", "<source>Border</source><target>Frontera</target>").replace(
        'state="initial"', 'state="translated"'
    )
    validation.check_xliff(text.encode())
    result = files.import_file(text.encode(), "snippets.xlf")
    assert result.ok and result.applied == [(reference(untranslated_tag), "name")]
    untranslated_tag.refresh_from_db()
    assert untranslated_tag.name_es == "Frontera"


def test_a_snippet_import_is_refused_when_the_source_changed_or_the_user_may_not_edit_it(author):
    author.bio_en = "A reporter on the border."
    author.save()
    content, _count = export_snippets()
    po = polib.pofile(content.decode())
    po[0].msgstr, po[0].flags = "Una reportera de la frontera.", []
    translated = str(po).encode()

    result = files.import_file(translated, "a.po", allowed_snippets=[])
    assert not result.ok and result.errors[0][0] == reference(author)

    author.bio_en = "A reporter in Sonora."
    author.save()
    result = files.import_file(translated, "a.po")
    assert [conflict[:2] for conflict in result.conflicts] == [(reference(author), "bio")]
    author.refresh_from_db()
    assert author.bio_es == "Una reportera."


def test_the_original_language_of_a_snippet_is_never_written(author):
    content = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        f'msgctxt "{reference(author)}:bio"\nmsgid "A reporter."\nmsgstr "Overwritten."\n'
    )
    result = files.import_file(content.encode(), "en.po")
    assert not result.ok
    author.refresh_from_db()
    assert author.bio_en == "A reporter."


def test_status_and_export_commands_include_snippets(capsys, tmp_path, untranslated_tag):
    call_command("translations", "status", "--status", "missing")
    assert f"{reference(untranslated_tag)}\tBorder\tes\tmissing" in capsys.readouterr().out
    output = tmp_path / "s.po"
    call_command("translations", "export", "--snippets", "--output", str(output))
    assert 'msgid "Border"' in output.read_text()


def test_snippet_text_reads_each_language_without_fallback(untranslated_tag):
    text = SnippetText(untranslated_tag)
    assert text.segments("en")["name"].text == "Border" and text.segments("es")["name"].text == ""


def test_snippet_statuses_take_the_same_queries_for_many_snippets(django_assert_max_num_queries, author):
    """The report's snippet rows come from a fixed number of queries, however many tags there are."""
    BlogTag.objects.create(name="Water", slug="water-2")
    with django_assert_max_num_queries(10) as few:
        snippet_statuses(snippets_for())
    for number in range(20):
        BlogTag.objects.create(name=f"Tag {number}", name_es=f"Etiqueta {number}", slug=f"tag-{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(snippet_statuses(snippets_for())) == 22


def test_the_dashboard_counts_snippets_too(admin_client, author):
    from .test_admin import panel_count

    missing, stale = panel_count(admin_client, "missing"), panel_count(admin_client, "stale")
    BlogTag.objects.create(name="Border", slug="border")
    author.bio_en = "A reporter on the border."
    author.save()
    assert panel_count(admin_client, "missing") == missing + 1
    assert panel_count(admin_client, "stale") == stale + 1
