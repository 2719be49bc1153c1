"""Translation status at its edges: who sees which pages, recorded block pairs, query counts.

Written against the mutants ``make mutate MODULES=translations.status`` left
alive; each test states the behaviour a mutant broke.
"""

import uuid

import pytest
from django.urls import reverse
from wagtail.models import Page

from conftest import listing_rows, make_article
from translations.actions import mark_up_to_date
from translations.models import Status, TranslationState
from translations.segments import PageText, stream_raw
from translations.status import (
    SEGMENT_MACHINE,
    SEGMENT_NEW,
    SEGMENT_REMOVED,
    SEGMENT_STALE,
    SEGMENT_UP_TO_DATE,
    derive,
    language_name,
    page_status,
)
from translations.tasks import machine_draft

from .conftest import edit

pytestmark = pytest.mark.django_db


def test_a_translator_lists_the_pages_they_may_edit_and_no_others(stories_translator, translated_article):
    response = stories_translator.get(reverse("translations_admin:report"))
    assert response.status_code == 200
    rows = listing_rows(response.content.decode())
    titles = {row[0] for row in rows}
    assert "The dry canal" in titles and "Stories" in titles
    assert {row[0]: row[1] for row in rows}["The dry canal"] == "article"  # the type column
    assert "Frontera" not in titles  # the home page, above their section


def test_working_out_one_pages_status_takes_a_fixed_number_of_queries(long_article, django_assert_num_queries):
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    page = Page.objects.get(pk=long_article.pk)
    # The page's states, its latest revision pointer, the revision, the specific page.
    with django_assert_num_queries(4):
        page_status(page, "es")


def quoted(article, settings):
    """A quotation added at the end in both languages, the Spanish one with its attribution still empty.

    The two blocks have ids of their own, paired when the translator's save
    is confirmed. The dummy machine backend is configured to fill the gap.
    """
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    quote = {"text": "The canal is dry.", "attribution": "A farmer"}
    spanish_quote = {"text": "El canal está seco.", "attribution": ""}
    draft = Page.objects.get(pk=article.pk).specific.get_latest_revision_as_object()
    draft.body_en = [*draft.body_en.raw_data, {"type": "quote", "value": quote, "id": str(uuid.uuid4())}]
    draft.body_es = [*draft.body_es.raw_data, {"type": "quote", "value": spanish_quote, "id": str(uuid.uuid4())}]
    draft.save_revision()


def drop_first_english_paragraph(article):
    draft = Page.objects.get(pk=article.pk).specific.get_latest_revision_as_object()
    draft.body_en = list(draft.body_en.raw_data)[1:]
    draft.save_revision()


def test_machine_text_in_a_paired_block_stays_unreviewed_after_the_original_loses_a_paragraph(
    admin_client, settings, long_article
):
    """Recorded block pairs, not position, say which Spanish block holds the machine-drafted attribution."""
    quoted(long_article, settings)
    assert machine_draft(long_article, "es", "dummy") == 1  # the attribution only
    drop_first_english_paragraph(long_article)
    response = admin_client.post(
        reverse("translations_admin:page", args=[long_article.pk, "es"]), {"action": "mark_up_to_date"}, follow=True
    )
    assert [str(message) for message in response.context["messages"]] == [
        "Marked as up to date, except 1 machine-drafted segment nobody has reviewed: edit it or approve it below."
    ]


def machine_drafted_new_paragraph(article, settings):
    """A paragraph added at the end of the English, drafted into Spanish by the dummy machine backend."""
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    draft = Page.objects.get(pk=article.pk).specific.get_latest_revision_as_object()
    added = {"type": "paragraph", "value": "<p>A drought began.</p>", "id": str(uuid.uuid4())}
    draft.body_en = [*draft.body_en.raw_data, added]
    draft.save_revision()
    assert machine_draft(article, "es", "dummy") == 1
    return added


def test_a_machine_drafted_paragraph_deleted_by_the_translator_no_longer_counts(admin_client, settings, long_article):
    added = machine_drafted_new_paragraph(long_article, settings)
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[-1]["id"] == added["id"]
    draft.body_es = list(draft.body_es.raw_data)[:-1]  # the translator deletes the drafted paragraph
    draft.save_revision()
    response = admin_client.post(
        reverse("translations_admin:page", args=[long_article.pk, "es"]), {"action": "mark_up_to_date"}, follow=True
    )
    # No machine draft is left to review; the paragraph itself is untranslated again.
    assert [str(message) for message in response.context["messages"]] == [
        "1 segment has no translation yet: translate it below, or copy the original into it."
    ]


@pytest.fixture
def first_filed_in_spanish(long_article):
    """``long_article`` as if the desk first filed it as a Spanish original, then made the English the original.

    Its English state, from the first direction, stays behind, older than the
    Spanish one the switch confirms, with block pairs that name English blocks.
    """
    spanish_state = TranslationState.objects.get(page=long_article, language="es")
    TranslationState.objects.create(
        page=long_article,
        language="en",
        source_language="es",
        block_pairs={"body": {target: source for source, target in spanish_state.block_pairs["body"].items()}},
    )
    spanish_state.pk = None  # saved again, now the newer of the two
    TranslationState.objects.filter(page=long_article, language="es").delete()
    spanish_state.save()
    return long_article


@pytest.mark.parametrize("article", ["long_article", "first_filed_in_spanish"])
def test_machine_text_drafted_after_the_original_lost_a_paragraph_is_still_marked_unreviewed(
    request, settings, article
):
    """The drafted attribution lands in the Spanish quote paired with the English one, and is marked as machine text.

    A page whose original language was switched keeps the other direction's
    state: the Spanish pairs are read, not the older English ones.
    """
    long_article = request.getfixturevalue(article)
    quoted(long_article, settings)
    drop_first_english_paragraph(long_article)  # before the machine draft, this time
    assert machine_draft(long_article, "es", "dummy") == 1
    status = page_status(long_article, "es")
    machine = [segment.key for segment in status.segments if segment.status == SEGMENT_MACHINE]
    assert len(machine) == 1 and machine[0].endswith("attribution")
    spanish_body = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object().body_es.raw_data
    assert spanish_body[-1]["value"]["text"] == "El canal está seco." and spanish_body[-1]["value"]["attribution"]
    # Marking the page up to date leaves that machine text to a person, whichever state is older.
    assert mark_up_to_date(long_article, "es") == 1
    assert page_status(long_article, "es").status == Status.MACHINE


def test_an_untranslated_paragraph_the_original_then_drops_leaves_nothing_to_review(admin_client, long_article):
    """A reviewer accepted the Spanish without one new paragraph; the editor then removed it from the English."""
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    added = {"type": "paragraph", "value": "<p>A drought began.</p>", "id": str(uuid.uuid4())}
    draft.body_en = [*draft.body_en.raw_data, added]
    draft.save_revision()
    url = reverse("translations_admin:page", args=[long_article.pk, "es"])
    admin_client.post(url, {"action": "mark_up_to_date"})
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    draft.body_en = list(draft.body_en.raw_data)[:-1]
    draft.save_revision()
    status = page_status(long_article, "es")
    assert status.status == "up_to_date" and status.changed_segments() == []


def test_marking_up_to_date_through_an_instance_loaded_before_the_last_save(long_article):
    """The confirmation records the latest revision, so "what changed since" starts from there."""
    loaded_before = Page.objects.get(pk=long_article.pk).specific
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    mark_up_to_date(loaded_before, "es")
    state = TranslationState.objects.get(page_id=long_article.pk, language="es")
    assert state.source_revision_id == Page.objects.get(pk=long_article.pk).latest_revision_id
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_a_draft_that_changes_the_original_language_is_read_as_the_editor_left_it(long_article):
    """Status follows the latest revision's original language, before it is published."""
    edit(long_article, original_language="es")
    status = page_status(long_article, "en")
    assert (status.source_language, status.language) == ("es", "en")
    assert Page.objects.get(pk=long_article.pk).specific.original_language == "en"


def test_a_page_whose_original_has_no_title_yet_is_named_by_the_title_it_has(untranslated_article):
    """Switched to a Spanish original before the Spanish title is written, the report names it in English."""
    edit(untranslated_article, original_language="es")
    status = page_status(untranslated_article, "en")
    assert (status.source_language, status.title) == ("es", "Night shift at the bridge")


def test_derive_reads_a_text_built_without_pairs_with_the_states_pairs(settings, long_article):
    """derive stands on its own: given a bare PageText, it pairs the blocks as the recorded state says."""
    quoted(long_article, settings)
    drop_first_english_paragraph(long_article)
    machine_draft(long_article, "es", "dummy")
    state = TranslationState.objects.get(page_id=long_article.pk, language="es")
    assert state.block_pairs["body"]
    bare = PageText(Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object())
    derived = derive(bare, "es", state)
    assert [(s.key, s.status) for s in derived.segments] == [
        (s.key, s.status) for s in page_status(long_article, "es").segments
    ]
    assert SEGMENT_MACHINE in {segment.status for segment in derived.segments}


def test_a_language_the_site_does_not_list_is_named_by_its_code(settings):
    """A code the site does not list is shown as written, never as "None"."""
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish")]
    assert [language_name(code) for code in ("es", "fr")] == ["Spanish", "fr"]


def test_machine_text_whose_original_changed_since_is_stale(settings, long_article):
    """A machine draft of a paragraph the editor then rewrote is out of date, not merely unreviewed."""
    machine_drafted_new_paragraph(long_article, settings)
    [key] = [segment.key for segment in page_status(long_article, "es").segments if segment.status == SEGMENT_MACHINE]
    edit(long_article, "en", 3, "<p>A long drought began.</p>")
    status = page_status(long_article, "es")
    [segment] = [segment for segment in status.segments if segment.key == key]
    assert segment.status == SEGMENT_STALE and status.status == Status.STALE
    # Only text still awaiting review is labelled with the machine that wrote it.
    assert segment.provenance is None and status.machine_provenance == ""


def test_a_paragraph_the_original_dropped_still_needs_review_behind_a_translators_own(long_article):
    """Text only the Spanish has is skipped one piece at a time: a dropped paragraph after it still counts."""
    mark_up_to_date(long_article, "es")
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    own = {"type": "paragraph", "value": "<p>Nota de la traducción.</p>", "id": str(uuid.uuid4())}
    draft.body_es = [own, *draft.body_es.raw_data]
    draft.body_en = [block for index, block in enumerate(draft.body_en.raw_data) if index != 1]
    draft.save_revision()
    status = page_status(long_article, "es")
    assert [segment.status for segment in status.segments if segment.source is None] == [SEGMENT_REMOVED]
    assert status.status == Status.STALE


def test_a_paragraph_the_original_gains_where_the_translation_already_had_one_is_new(long_article):
    """The Spanish had it first (a translator's addition); the English catches up: nobody has compared the two."""
    mark_up_to_date(long_article, "es")
    block_id = str(uuid.uuid4())
    for language, html in (("es", "<p>Lluvia.</p>"), ("en", "<p>Rain.</p>")):
        draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
        body = getattr(draft, f"body_{language}").raw_data
        setattr(draft, f"body_{language}", [*body, {"type": "paragraph", "value": html, "id": block_id}])
        draft.save_revision()
    status = page_status(long_article, "es")
    assert [segment.status for segment in status.segments if segment.status != SEGMENT_UP_TO_DATE] == [SEGMENT_NEW]
    assert status.status == Status.STALE


def test_a_translator_editing_some_machine_paragraphs_confirms_every_one_edited(settings, blog_index):
    """Paragraphs left as the machine drafted them stay to review; each one the translator rewrote is done.

    The edited paragraphs are confirmed whatever order the page's segments
    are read in: six of twelve, so that stopping at the first untouched
    machine paragraph would miss some almost every time.
    """
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    english = {"title": "Twelve notes", "slug": "twelve-notes", "body": [f"Note number {n}." for n in range(12)]}
    article = make_article(blog_index, en=english)
    machine_draft(article, "es", "dummy")
    draft = Page.objects.get(pk=article.pk).specific.get_latest_revision_as_object()
    body = stream_raw(draft.body_es)
    for index in range(0, 12, 2):
        body[index]["value"] = f"<p>Nota número {index}.</p>"
    draft.body_es = body
    draft.save_revision()

    statuses = {segment.source.text: segment.status for segment in page_status(article, "es").segments}
    assert [n for n in range(12) if statuses[f"<p>Note number {n}.</p>"] == SEGMENT_UP_TO_DATE] == list(range(0, 12, 2))
    assert [n for n in range(12) if statuses[f"<p>Note number {n}.</p>"] == SEGMENT_MACHINE] == list(range(1, 12, 2))


def test_a_paragraph_deleted_from_both_languages_leaves_nothing_in_the_translation_state(long_article):
    """An English-only paragraph, accepted untranslated, then deleted: the state forgets it."""
    added = {"type": "paragraph", "value": "<p>Correction: a name was misspelled.</p>", "id": str(uuid.uuid4())}
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    draft.body_en = [*draft.body_en.raw_data, added]
    draft.save_revision()
    mark_up_to_date(long_article, "es")  # the editors decided it needs no Spanish
    state = TranslationState.objects.get(page_id=long_article.pk, language="es")
    assert len(state.source_fingerprints) == len(state.target_fingerprints) + 1

    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    draft.body_en = list(draft.body_en.raw_data)[:-1]
    draft.save_revision()
    state.refresh_from_db()
    assert set(state.source_fingerprints) == set(state.target_fingerprints) == set(state.source_snapshot)
    assert page_status(long_article, "es").status == Status.UP_TO_DATE
