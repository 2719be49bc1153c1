"""Writing a translation back into blocks: every text leaf the segmenter reads can be written, alone.

The site's article body nests one level (a figure's caption, a quotation's
attribution); the writer is generic, so it is tried here on every shape a
Wagtail block can take, and on the real path for a block the original gained.
"""

import copy
import uuid

import pytest
from wagtail import blocks
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from translations.segments import HTML, TEXT, _blank_copy, _set_path, _walk_block, set_target_values, stream_raw

from .conftest import edit


class CardBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    text = blocks.RichTextBlock()


class PairBlock(blocks.StructBlock):
    left = blocks.CharBlock()
    inner = blocks.StructBlock([("deep", blocks.CharBlock()), ("beside", blocks.CharBlock())])


NESTED = blocks.StructBlock(
    [
        ("title", blocks.CharBlock()),
        ("cards", blocks.ListBlock(CardBlock())),
        # Lists stored before Wagtail gave list items ids: items are plain values.
        ("legacy", blocks.ListBlock(blocks.CharBlock())),
        ("legacy_pairs", blocks.ListBlock(blocks.StructBlock([("a", blocks.CharBlock()), ("b", blocks.CharBlock())]))),
        ("more", blocks.StreamBlock([("note", blocks.TextBlock()), ("pair", PairBlock())])),
    ]
)
NESTED_RAW = {
    "title": "Title",
    "cards": [
        {"type": "item", "value": {"heading": "First card", "text": "<p>First text</p>"}, "id": "c1"},
        {"type": "item", "value": {"heading": "Second card", "text": "<p>Second text</p>"}, "id": "c2"},
    ],
    "legacy": ["Old zero", "Old one"],
    "legacy_pairs": [{"a": "Old a", "b": "Old b"}],
    "more": [
        {"type": "note", "value": "A note", "id": "n1"},
        {"type": "pair", "value": {"left": "Left", "inner": {"deep": "Deep", "beside": "Beside"}}, "id": "p1"},
    ],
}


def leaves(raw):
    return {path: text for path, _kind, text in _walk_block(NESTED, raw, ())}


@pytest.mark.parametrize("path", list(leaves(NESTED_RAW)), ids="/".join)
def test_each_leaf_the_segmenter_reads_is_written_alone(path):
    before = leaves(NESTED_RAW)
    written = _set_path(NESTED, copy.deepcopy(NESTED_RAW), list(path), "Nuevo")
    assert leaves(written) == {**before, path: "Nuevo"}


def test_the_leaves_read_from_every_shape():
    assert set(leaves(NESTED_RAW)) == {
        ("title",),
        ("cards", "c1", "heading"),
        ("cards", "c1", "text"),
        ("cards", "c2", "heading"),
        ("cards", "c2", "text"),
        ("legacy", "0"),
        ("legacy", "1"),
        ("legacy_pairs", "0", "a"),
        ("legacy_pairs", "0", "b"),
        ("more", "n1"),
        ("more", "p1", "left"),
        ("more", "p1", "inner", "deep"),
        ("more", "p1", "inner", "beside"),
    }


def test_the_leaves_of_a_value_saved_before_a_field_or_an_id_existed():
    """Items without ids are numbered; a rich text the block gained later reads as empty, not as None."""
    raw = {
        "title": "Title",
        "cards": [{"type": "item", "value": {"heading": "No text yet"}}],
        "legacy": ["Prototype types"],  # a plain value with "type" in its words
        "legacy_pairs": [],
        "more": [{"type": "note", "value": "Unnumbered"}],
    }
    assert list(_walk_block(NESTED, raw, ())) == [
        (("title",), TEXT, "Title"),
        (("cards", "0", "heading"), TEXT, "No text yet"),
        (("cards", "0", "text"), HTML, ""),
        (("legacy", "0"), TEXT, "Prototype types"),
        (("more", "0"), TEXT, "Unnumbered"),
    ]


def test_a_blank_copy_of_a_new_block_empties_every_leaf_and_leaves_the_original_alone():
    """What a block the original gained starts as in the translation, before its translated text goes in."""
    stream = blocks.StreamBlock([("nested", NESTED)])
    original = {"type": "nested", "value": copy.deepcopy(NESTED_RAW), "id": "b1"}
    blank = _blank_copy(stream, original)
    assert blank["id"] == "b1"
    assert set(leaves(blank["value"]).values()) == {""}
    assert set(leaves(blank["value"])) == set(leaves(NESTED_RAW))
    assert original["value"] == NESTED_RAW


@pytest.mark.django_db
def test_a_figure_the_original_gained_is_added_in_place_with_its_image_and_only_the_translated_text(long_article):
    image = Image.objects.create(title="Canal", file=get_test_image_file())
    figure_id = str(uuid.uuid4())
    figure = {
        "type": "image",
        "value": {"image": image.pk, "alt": "An empty canal", "caption": "May.", "credit": "Ana Ruiz"},
        "id": figure_id,
    }
    draft = long_article.get_latest_revision_as_object()
    english = stream_raw(draft.body_en)
    edit(long_article, body_en=[english[0], figure, *english[1:]])
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()

    set_target_values(draft, "es", {f"body:{figure_id}:caption": "Mayo.", f"body:{figure_id}:alt": "Un canal vacío"})

    spanish = stream_raw(draft.body_es)
    assert [block["type"] for block in spanish] == ["paragraph", "image", "paragraph", "paragraph"]
    assert spanish[0]["value"] == "<p>Los pozos son <b>privados</b>.</p>"
    assert spanish[1]["value"] == {"image": image.pk, "alt": "Un canal vacío", "caption": "Mayo.", "credit": ""}
    assert spanish[2]["value"] == "<p>Los precios subieron.</p>"
    # The original is left as it was.
    assert stream_raw(draft.body_en)[1]["value"]["caption"] == "May."
    assert stream_raw(draft.body_en)[1]["value"]["credit"] == "Ana Ruiz"


@pytest.mark.django_db
def test_text_for_a_block_the_original_no_longer_has_is_skipped_and_the_rest_is_written(long_article):
    """A file exported before an editor deleted a paragraph still brings in everything else."""
    draft = long_article.get_latest_revision_as_object()
    second_id = stream_raw(draft.body_en)[1]["id"]
    set_target_values(
        draft, "es", {"body:deleted-since-export": "Ya no está.", f"body:{second_id}": "<p>Subieron.</p>"}
    )
    spanish = stream_raw(draft.body_es)
    assert [block["value"] for block in spanish] == [
        "<p>Los pozos son <b>privados</b>.</p>",
        "<p>Subieron.</p>",
        '<p>Nadie <a href="https://x.invalid">responde</a>.</p>',
    ]
