"""Sync status: fingerprints per field and per block, whichever language is original."""

import uuid

from django.urls import reverse

from conftest import make_article
from translations.models import Status, TranslationState
from translations.segments import PageText, align_blocks, fingerprint, stream_raw
from translations.status import page_status

from .conftest import edit


def test_translated_article_starts_up_to_date(translated_article):
    assert page_status(translated_article, "es").status == Status.UP_TO_DATE


def test_untranslated_article_is_missing(untranslated_article):
    assert page_status(untranslated_article, "es").status == Status.MISSING


def test_a_translation_with_a_title_but_no_body_is_still_missing(untranslated_article):
    """An article needs its body in a language before it counts as translated, not only its title."""
    page = edit(untranslated_article, title_es="Turno de noche en el puente")
    assert page_status(page, "es").status == Status.MISSING
    page = edit(page, body_es=[{"type": "paragraph", "value": "<p>Los camiones esperan.</p>"}])
    assert page_status(page, "es").status != Status.MISSING


def test_english_body_edit_makes_only_that_paragraph_stale(long_article):
    page = edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    status = page_status(page, "es")
    assert status.status == Status.STALE
    changed = status.changed_segments()
    assert len(changed) == 1
    assert changed[0].source.text == "<p>Prices doubled.</p>"
    assert changed[0].source_then == "<p>Prices rose.</p>"
    assert changed[0].target.text == "<p>Los precios subieron.</p>"


def test_saving_the_spanish_paragraph_confirms_it(long_article):
    page = edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    page = edit(page, "es", 1, "<p>Los precios se duplicaron.</p>")
    assert page_status(page, "es").status == Status.UP_TO_DATE


def test_the_translator_who_saves_the_spanish_is_named_as_its_confirmer(
    long_article, untranslated_article, admin_client, django_user_model
):
    """The translation page says who last confirmed, for the first Spanish text and for a later edit."""
    translator = django_user_model.objects.create_user("lferran", first_name="Lucía", last_name="Ferrán")

    first = {"title_es": "Turno de noche", "body_es": [{"type": "paragraph", "value": "<p>Esperan.</p>"}]}
    first_text = edit(untranslated_article, user=translator, **first)
    page = edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    later_edit = edit(page, "es", 1, "<p>Los precios se duplicaron.</p>", user=translator)
    revisions = [first_text.get_latest_revision(), later_edit.get_latest_revision()]

    for article, revision in zip((untranslated_article, long_article), revisions, strict=True):
        state = TranslationState.objects.get(page_id=article.pk, language="es")
        assert (state.confirmed_by, state.source_revision) == (translator, revision)
        response = admin_client.get(reverse("translations_admin:page", args=[article.pk, "es"]))
        assert "by Lucía Ferrán." in response.content.decode()


def test_saving_another_spanish_paragraph_leaves_the_changed_one_stale(long_article):
    page = edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    page = edit(page, "es", 0, "<p>Los pozos son <b>privados</b>, dicen.</p>")
    status = page_status(page, "es")
    assert status.status == Status.STALE
    assert [segment.source.text for segment in status.changed_segments()] == ["<p>Prices doubled.</p>"]


def test_a_save_that_changes_nothing_stales_nothing(long_article):
    page = edit(long_article)
    page = edit(page, publish=True)
    assert page_status(page, "es").status == Status.UP_TO_DATE


def test_whitespace_only_change_is_not_a_change(long_article):
    page = edit(long_article, dek_en="  A market   grows. ")
    assert page_status(page, "es").status == Status.UP_TO_DATE


def test_spanish_first_article_with_roles_swapped(blog_index, author):
    article = make_article(
        blog_index,
        es={"title": "La radio", "slug": "la-radio", "body": ["Sigue al aire.", "Tiene oyentes."]},
        en={"title": "The radio", "slug": "the-radio", "body": ["It stays on air.", "It has listeners."]},
        original="es",
        authors=[author],
    )
    status = page_status(article, "en")
    assert status.source_language == "es"
    assert status.status == Status.UP_TO_DATE
    page = edit(article, "es", 1, "<p>Tiene muchos oyentes.</p>")
    status = page_status(page, "en")
    assert status.status == Status.STALE
    assert [segment.source.text for segment in status.changed_segments()] == ["<p>Tiene muchos oyentes.</p>"]
    # Editing the translation (English) does not stale the original.
    page = edit(page, "en", 1, "<p>It has many listeners.</p>")
    assert page_status(page, "en").status == Status.UP_TO_DATE


def test_empty_target_does_not_equal_its_fallback(untranslated_article):
    text = PageText(untranslated_article)
    assert text.segments("es")["title"].text == ""
    assert text.segments("en")["title"].text == "Night shift at the bridge"


def test_both_sides_changed_outside_a_confirming_save_is_a_conflict(long_article):
    page = edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    draft = page.get_latest_revision_as_object()
    body = stream_raw(draft.body_es)
    body[1]["value"] = "<p>Los precios cambiaron.</p>"
    # A script writes the revision content directly, bypassing confirmation.
    revision = page.latest_revision
    revision.content["body_es"] = body
    revision.save(update_fields=["content"])
    assert page_status(page, "es").status == Status.CONFLICT


def test_block_added_in_source_is_new_and_stale(long_article):
    draft = long_article.get_latest_revision_as_object()
    body = stream_raw(draft.body_en)
    body.append({"type": "paragraph", "value": "<p>A new ending.</p>", "id": str(uuid.uuid4())})
    draft.body_en = body
    draft.save_revision()
    status = page_status(long_article, "es")
    assert status.status == Status.STALE
    assert [(s.status, s.source.text) for s in status.changed_segments()] == [("missing", "<p>A new ending.</p>")]


def test_block_removed_from_source_is_reported(long_article):
    draft = long_article.get_latest_revision_as_object()
    draft.body_en = stream_raw(draft.body_en)[:2]
    draft.save_revision()
    status = page_status(long_article, "es")
    assert [s.status for s in status.changed_segments()] == ["removed"]
    # Removing the Spanish block too brings both sides back in sync.
    draft = long_article.get_latest_revision_as_object()
    draft.body_es = stream_raw(draft.body_es)[:2]
    draft.save_revision()
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_blocks_match_by_id_first_then_in_order_by_type():
    source = [("a", "paragraph", []), ("n1", "heading", []), ("n2", "paragraph", []), ("b", "paragraph", [])]
    target = [("a", "paragraph", []), ("x1", "heading", []), ("x2", "paragraph", []), ("b", "paragraph", [])]
    assert align_blocks(source, target) == {"a": "a", "b": "b", "x1": "n1", "x2": "n2"}
    # A target block of another type stays unmatched.
    assert "x1" not in align_blocks([("n1", "quote", [])], [("x1", "heading", [])])
    # A target block passes over source blocks of other types, one at a time, to the next of its own.
    source = [("n1", "quote", []), ("n2", "paragraph", [])]
    assert align_blocks(source, [("x1", "paragraph", [])]) == {"x1": "n2"}


def test_a_source_block_is_paired_with_one_target_block_at_most():
    """Recorded pairs never give one original paragraph two translations: the first keeps it."""
    source = [("s1", "paragraph", []), ("s2", "paragraph", [])]
    target = [("t8", "paragraph", []), ("t9", "paragraph", [])]
    assert align_blocks(source, target, known_pairs={"t8": "s1", "t9": "s1"}) == {"t8": "s1", "t9": "s2"}


def test_fingerprints_ignore_unicode_form_and_spacing():
    assert fingerprint("Canción  seca") == fingerprint("Canci\u006f\u0301n seca")
    assert fingerprint("") == ""


def test_struct_block_leaves_are_segments(blog_index, author):
    block_id = str(uuid.uuid4())
    article = make_article(blog_index, en={"title": "Q", "slug": "q", "body": ["x"]}, authors=[author])
    draft = article.get_latest_revision_as_object()
    quote = {"type": "quote", "value": {"text": "Water is life.", "attribution": "A farmer"}, "id": block_id}
    draft.body_en = [*stream_raw(draft.body_en), quote]
    draft.save_revision()
    keys = PageText(article.get_latest_revision_as_object()).segments("en")
    assert f"body:{block_id}:text" in keys
    assert keys[f"body:{block_id}:attribution"].text == "A farmer"


def test_state_records_the_source_revision(long_article):
    state = TranslationState.objects.get(page=long_article, language="es")
    assert state.source_revision_id == long_article.latest_revision_id
    assert state.source_language == "en"


def draftail_save(page, changes=None):
    """Save a revision the way the admin does: every rich text paragraph goes through Draftail's converter.

    ``changes`` maps (language, paragraph index) to new HTML typed in the editor.
    """
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from core.blocks import RICH_TEXT_FEATURES

    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    draft = page.get_latest_revision_as_object()
    for language in ("en", "es"):
        body = stream_raw(getattr(draft, f"body_{language}"))
        for index, block in enumerate(body):
            if block["type"] == "paragraph":
                html = (changes or {}).get((language, index), block["value"])
                block["value"] = converter.to_database_format(converter.from_database_format(html))
        setattr(draft, f"body_{language}", body)
    draft.save_revision()
    return draft


def test_an_editor_save_that_adds_block_keys_changes_no_status(long_article):
    """Draftail's block keys and tag spellings are not a change of text."""
    confirmed_at = TranslationState.objects.get(page=long_article, language="es").confirmed_at
    draft = draftail_save(long_article)
    assert 'data-block-key="' in stream_raw(draft.body_es)[0]["value"]
    # Nothing counts as a translator's edit, so nothing is re-confirmed.
    assert TranslationState.objects.get(page=long_article, language="es").confirmed_at == confirmed_at
    status = page_status(long_article, "es")
    assert status.status == Status.UP_TO_DATE
    assert status.changed_segments() == []


def test_an_editor_edit_of_one_paragraph_stales_exactly_that_segment(long_article):
    """The first admin save of a seeded page, with one English paragraph changed."""
    draftail_save(long_article, {("en", 1): "<p>Prices doubled.</p>"})
    status = page_status(long_article, "es")
    assert status.status == Status.STALE
    assert [segment.source.text.startswith("<p data-block-key=") for segment in status.changed_segments()] == [True]
    assert "doubled" in status.changed_segments()[0].source.text


def test_fingerprints_stay_what_they_were_when_stored():
    """Fingerprints are stored in every translation state: changing how they are made would stale every page."""
    html = '<p data-block-key="k">The wells are <strong>private</strong>.</p>'
    assert fingerprint(html, "html") == "5d2829a63be69b9aeacaea40d78bc34d"
    assert fingerprint("Agua en venta") == "6493078c1b9035215d72f8ec5116031d"
    quoted = '<p>They said "no", it\'s <a href="/x" download>here</a>.</p>'
    assert fingerprint(quoted, "html") == "0d3373dc14d92c918a1921dd8bc5dcd7"


def test_canonical_html_drops_what_readers_cannot_see():
    from translations.richtext import canonical_html, looks_like_html

    assert canonical_html('<p data-block-key="a1b2c">A <strong>b</strong>&nbsp;c<br></p>') == canonical_html(
        "<p>A <b>b</b>\xa0c<br/></p>"
    )
    assert canonical_html("plain") == "<p>plain</p>"
    # An empty field, or one holding only spaces, is no text at all.
    assert canonical_html(None) == canonical_html("") == canonical_html(" \n ") == ""
    assert [looks_like_html(text) for text in (None, "", "1 < 2 > 0", "I <3 it", "a<br>b", "</p>")] == [
        False,
        False,
        False,
        False,
        True,
        True,
    ]
    # An attribute written without a value is the same as one with an empty value.
    assert canonical_html('<p><a href="/f" download>f</a></p>') == '<p><a download="" href="/f">f</a></p>'
    assert fingerprint('<p data-block-key="zz">x</p>', "html") == fingerprint("<p>x</p>", "html")
    assert fingerprint('<p><a href="/a">x</a></p>', "html") != fingerprint('<p><a href="/b">x</a></p>', "html")
    # Written self-closing (as XHTML-minded tools do), a tag that is not void is the same empty element.
    assert canonical_html('<p>A<a id="x"/>b<br/></p>') == canonical_html('<p>A<a id="x"></a>b<br></p>')
    assert canonical_html('<p>A<a id="x"/>b<br/></p>') == '<p>A<a id="x"></a>b<br/></p>'


def test_a_body_images_alt_text_is_a_segment_like_its_caption(blog_index, author, home_page):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Canal", file=get_test_image_file())
    block_id = str(uuid.uuid4())
    article = make_article(blog_index, en={"title": "Q", "slug": "q", "body": ["x"]}, authors=[author])
    draft = article.get_latest_revision_as_object()
    figure = {
        "type": "image",
        "value": {"image": image.pk, "alt": "An empty canal", "caption": "May.", "credit": ""},
        "id": block_id,
    }
    draft.body_en = [*stream_raw(draft.body_en), figure]
    draft.save_revision()
    keys = PageText(article.get_latest_revision_as_object()).segments("en")
    assert keys[f"body:{block_id}:alt"].text == "An empty canal"
    assert keys[f"body:{block_id}:caption"].text == "May."
