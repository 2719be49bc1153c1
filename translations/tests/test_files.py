"""PO and XLIFF round trips: missing or stale segments out, reviewed translations back in."""

import re

import polib
import pytest
from defusedxml.ElementTree import fromstring
from wagtail.models import Page, PageLogEntry

from conftest import make_article
from translations import files
from translations.models import Status
from translations.segments import segment_label
from translations.status import page_status

from .conftest import edit

NS = {"x": files.XLIFF_NS}


@pytest.fixture
def stale_article(long_article):
    return edit(long_article, "en", 1, '<p>Prices <a href="https://x.invalid/p">doubled</a>.</p>')


def export_po(page, **kwargs):
    content, extension, _count = files.export(Page.objects.filter(pk=page.pk).specific(), files.PO, **kwargs)
    assert extension == "po"
    return polib.pofile(content.decode())


def test_po_export_holds_only_the_stale_segment_with_context(stale_article):
    po = export_po(stale_article)
    assert len(po) == 1
    entry = po[0]
    # Markup travels as numbered placeholders, explained in a comment.
    assert entry.msgid == "Prices {1}doubled{/1}."
    assert 'Markup: {1} = <a href="https://x.invalid/p">, {/1} = </a>' in entry.comment
    assert entry.msgstr == "Los precios subieron."
    assert entry.msgctxt.startswith(f"{stale_article.pk}:body:")
    assert "fuzzy" in entry.flags
    assert entry.previous_msgid == "Prices rose."
    assert po.metadata["Language"] == "es"


def test_po_header_names_the_project_languages_and_translator(stale_article, django_user_model):
    """What Poedit and msgmerge read from the header; dates as gettext writes them, "YYYY-MM-DD HH:MM+ZZZZ"."""
    metadata = export_po(stale_article).metadata
    for header in ("POT-Creation-Date", "PO-Revision-Date"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}[+-]\d{4}", metadata.pop(header)), header
    assert metadata == {
        "Project-Id-Version": "Frontera",
        "Last-Translator": "Frontera",
        "Language-Team": "Spanish",
        "Language": "es",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "en",
        "X-Generator": "Frontera translations",
    }
    translator = django_user_model.objects.create_user("lucia", first_name="Lucía", last_name="Ortega")
    assert export_po(stale_article, user=translator).metadata["Last-Translator"] == "Lucía Ortega"


def test_an_export_of_everything_marks_what_is_translated_and_keeps_its_markup(long_article):
    """Up-to-date segments go out translated, with their markup as codes; only marked-up ones say so in PO."""
    root = fromstring(export_xliff(long_article, include_all=True))
    units = {unit.get("id"): unit for unit in root.findall(".//x:unit", NS)}
    assert {unit.find("x:segment", NS).get("state") for unit in units.values()} == {"translated"}
    answers = next(
        unit for unit in units.values() if "answers" in "".join(unit.find("x:segment/x:source", NS).itertext())
    )
    target = answers.find("x:segment/x:target", NS)
    assert (target.text, target.find("x:pc", NS).text) == ("Nadie ", "responde")
    comments = {entry.msgid: entry.comment for entry in export_po(long_article, include_all=True)}
    assert "Markup:" not in comments["A market grows."]
    assert "Markup:" in comments["Nobody {1}answers{/1}."]


def test_po_export_all_holds_every_segment(stale_article):
    po = export_po(stale_article, include_all=True)
    assert {entry.msgctxt.split(":")[1] for entry in po} == {"title", "dek", "body"}
    # Only the stale paragraph asks for review; up-to-date text goes out as done.
    assert sorted(entry.msgid for entry in po if "fuzzy" in entry.flags) == ["Prices {1}doubled{/1}."]


def test_a_translation_whose_markup_differs_goes_out_as_its_words_for_review(long_article):
    """The Spanish has a link the English lacks: the translator gets the words, to mark up again."""
    page = edit(long_article, "es", 1, '<p>Los <a href="https://x.invalid/p">precios</a> subieron.</p>')
    (entry,) = [entry for entry in export_po(page, include_all=True) if entry.msgid == "Prices rose."]
    assert entry.msgstr == "Los precios subieron." and "fuzzy" in entry.flags


def test_exporting_nothing_says_so():
    with pytest.raises(files.FileError, match=r"^None of the chosen pages has text to translate\.$"):
        files.export(Page.objects.none(), files.PO)


def test_po_round_trip_writes_a_draft_with_markup_intact(stale_article):
    po = export_po(stale_article)
    po[0].msgstr = "Los precios se {1}duplicaron{/1}."
    po[0].flags.remove("fuzzy")
    revisions_before = stale_article.revisions.count()
    result = files.import_file(str(po).encode(), "page.po")
    assert result.ok and len(result.applied) == 1
    page = Page.objects.get(pk=stale_article.pk).specific
    assert page.revisions.count() == revisions_before + 1
    draft = page.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == '<p>Los precios se <a href="https://x.invalid/p">duplicaron</a>.</p>'
    # A draft: the live Spanish text is unchanged until someone publishes.
    assert page.body_es.raw_data[1]["value"] == "<p>Los precios subieron.</p>"
    assert page_status(page, "es").status == Status.UP_TO_DATE


def test_an_import_is_in_the_pages_history_under_the_importer(stale_article, django_user_model):
    translator = django_user_model.objects.create_user("importadora", "i@frontera.invalid", "pw")
    po = export_po(stale_article)
    po[0].msgstr = "Los precios se {1}duplicaron{/1}."
    po[0].flags.remove("fuzzy")
    files.import_file(str(po).encode(), "page.po", user=translator)
    entry = PageLogEntry.objects.filter(page=stale_article, action="wagtail.edit").latest("timestamp")
    assert entry.user == translator and entry.revision == Page.objects.get(pk=stale_article.pk).get_latest_revision()


def test_po_import_after_the_source_changed_reports_conflicts_and_applies_nothing(stale_article):
    po = export_po(stale_article, include_all=True)
    for entry in po:
        entry.msgstr = entry.msgstr or "x"
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po_body = next(entry for entry in po if "doubled" in entry.msgid)
    po_body.msgstr = "Los precios se {1}duplicaron{/1}."
    edit(stale_article, "en", 1, "<p>Prices tripled.</p>")
    revisions_before = stale_article.revisions.count()
    result = files.import_file(str(po).encode(), "page.po")
    assert not result.ok
    assert result.conflicts == [
        (stale_article.pk, po_body.msgctxt.split(":", 1)[1], "The source text changed since the export.")
    ]
    assert result.applied == []
    assert stale_article.revisions.count() == revisions_before


def test_partial_import_applies_what_still_matches(stale_article):
    po = export_po(stale_article, include_all=True)
    title = next(entry for entry in po if entry.msgctxt.endswith(":title"))
    title.msgstr = "Agua a la venta"
    for entry in po:
        entry.flags = []
    edit(stale_article, "en", 1, "<p>Prices tripled.</p>")
    result = files.import_file(str(po).encode(), "page.po", partial=True)
    assert (stale_article.pk, "title") in result.applied
    assert result.conflicts
    assert Page.objects.get(pk=stale_article.pk).specific.get_latest_revision_as_object().title_es == "Agua a la venta"
    # The paragraph in conflict was not confirmed along with what was applied.
    assert [segment.key for segment in page_status(stale_article, "es").changed_segments()] == [
        key for _page, key, _reason in result.conflicts
    ]


def test_a_dry_run_reports_what_would_be_applied_and_writes_nothing(stale_article):
    po = export_po(stale_article)
    po[0].msgstr = "Los precios se {1}duplicaron{/1}."
    po[0].flags = []
    revisions = stale_article.revisions.count()
    result = files.import_file(str(po).encode(), "page.po", dry_run=True)
    assert result.ok and result.applied == [(stale_article.pk, po[0].msgctxt.split(":", 1)[1])]
    assert stale_article.revisions.count() == revisions
    assert page_status(stale_article, "es").status == Status.STALE


def test_an_xliff_1_file_is_refused_with_a_clear_message():
    xliff_1 = b"""<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="page:1" source-language="en"
 target-language="es" datatype="plaintext"><body/></file></xliff>"""
    with pytest.raises(files.FileError, match=r"^Only XLIFF 2 files are supported\.$"):
        files.import_file(xliff_1, "old.xlf")


@pytest.mark.parametrize("context", [None, "", "body:1", f"{42}", f"{42}:", ":body:1", "blog.author:bio"])
def test_a_po_entry_without_a_page_and_field_is_refused(stale_article, context):
    po = export_po(stale_article)
    po[0].msgctxt = context.replace("42", str(stale_article.pk)) if context else context
    with pytest.raises(
        files.FileError, match=r"^An entry has no page and field context; was this file exported here\?$"
    ):
        files.import_file(str(po).encode(), "page.po")


def test_import_refuses_changed_markup(stale_article):
    po = export_po(stale_article)
    po[0].msgstr = "Los precios se duplicaron."  # the link's placeholders left out
    po[0].flags = []
    result = files.import_file(str(po).encode(), "page.po")
    assert result.errors and not result.applied
    assert "{1}" in result.errors[0][2]


def test_fuzzy_entries_are_not_applied(stale_article):
    po = export_po(stale_article)
    po[0].msgstr = "Los precios se {1}duplicaron{/1}."
    result = files.import_file(str(po).encode(), "page.po")
    assert result.applied == []
    assert result.skipped == [(stale_article.pk, po[0].msgctxt.split(":", 1)[1], "not translated or marked for review")]


def export_xliff(page, **kwargs):
    content, extension, _count = files.export(Page.objects.filter(pk=page.pk).specific(), files.XLIFF, **kwargs)
    assert extension == "xlf"
    return content


def test_xliff_export_is_xliff_2_with_the_stale_unit(stale_article):
    root = fromstring(export_xliff(stale_article))
    assert root.get("version") == "2.0" and root.get("srcLang") == "en" and root.get("trgLang") == "es"
    units = root.findall(".//x:unit", NS)
    assert len(units) == 1
    source = units[0].find("x:segment/x:source", NS)
    assert source.text == "Prices "
    assert source.find("x:pc", NS).text == "doubled" and source.find("x:pc", NS).get("id") == "1"
    data = {item.get("id"): item.text for item in units[0].findall("x:originalData/x:data", NS)}
    assert data == {"d1": '<a href="https://x.invalid/p">', "d1e": "</a>"}
    assert units[0].find("x:segment", NS).get("state") == "initial"
    # The translator's tool shows why the unit is there and what the source said before.
    notes = {note.get("category"): note.text for note in units[0].findall("x:notes/x:note", NS)}
    assert notes == {"status": "stale", "previous-source": "Prices rose."}
    # And, once for the file, which page it is.
    (file_element,) = root.findall("x:file", NS)
    assert [(note.get("category"), note.text) for note in file_element.findall("x:notes/x:note", NS)] == [
        ("title", stale_article.title_en)
    ]


XLIFF_TRANSLATION = '<target>Los precios se <pc id="1" dataRefStart="d1" dataRefEnd="d1e">duplicaron</pc>.</target>'


def translate_xliff(content, new_target):
    text = content.decode()
    old = "<target>Los precios subieron.</target>"
    assert old in text
    text = text.replace(old, new_target).replace('state="initial"', 'state="translated"')
    return text.encode()


def test_xliff_round_trip_writes_a_draft_with_markup_intact(stale_article):
    translated = translate_xliff(
        export_xliff(stale_article),
        XLIFF_TRANSLATION,
    )
    result = files.import_file(translated, "page.xlf")
    assert result.ok and len(result.applied) == 1
    assert result.skipped == [] and result.confirmed == [] and result.conflicts == []  # one unit, read once
    draft = Page.objects.get(pk=stale_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == '<p>Los precios se <a href="https://x.invalid/p">duplicaron</a>.</p>'
    assert page_status(stale_article, "es").status == Status.UP_TO_DATE


def test_an_xliff_unit_split_into_sentences_by_a_translation_tool_is_applied_whole(long_article):
    """One segment per sentence and the space between them ignorable, as a CAT tool's sentence splitting leaves them."""
    edit(long_article, "en", 1, "<p>Prices doubled. Nobody answers.</p>")
    content = export_xliff(long_article).decode()
    start, end = content.index("<segment"), content.index("</segment>") + len("</segment>")
    assert "<source>Prices doubled. Nobody answers.</source>" in content[start:end]
    split = (
        '<segment state="translated"><source>Prices doubled.</source><target>Los precios se duplicaron.</target>'
        "</segment><ignorable><source> </source><target> (not translatable) </target></ignorable>"
        '<segment state="reviewed"><source>Nobody answers.</source><target>Nadie contesta.</target></segment>'
    )
    result = files.import_file((content[:start] + split + content[end:]).encode(), "page.xlf")
    assert result.ok and len(result.applied) == 1, (result.conflicts, result.errors)
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios se duplicaron. Nadie contesta.</p>"


@pytest.mark.parametrize(
    ("parts", "why"),
    [
        (
            '<segment state="translated"><source>Prices doubled.</source><target>Se duplicaron.</target></segment>'
            "<ignorable><source> </source></ignorable>"
            '<segment state="translated"><source>Nobody answers.</source></segment>',
            "a segment without its target",
        ),
        (
            "<ignorable><source>Prices doubled. Nobody answers.</source>"
            "<target>Se duplicaron. Nadie contesta.</target></ignorable>",
            "no segment at all",
        ),
        (
            '<segment state="translated"><source>Prices doubled.</source><target>Se duplicaron.</target></segment>'
            "<ignorable><source> </source><target> y algo más </target></ignorable>"
            '<segment state="initial"><source>Nobody answers.</source><target>Nadie.</target></segment>',
            "a segment not translated yet",
        ),
    ],
)
def test_a_split_xliff_unit_is_applied_only_whole_and_translated(long_article, parts, why):
    edit(long_article, "en", 1, "<p>Prices doubled. Nobody answers.</p>")
    content = export_xliff(long_article).decode()
    start, end = content.index("<segment"), content.index("</segment>") + len("</segment>")
    result = files.import_file((content[:start] + parts + content[end:]).encode(), "page.xlf")
    assert result.applied == [], why
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios subieron.</p>"


@pytest.mark.parametrize(
    ("state", "applied"), [("translated", 1), ("reviewed", 1), ("final", 1), ("initial", 0), (None, 0)]
)
def test_an_xliff_unit_is_applied_in_a_translated_reviewed_or_final_state_only(stale_article, state, applied):
    content = translate_xliff(export_xliff(stale_article), XLIFF_TRANSLATION).decode()
    assert content.count('state="translated"') == 1
    content = content.replace('state="translated"', f'state="{state}"' if state else "")
    result = files.import_file(content.encode(), "page.xlf")
    assert len(result.applied) == applied


def test_xliff_import_after_the_source_changed_applies_nothing(stale_article):
    translated = translate_xliff(
        export_xliff(stale_article),
        XLIFF_TRANSLATION,
    )
    edit(stale_article, "en", 1, "<p>Prices tripled.</p>")
    result = files.import_file(translated, "page.xlf")
    assert len(result.conflicts) == 1 and result.applied == []
    draft = Page.objects.get(pk=stale_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios subieron.</p>"


def test_missing_translation_exports_and_imports_into_new_blocks(untranslated_article):
    po = export_po(untranslated_article)
    assert {entry.msgctxt.split(":")[1] for entry in po} == {"title", "body"}
    for entry in po:
        entry.msgstr = "Turno de noche" if entry.msgctxt.endswith(":title") else "Los camiones esperan."
    result = files.import_file(str(po).encode(), "page.po")
    assert result.ok
    draft = Page.objects.get(pk=untranslated_article.pk).specific.get_latest_revision_as_object()
    assert draft.title_es == "Turno de noche"
    assert draft.body_es.raw_data[0]["id"] == draft.body_en.raw_data[0]["id"]
    assert page_status(untranslated_article, "es").status == Status.UP_TO_DATE


def test_hostile_xml_is_refused(stale_article):
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>'
    with pytest.raises(files.FileError):
        files.import_file(bomb, "bomb.xlf")


def test_external_links_may_be_localised_internal_links_may_not(db):
    from translations.diff import markup_matches

    source = '<p data-block-key="a1">See <a href="https://x.invalid/salitre-methodology">how</a>.</p>'
    assert markup_matches(source, '<p>Mira <a href="https://x.invalid/metodologia-salitre">cómo</a>.</p>')
    assert not markup_matches(source, "<p>Mira cómo.</p>")
    internal = '<p>See <a linktype="page" id="7">how</a>.</p>'
    assert markup_matches(internal, '<p data-block-key="zz">Mira <a id="7" linktype="page">cómo</a>.</p>')
    assert not markup_matches(internal, '<p>Mira <a linktype="page" id="8">cómo</a>.</p>')


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java&#9;script:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"],
)
def test_a_localised_link_may_not_become_a_script(href):
    from translations.diff import markup_matches

    source = '<p>See <a href="https://x.invalid/report">how</a>.</p>'
    assert not markup_matches(source, f'<p>Mira <a href="{href}">cómo</a>.</p>')
    for address in ("https://x.invalid/informe", "/es/informe", "informe.html?a=b:c", "mailto:a@x.invalid"):
        assert markup_matches(source, f'<p>Mira <a href="{address}">cómo</a>.</p>')


@pytest.mark.parametrize(
    "hidden",
    [
        "<![CDATA[><img src=x onerror=alert(1)>]]>",
        '<!--><meta http-equiv="refresh" content="0;url=/x">-->',
        "<!---><img src=x>-->",
        "<!--x--!><img src=x>-->",
        "<?php ><img src=x> ?>",
        "<!doctype html>",
    ],
)
def test_markup_hidden_in_a_comment_or_declaration_is_refused(hidden):
    """Parsers disagree on where these end: what this check reads as a comment, a browser may read as tags."""
    from translations.diff import markup_matches

    source = '<p>See <a href="https://x.invalid/report">how</a>.</p>'
    assert not markup_matches(source, f'<p>Mira <a href="https://x.invalid/informe">cómo</a>.{hidden}</p>')


def test_po_comments_name_each_field_of_a_quotation_block(long_article):
    """A translator reads which part of which block a segment is, never a block's internal id."""
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    body = list(draft.body_en.raw_data)
    body.append({"type": "quote", "value": {"text": "The canal is dry.", "attribution": "A farmer"}})
    draft.body_en = body
    draft.save_revision()
    fields = {entry.msgid: entry.comment.splitlines()[1] for entry in export_po(long_article)}
    assert fields == {
        "The canal is dry.": "Field: body / quote 1 / text",
        "A farmer": "Field: body / quote 1 / attribution",
    }


def test_segment_labels_leave_out_list_item_ids():
    """Items of a list block are keyed by ids; a label names the block and the part, not the id."""
    item_id = "1f0e9d8c-7b6a-4954-8392-a1b0c9d8e7f6"
    assert segment_label("body", "facts", (item_id, "text"), 2) == "body / facts 2 / text"
    assert segment_label("hero_alt") == "hero alt"
    assert segment_label("body", "pull_quote", ("source_note",), 1) == "body / pull quote 1 / source note"
    assert segment_label("dek") == "dek"
    assert segment_label("body", "pull_quote", ("not-an-id-1f0e9d8c",), 1) == "body / pull quote 1 / not-an-id-1f0e9d8c"


def test_xliff_target_opening_with_nested_codes_and_a_line_break_imports_as_html(long_article):
    """A target may start with an inline code, nest codes and hold void ones; all come back as markup."""
    page = edit(
        long_article,
        "en",
        1,
        '<p><b>Prices <i>rose</i></b> and <a href="https://x.invalid/p">doubled</a>.<br/>Again.</p>',
    )
    target = (
        '<target><pc id="1" dataRefStart="d1" dataRefEnd="d1e">Los precios '
        '<pc id="2" dataRefStart="d2" dataRefEnd="d2e">subieron</pc></pc> y se '
        '<pc id="3" dataRefStart="d3" dataRefEnd="d3e">duplicaron</pc>.<ph id="4" dataRef="d4"/>Otra vez.</target>'
    )
    result = files.import_file(translate_xliff(export_xliff(page), target), "page.xlf")
    assert result.ok and len(result.applied) == 1
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == (
        '<p><b>Los precios <i>subieron</i></b> y se <a href="https://x.invalid/p">duplicaron</a>.<br/>Otra vez.</p>'
    )


def test_a_translation_tools_annotations_are_read_as_their_text(stale_article):
    """CAT tools mark terms and leave comments with mrk, inside and outside the page's own codes."""
    target = (
        '<target><mrk id="m1" type="comment" value="revisar cifra">Los precios se '
        '<pc id="1" dataRefStart="d1" dataRefEnd="d1e"><mrk id="m2" type="term">duplicaron</mrk></pc></mrk>.</target>'
    )
    result = files.import_file(translate_xliff(export_xliff(stale_article), target), "page.xlf")
    assert result.ok and len(result.applied) == 1, (result.conflicts, result.errors)
    draft = Page.objects.get(pk=stale_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == '<p>Los precios se <a href="https://x.invalid/p">duplicaron</a>.</p>'


@pytest.mark.parametrize(
    "original",
    [
        "",
        "snippet:",
        "snippet:blog.author",
        "page:",
        "page:blog.author.1",
        "post:1",
        "page:²",  # a digit to str.isdigit, refused by int()
        "page:٦",  # an Arabic-Indic six, which int() reads as 6
        "snippet:blog.author.²",
        "page:99999999999999999999999",  # past any database integer
    ],
)
def test_an_xliff_file_element_that_names_no_page_or_snippet_is_refused(stale_article, original):
    content = export_xliff(stale_article).decode()
    named = f'original="page:{stale_article.pk}"'
    assert named in content
    content = content.replace(named, f'original="{original}"' if original else "")
    with pytest.raises(files.FileError, match=r"^A file element does not name a page; was this file exported here\?$"):
        files.import_file(content.encode(), "page.xlf")


def test_xliff_nested_past_the_parsers_depth_is_refused_as_damaged(stale_article):
    revisions = stale_article.revisions.count()
    target = "<target>" + '<mrk id="m" type="term">' * 300 + "Los precios" + "</mrk>" * 300 + "</target>"
    with pytest.raises(files.FileError, match=r"The file is damaged and nothing was imported\..*not well-formed"):
        files.import_file(translate_xliff(export_xliff(stale_article), target), "page.xlf")
    assert stale_article.revisions.count() == revisions


def test_xliff_inline_code_without_an_id_is_refused_before_anything_is_read(stale_article):
    """The XLIFF 2.0 schema requires an id on every inline code, so the import never meets one without."""
    revisions = stale_article.revisions.count()
    target = '<target>Los precios se <pc dataRefStart="d1" dataRefEnd="d1e">duplicaron</pc>.</target>'
    with pytest.raises(files.FileError, match=r"The file is damaged and nothing was imported\..*'id' is required"):
        files.import_file(translate_xliff(export_xliff(stale_article), target), "page.xlf")
    assert stale_article.revisions.count() == revisions


def test_text_is_written_into_a_list_blocks_item_by_its_id():
    """List items are keyed by their ids in segment keys; the text lands in that item only."""
    from wagtail import blocks

    from translations.segments import _set_path

    facts = blocks.ListBlock(blocks.StructBlock([("text", blocks.CharBlock())]))
    items = [
        {"type": "item", "value": {"text": "One"}, "id": "a1"},
        {"type": "item", "value": {"text": "Two"}, "id": "b2"},
    ]
    written = _set_path(facts, items, ["b2", "text"], "Dos")
    assert [item["value"]["text"] for item in written] == ["One", "Dos"]


def test_a_plain_title_that_looks_like_markup_goes_out_as_it_was_written(blog_index, author):
    """The previous source of a stale plain-text field is the text itself, never read as HTML."""
    article = make_article(
        blog_index,
        en={"title": "The <blink> years", "slug": "blink", "body": ["Pages flashed."]},
        es={"title": "Los años <blink>", "slug": "blink", "body": ["Las páginas parpadeaban."]},
        authors=[author],
    )
    edit(article, title_en="The <marquee> years")
    (entry,) = [entry for entry in export_po(article) if entry.msgctxt.endswith(":title")]
    assert entry.msgid == "The <marquee> years"
    assert entry.previous_msgid == "The <blink> years"
