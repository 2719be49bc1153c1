"""What an export holds: one pair of languages a file, the memory's suggestions, nothing the original lost."""

import uuid

import polib
import pytest
from wagtail.models import Page

from translations import actions, files, memory

from .conftest import edit


def exported(pages, **options):
    queryset = Page.objects.filter(pk__in=[page.pk for page in pages]).specific()
    content, _extension, _count = files.export(queryset, files.PO, **options)
    return polib.pofile(content.decode())


def pages_in(po):
    return {entry.msgctxt.split(":", 1)[0] for entry in po}


def test_pages_that_translate_into_different_languages_are_exported_one_language_at_a_time(
    untranslated_article, spanish_original_article
):
    pages = [untranslated_article, spanish_original_article]
    with pytest.raises(files.FileError) as refused:
        exported(pages)
    assert str(refused.value) == (
        "The chosen pages translate into different languages; export each language separately."
    )
    spanish, english = exported(pages, language="es"), exported(pages, language="en")
    assert (pages_in(spanish), spanish.metadata["Language"]) == ({str(untranslated_article.pk)}, "es")
    assert (pages_in(english), english.metadata["Language"]) == ({str(spanish_original_article.pk)}, "en")


def test_snippets_go_only_into_an_export_of_the_language_they_translate_into(spanish_original_article, author):
    """Biographies are written in English: an English export of a Spanish original leaves them out."""
    english = exported([spanish_original_article], language="en", include_all=True, snippets=[author])
    assert pages_in(english) == {str(spanish_original_article.pk)}
    spanish = exported([], language="es", include_all=True, snippets=[author])
    assert [(entry.msgid, entry.msgstr) for entry in spanish] == [("A reporter.", "Una reportera.")]


def test_an_export_of_everything_leaves_out_what_the_original_no_longer_has(long_article):
    """An emptied English dek and a deleted English paragraph: their Spanish is no text to translate."""
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    draft.dek_en = ""
    draft.body_en = list(draft.body_en.raw_data)[1:]
    draft.save_revision()
    assert [entry.msgid for entry in exported([long_article], include_all=True)] == [
        "Water for sale",
        "Prices rose.",
        "Nobody {1}answers{/1}.",
    ]


def test_a_missing_text_the_memory_knows_goes_out_suggested_and_one_it_does_not_goes_out_empty(untranslated_article):
    memory.remember("en", "es", "<p>Trucks wait all night.</p>", "<p>Los camiones esperan toda la noche.</p>")
    entries = {entry.msgid: entry for entry in exported([untranslated_article])}
    suggested, blank = entries["Trucks wait all night."], entries["Night shift at the bridge"]
    assert (suggested.msgstr, suggested.flags) == ("Los camiones esperan toda la noche.", ["fuzzy"])
    assert (blank.msgstr, blank.flags) == ("", [])


def test_an_export_of_everything_gives_the_old_original_only_where_its_words_changed(long_article):
    """Draftail respelling the markup or spacing is no change to show the translator; new words are."""
    edit(long_article, "en", 0, '<p data-block-key="k1">The wells are <b>private</b>.</p>')
    actions.mark_up_to_date(long_article, "es")  # confirmed as Draftail first saved it
    respelled = '<p data-block-key="k9">The wells are <strong>private</strong>.</p>'
    edit(long_article, "en", 0, respelled, dek_en="A market  grows. ")
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    entries = {entry.msgid: entry for entry in exported([long_article], include_all=True)}
    changed = entries.pop("Prices doubled.")
    assert (changed.previous_msgid, changed.msgstr, changed.flags) == (
        "Prices rose.",
        "Los precios subieron.",
        ["fuzzy"],
    )
    assert sorted(entries) == [
        "A market  grows. ",
        "Nobody {1}answers{/1}.",
        "The wells are {1}private{/1}.",
        "Water for sale",
    ]
    assert [
        (entry.msgid, entry.previous_msgid, entry.flags)
        for entry in entries.values()
        if entry.previous_msgid or entry.flags
    ] == []


def test_a_translated_text_keeps_its_own_translation_though_the_memory_knows_another(long_article):
    """The memory's suggestion fills only the empty copy of a repeated paragraph."""
    memory.remember("en", "es", "<p>Prices rose.</p>", "<p>Subieron los precios.</p>")
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    repeated = {"type": "paragraph", "value": "<p>Prices rose.</p>", "id": str(uuid.uuid4())}
    draft.body_en = [*draft.body_en.raw_data, repeated]
    draft.save_revision()
    entries = [
        (entry.msgstr, entry.flags)
        for entry in exported([long_article], include_all=True)
        if entry.msgid == "Prices rose."
    ]
    assert entries == [("Los precios subieron.", []), ("Subieron los precios.", ["fuzzy"])]


def test_the_memory_knows_a_paragraph_whatever_markup_spelling_draftail_gave_it(untranslated_article):
    """Learned with one page's block keys and <b>, offered for another page's keys and <strong>."""
    memory.remember(
        "en",
        "es",
        '<p data-block-key="a1b2c">Trucks wait <b>all</b> night.</p>',
        '<p data-block-key="a1b2c">Los camiones esperan <b>toda</b> la noche.</p>',
        "html",
    )
    edit(untranslated_article, "en", 0, '<p data-block-key="zz9y8">Trucks wait <strong>all</strong> night.</p>')
    entries = {entry.msgid: entry for entry in exported([untranslated_article])}
    suggested = entries["Trucks wait {1}all{/1} night."]
    assert (suggested.msgstr, suggested.flags) == ("Los camiones esperan {1}toda{/1} la noche.", ["fuzzy"])


def test_each_entry_names_its_block_by_type_and_place_among_blocks_of_its_type(long_article):
    """What the translator reads as "Field:" above each text, in the page's reading order."""
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    heading = {"type": "heading", "value": "The market", "id": str(uuid.uuid4())}
    body = list(draft.body_en.raw_data)
    draft.body_en = [*body[:2], heading, body[2]]
    for field in ("credit_line", "hero_alt", "hero_caption", "hero_credit"):
        setattr(draft, f"{field}_en", f"The {field}")
    draft.save_revision()
    fields = [
        line.removeprefix("Field: ")
        for entry in exported([long_article], include_all=True)
        for line in entry.comment.splitlines()
        if line.startswith("Field: ")
    ]
    assert fields == [
        "title",
        "dek",
        "credit line",
        "hero alt",
        "hero caption",
        "hero credit",
        "body / paragraph 1",
        "body / paragraph 2",
        "body / heading 1",
        "body / paragraph 3",
    ]


def test_a_rich_text_field_of_a_page_travels_as_words_and_placeholders(blog_index):
    """The stories page's introduction is rich text like an article's paragraphs: no tags for the translator."""
    edit(blog_index, intro_en='<p>Reporting from <a href="https://frontera.invalid/about">the border</a>.</p>')
    entries = list(exported([blog_index], include_all=True))
    assert [entry.comment.splitlines()[1] for entry in entries] == ["Field: title", "Field: intro"]  # title first
    entry = entries[1]
    assert entry.msgid == "Reporting from {1}the border{/1}."
    assert 'Markup: {1} = <a href="https://frontera.invalid/about">, {/1} = </a>' in entry.comment
