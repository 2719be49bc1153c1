"""Each check an import makes on an entry, with its message; the entries after a refused one are still read.

A translator's file is read entry by entry: a refused entry is reported on
its own, and when the import is partial the entries after it still go in.
Files from before placeholders carry the rich text's HTML as it was stored
then; Draftail has rewritten block keys and tag names since, which is no
change to the text.
"""

import uuid

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from translations import files
from translations.models import Status, TranslationState
from translations.richtext import canonical_html
from translations.status import SEGMENT_STALE, SEGMENT_UP_TO_DATE, page_status

from .conftest import edit

PLACEHOLDER_MESSAGE = "Use each placeholder of the source once, opened and closed in order: "


def exported(page):
    """Everything the page has to translate, as a PO file with the current translations filled in."""
    content, _extension, _count = files.export(Page.objects.filter(pk=page.pk).specific(), files.PO, include_all=True)
    return polib.pofile(content.decode())


def import_only(po, *entries, **options):
    """``po`` imported holding ``entries`` alone, in the order given (a translator's tool may save any order)."""
    po[:] = entries
    return files.import_file(str(po).encode(), "page.po", **options)


def from_before_placeholders(page, words, source_html, translation_html):
    """The entry for ``words`` as a file exported before placeholders carries it: the HTML itself."""
    entry = entry_for(exported(page), words)
    entry.msgid, entry.msgstr = source_html, translation_html
    return entry


def entry_for(po, words):
    return next(entry for entry in po if words in entry.msgid)


def key_of(entry):
    return entry.msgctxt.split(":", 1)[1]


def spanish_body(page):
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    return [canonical_html(block["value"]) for block in draft.body_es.raw_data]


def test_a_plain_text_changed_since_the_export_is_a_conflict_and_the_entries_after_it_still_apply(long_article):
    po = exported(long_article)
    dek, prices = entry_for(po, "A market grows."), entry_for(po, "Prices rose.")
    prices.msgstr = "Los precios se duplicaron."
    edit(long_article, dek_en="A market shrinks.")
    result = import_only(po, dek, prices, partial=True)
    assert result.conflicts == [(long_article.pk, "dek", "The source text changed since the export.")]
    assert result.applied == [(long_article.pk, key_of(prices))]


def test_a_misused_placeholder_is_named_and_the_entries_after_it_still_apply(long_article):
    po = exported(long_article)
    wells, prices = entry_for(po, "The wells are"), entry_for(po, "Prices rose.")
    wells.msgstr = "Los pozos son {1}privados."
    prices.msgstr = "Los precios se duplicaron."
    result = import_only(po, wells, prices, partial=True)
    # The message names the placeholder the translation left unclosed.
    assert result.errors == [(long_article.pk, key_of(wells), PLACEHOLDER_MESSAGE + "{/1}")]
    assert result.applied == [(long_article.pk, key_of(prices))]


def test_a_file_from_before_placeholders_applies_though_draftail_has_respelled_the_markup(long_article):
    edit(long_article, "en", 0, '<p data-block-key="n3w">The wells are <b>private</b>.</p>')
    wells = from_before_placeholders(
        long_article,
        "The wells are",
        '<p data-block-key="0ld">The wells are <strong>private</strong>.</p>',
        '<p data-block-key="0ld">Los pozos son <strong>ajenos</strong>.</p>',
    )
    result = import_only(exported(long_article), wells)
    assert result.ok and result.applied == [(long_article.pk, key_of(wells))]
    assert spanish_body(long_article)[0] == "<p>Los pozos son <b>ajenos</b>.</p>"


def test_a_file_from_before_placeholders_may_not_change_the_links_and_the_entries_after_it_still_apply(long_article):
    po = exported(long_article)
    answers, prices = entry_for(po, "answers"), entry_for(po, "Prices rose.")
    answers.msgid = '<p>Nobody <a href="https://x.invalid">answers</a>.</p>'
    answers.msgstr = "<p>Nadie contesta.</p>"
    prices.msgstr = "Los precios se duplicaron."
    result = import_only(po, answers, prices, partial=True)
    assert result.errors == [(long_article.pk, key_of(answers), "The translation changes the markup or links.")]
    assert result.applied == [(long_article.pk, key_of(prices))]
    assert spanish_body(long_article)[2] == '<p>Nadie <a href="https://x.invalid">responde</a>.</p>'


def test_the_translation_the_page_already_has_is_confirmed_without_a_new_revision(long_article):
    """Draftail has respelled the stored Spanish, the file spells it its own way: the same text, not an edit."""
    edit(long_article, "es", 0, '<p data-block-key="es1">Los pozos son <b>privados</b>.</p>')
    wells = from_before_placeholders(
        long_article,
        "The wells are",
        "<p>The wells are <b>private</b>.</p>",
        "<p>Los pozos son <strong>privados</strong>.</p>",
    )
    revisions = long_article.revisions.count()
    result = import_only(exported(long_article), wells)
    assert (result.applied, result.confirmed) == ([], [(long_article.pk, key_of(wells))])
    assert long_article.revisions.count() == revisions


def test_a_translation_goes_into_the_block_paired_with_its_original_at_the_last_confirmation(long_article):
    """A paragraph the English gained at the top gets a Spanish block of its own; the paragraphs below keep theirs.

    The Spanish blocks have ids of their own, so only the recorded pairs say
    which English paragraph each translates; by position alone, the new
    paragraph's translation would overwrite the first Spanish one.
    """
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    added = {"type": "paragraph", "value": "<p>A drought began.</p>", "id": str(uuid.uuid4())}
    draft.body_en = [added, *draft.body_en.raw_data]
    draft.save_revision()
    po = exported(long_article)
    drought = entry_for(po, "A drought began.")
    drought.msgstr = "Empezó una sequía."
    result = import_only(po, drought)
    assert result.ok and result.applied == [(long_article.pk, key_of(drought))]
    assert spanish_body(long_article) == [
        "<p>Empezó una sequía.</p>",
        "<p>Los pozos son <b>privados</b>.</p>",
        "<p>Los precios subieron.</p>",
        '<p>Nadie <a href="https://x.invalid">responde</a>.</p>',
    ]


def stale_prices(page):
    """The English second paragraph rewritten since the Spanish was confirmed; its PO entry, fuzzy flag removed."""
    edit(page, "en", 1, "<p>Prices doubled.</p>")
    prices = entry_for(exported(page), "Prices doubled.")
    prices.flags = []
    return prices


def segment_statuses(page):
    return {segment.key: segment.status for segment in page_status(page, "es").segments}


def test_an_applied_import_is_confirmed_under_the_importer_with_the_revision_it_saved(long_article, admin_user):
    prices = stale_prices(long_article)
    prices.msgstr = "Los precios se duplicaron."
    result = import_only(exported(long_article), prices, user=admin_user)
    assert result.revisions == [Page.objects.get(pk=long_article.pk).get_latest_revision()]
    state = TranslationState.objects.get(page_id=long_article.pk, language="es")
    assert (state.confirmed_by, state.source_revision) == (admin_user, result.revisions[0])
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_a_translation_kept_as_it_was_confirms_that_entry_alone_under_the_importer(long_article, admin_user):
    """The English changed a little and the Spanish still holds: no new revision, and only that entry is confirmed."""
    prices = stale_prices(long_article)
    prices.msgstr = "Los precios subieron."
    edit(long_article, title_en="Water for sale, by the truckload")
    revisions = long_article.revisions.count()
    result = import_only(exported(long_article), prices, user=admin_user)
    assert (result.applied, result.confirmed) == ([], [(long_article.pk, key_of(prices))])
    assert long_article.revisions.count() == revisions
    statuses = segment_statuses(long_article)
    assert (statuses[key_of(prices)], statuses["title"]) == (SEGMENT_UP_TO_DATE, SEGMENT_STALE)
    assert TranslationState.objects.get(page_id=long_article.pk, language="es").confirmed_by == admin_user


def test_a_partial_import_that_applied_something_says_so_in_the_admin(admin_client, long_article):
    """One entry refused, one applied: the translator is told the rest went in as a draft, not that nothing did."""
    po = exported(long_article)
    wells, prices = entry_for(po, "The wells are"), entry_for(po, "Prices rose.")
    wells.msgstr = "Los pozos son {1}privados."
    prices.msgstr = "Los precios se duplicaron."
    po[:] = [wells, prices]
    upload = SimpleUploadedFile("page.po", str(po).encode())
    response = admin_client.post(reverse("translations_admin:import"), {"file": upload, "partial": "on"})
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == ["Translations imported as draft revisions."]
