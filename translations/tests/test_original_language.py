"""A page's original language is never reviewed, imported into or written by translation tooling."""

import uuid

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from conftest import make_article
from translations import files
from translations.models import Status
from translations.segments import remove_target_values, set_target_values
from translations.status import page_status


@pytest.fixture
def radio(blog_index, author):
    return make_article(
        blog_index,
        es={"title": "La radio", "slug": "la-radio", "body": ["Sigue al aire."]},
        en={"title": "The radio", "slug": "the-radio", "body": ["It stays on air."]},
        original="es",
        authors=[author],
    )


def spanish_body(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().body_es.raw_data[0]["value"]


def test_the_original_language_has_no_review_screen(admin_client, radio):
    url = reverse("translations_admin:page", args=[radio.pk, "es"])
    revisions = radio.revisions.count()
    assert admin_client.get(url).status_code == 404
    key = next(iter(page_status(radio, "en").segments)).key
    for action in ("save", "save_publish", "mark_up_to_date", "copy_source", "mark_ready"):
        assert admin_client.post(url, {"action": action, key: "<p>Sobrescrito.</p>"}).status_code == 404
    assert radio.revisions.count() == revisions
    assert spanish_body(radio) == "<p>Sigue al aire.</p>"
    assert page_status(radio, "en").status == Status.UP_TO_DATE
    # The translation (English) is reviewed as usual.
    assert admin_client.get(reverse("translations_admin:page", args=[radio.pk, "en"])).status_code == 200


def test_an_english_first_page_has_no_english_review_screen(admin_client, long_article):
    assert admin_client.get(reverse("translations_admin:page", args=[long_article.pk, "en"])).status_code == 404
    assert admin_client.get(reverse("translations_admin:page", args=[long_article.pk, "fr"])).status_code == 404


def test_import_into_the_original_language_is_refused(admin_client, radio):
    content, _extension, _count = files.export(Page.objects.filter(pk=radio.pk).specific(), files.PO, include_all=True)
    po = polib.pofile(content.decode())
    # A file claiming to translate into Spanish, the page's original.
    po.metadata["Language"] = "es"
    for entry in po:
        entry.msgstr, entry.flags = "Sobrescrito", []
    revisions = radio.revisions.count()
    upload = SimpleUploadedFile("radio.po", str(po).encode())
    response = admin_client.post(reverse("translations_admin:import"), {"file": upload})
    assert response.status_code == 400  # every entry is an error: nothing applied
    assert "not a translation of this page" in response.content.decode()
    assert radio.revisions.count() == revisions
    assert spanish_body(radio) == "<p>Sigue al aire.</p>"


def test_writing_the_original_language_is_refused_in_code(radio):
    refusal = rf"^es is the original language of page {radio.pk}$"
    with pytest.raises(ValueError, match=refusal):
        set_target_values(radio, "es", {"title": "Otra"})
    with pytest.raises(ValueError, match=refusal):
        remove_target_values(radio, "es", ["title"])
    assert (radio.title_es, radio.title_en) == ("La radio", "The radio")


def test_text_the_original_dropped_is_taken_out_of_a_plain_field(radio):
    """A dek and a caption the Spanish original no longer has go from the English too, as the reviewer asks."""
    radio.dek_en, radio.hero_caption_en = "A station that never went off air.", "The studio at night."
    remove_target_values(radio, "en", ["dek", "hero_caption"])
    assert (radio.dek_en, radio.hero_caption_en, radio.title_en) == ("", "", "The radio")


def test_a_quotation_the_original_dropped_is_taken_out_whole_once_both_its_texts_are(radio):
    """A quotation only the English has: emptying its text alone keeps it; emptying both takes it out."""
    quote_id = str(uuid.uuid4())
    quote = {"type": "quote", "value": {"text": "Still on air.", "attribution": "A listener"}, "id": quote_id}
    radio.body_en = [*radio.body_en.raw_data, quote]
    remove_target_values(radio, "en", [f"body:{quote_id}:text"])
    assert [block["value"] for block in radio.body_en.raw_data][1] == {"text": "", "attribution": "A listener"}
    remove_target_values(radio, "en", [f"body:{quote_id}:attribution"])
    assert [block["type"] for block in radio.body_en.raw_data] == ["paragraph"]
