"""What the review page's actions write: whose revision, which block, what is left marked.

Written against the mutants ``make mutate MODULES=translations.actions``
left alive: each test states the behaviour a mutant broke, reached through
the review page's own buttons.
"""

import uuid

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail.users.models import UserProfile

from translations.actions import mark_ready
from translations.models import MemoryEntry, Status
from translations.segments import stream_raw
from translations.status import languages_with_unreviewed_machine_text, page_status

from .conftest import edit

pytestmark = pytest.mark.django_db


def review_url(page, language="es"):
    return reverse("translations_admin:page", args=[page.pk, language])


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def new_first_paragraph(long_article):
    """The long article after its editor put a new paragraph first (a fresh block id).

    The Spanish blocks have ids of their own, paired with the English ones
    when the translation was confirmed; without those recorded pairs, the
    Spanish paragraphs would pair with the English ones by position, each
    one paragraph off.
    """
    draft = latest(long_article)
    body = stream_raw(draft.body_en)
    body.insert(0, {"type": "paragraph", "value": "<p>A drought began.</p>", "id": str(uuid.uuid4())})
    draft.body_en = body
    draft.save_revision().publish()
    page = Page.objects.get(pk=long_article.pk).specific
    missing = [segment.key for segment in page_status(page, "es").changed_segments()]
    assert len(missing) == 1 and missing[0].endswith(body[0]["id"])
    return page, missing[0]


SPANISH_BODY = ["<p>Los pozos son <b>privados</b>.</p>", "<p>Los precios subieron.</p>"]


def spanish_paragraphs(page):
    return [block["value"] for block in stream_raw(latest(page).body_es)]


def test_a_new_paragraph_translated_goes_in_its_own_place_and_overwrites_nothing(admin_client, new_first_paragraph):
    page, key = new_first_paragraph
    response = admin_client.post(review_url(page), {"action": f"save_segment:{key}", key: "Empezó una sequía."})
    assert response.status_code == 302
    paragraphs = spanish_paragraphs(page)
    assert paragraphs[0] == "<p>Empezó una sequía.</p>"
    assert paragraphs[1:3] == SPANISH_BODY and len(paragraphs) == 4
    assert page_status(page, "es").status == Status.UP_TO_DATE
    # Saved as a draft: readers still get the published Spanish until someone publishes.
    live = Page.objects.get(pk=page.pk).specific
    assert live.has_unpublished_changes and len(stream_raw(live.body_es)) == 3
    # Confirmed once, so the translation memory counts one use.
    assert MemoryEntry.objects.get(target_text="<p>Empezó una sequía.</p>").uses == 1


def test_copying_the_source_into_a_new_paragraph_overwrites_nothing(admin_client, new_first_paragraph):
    page, _key = new_first_paragraph
    response = admin_client.post(review_url(page), {"action": "copy_source"}, follow=True)
    assert "Copied the source text into 1 empty field, as a draft to translate." in messages_of(response)
    paragraphs = spanish_paragraphs(page)
    assert paragraphs[0] == "<p>A drought began.</p>"
    assert paragraphs[1:3] == SPANISH_BODY and len(paragraphs) == 4
    # The review page labels the copied text by where it came from, and the
    # translation memory never learns English as Spanish from it.
    status = page_status(page, "es")
    assert status.status == Status.MACHINE and status.machine_provenance == "copy"
    assert not MemoryEntry.objects.filter(target_text__contains="drought").exists()


def test_copying_with_nothing_empty_says_so_and_writes_nothing(admin_client, translated_article):
    revisions = translated_article.revisions.count()
    response = admin_client.post(review_url(translated_article), {"action": "copy_source"}, follow=True)
    assert "Copied the source text into 0 empty fields, as a draft to translate." in messages_of(response)
    assert translated_article.revisions.count() == revisions


def test_copying_into_a_spanish_originals_english(admin_client, spanish_original_article):
    response = admin_client.post(review_url(spanish_original_article, "en"), {"action": "copy_source"}, follow=True)
    assert response.status_code == 200
    assert latest(spanish_original_article).title_en == "La radio comunitaria"
    assert page_status(spanish_original_article, "en").status == Status.MACHINE
    # The English is the unreviewed language (publishing checks this), not the original's Spanish.
    assert languages_with_unreviewed_machine_text(latest(spanish_original_article)) == ["en"]


def test_the_copy_is_the_translators_revision(admin_client, admin_user, untranslated_article):
    admin_client.post(review_url(untranslated_article), {"action": "copy_source"})
    assert Page.objects.get(pk=untranslated_article.pk).get_latest_revision().user == admin_user


def test_a_saved_translation_is_the_translators_revision_and_confirmation(admin_client, admin_user, long_article):
    """The review page says who confirmed, and links to what changed in the page since."""
    key = next(segment.key for segment in page_status(long_article, "es").segments if segment.key.startswith("dek"))
    admin_client.post(review_url(long_article) + "?all=1", {"action": "save", key: "Un mercado que crece."})
    revision = Page.objects.get(pk=long_article.pk).get_latest_revision()
    assert revision.user == admin_user and revision.as_object().dek_es == "Un mercado que crece."
    html = admin_client.get(review_url(long_article)).content.decode()
    assert "by editor." in html and "data-changes-since-confirmed" not in html
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    html = admin_client.get(review_url(long_article)).content.decode()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[long_article.pk, revision.pk, "latest"])
    assert f'<a href="{compare}" data-changes-since-confirmed>' in html
    assert admin_client.get(compare).status_code == 200


def test_the_review_page_says_who_confirmed_in_spanish(admin_client, admin_user, long_article):
    admin_user.first_name, admin_user.last_name = "Rosa", "Luna"
    admin_user.save()
    admin_client.post(review_url(long_article), {"action": "mark_up_to_date"})
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    html = admin_client.get(review_url(long_article)).content.decode()
    assert "Confirmada por última vez el" in html and "por Rosa Luna." in html
    assert "Traducción al español de una página escrita en inglés." in html


def test_save_and_publish_is_logged_as_the_translators_publish(admin_client, admin_user, long_article):
    key = next(segment.key for segment in page_status(long_article, "es").segments if segment.key.startswith("dek"))
    admin_client.post(review_url(long_article) + "?all=1", {"action": "save_publish", key: "Un mercado que crece."})
    page = Page.objects.get(pk=long_article.pk).specific
    assert page.dek_es == "Un mercado que crece." and not page.has_unpublished_changes
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").latest("timestamp")
    assert entry.user == admin_user


def test_a_translator_who_may_not_publish_cannot_save_and_publish(stories_translator, long_article):
    key = next(segment.key for segment in page_status(long_article, "es").segments if segment.key.startswith("dek"))
    publishes = PageLogEntry.objects.filter(page=long_article, action="wagtail.publish")
    published_before = publishes.count()
    response = stories_translator.post(
        review_url(long_article) + "?all=1", {"action": "save_publish", key: "Un mercado que crece."}
    )
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert latest(long_article).dek_es == "Crece un mercado."
    assert publishes.count() == published_before


@pytest.mark.parametrize("button", ["save", "save_segment"])
def test_a_paragraph_the_original_dropped_is_taken_out_of_the_translation(admin_client, long_article, button):
    """The editor deleted the second English paragraph; the translator empties its Spanish and saves."""
    draft = latest(long_article)
    draft.body_en = [block for index, block in enumerate(draft.body_en.raw_data) if index != 1]
    draft.save_revision()
    [removed] = page_status(long_article, "es").changed_segments()
    assert removed.status == "removed" and removed.target.text == "<p>Los precios subieron.</p>"
    action = "save" if button == "save" else f"save_segment:{removed.key}"
    response = admin_client.post(review_url(long_article), {"action": action, removed.key: ""}, follow=True)
    assert messages_of(response) == [
        "Translation saved and confirmed against the current source."
        if button == "save"
        else "Taken out of the translation, as it was out of the original."
    ]
    body = [block["value"] for block in latest(long_article).body_es.raw_data]
    assert body == ["<p>Los pozos son <b>privados</b>.</p>", '<p>Nadie <a href="https://x.invalid">responde</a>.</p>']
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_a_save_removes_only_text_areas_sent_empty(admin_client, long_article):
    """The English lost a paragraph after the translator opened the page: their save of the title keeps it."""
    draft = latest(long_article)
    draft.title_en = "Water for sale, again"
    draft.save_revision()
    draft = latest(long_article)
    draft.body_en = [block for index, block in enumerate(draft.body_en.raw_data) if index != 1]
    draft.save_revision()
    admin_client.post(review_url(long_article), {"action": "save", "title": "Agua en venta, otra vez"})
    spanish = latest(long_article)
    assert spanish.title_es == "Agua en venta, otra vez"
    assert [block["value"] for block in spanish.body_es.raw_data][1] == "<p>Los precios subieron.</p>"


def test_machine_text_for_a_paragraph_the_original_then_deleted_can_be_taken_out(admin_client, settings, long_article):
    from translations.tasks import machine_draft

    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    draft = latest(long_article)
    draft.body_en = [*draft.body_en.raw_data, {"type": "paragraph", "value": "<p>A drought began.</p>"}]
    draft.save_revision()
    assert machine_draft(long_article, "es", "dummy") == 1
    draft = latest(long_article)
    draft.body_en = draft.body_en.raw_data[:-1]
    draft.save_revision()
    [removed] = page_status(long_article, "es").changed_segments()
    assert removed.status == "removed"
    admin_client.post(review_url(long_article), {"action": f"save_segment:{removed.key}", removed.key: ""})
    assert len(latest(long_article).body_es.raw_data) == 3
    assert languages_with_unreviewed_machine_text(latest(long_article)) == []
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_a_caption_the_original_emptied_is_emptied_and_its_image_block_kept(admin_client, long_article):
    """The English image keeps its block without a caption; the Spanish one must keep its block too."""
    image_id = str(uuid.uuid4())

    def with_image(blocks, caption):
        value = {"image": None, "alt": "", "caption": caption, "credit": ""}
        return [*blocks, {"type": "image", "id": image_id, "value": value}]

    draft = latest(long_article)
    draft.body_en = with_image(draft.body_en.raw_data, "The dry canal")
    draft.body_es = with_image(draft.body_es.raw_data, "El canal seco")
    draft.save_revision()
    draft = latest(long_article)
    draft.body_en = with_image(draft.body_en.raw_data[:-1], "")
    draft.save_revision()
    [removed] = page_status(long_article, "es").changed_segments()
    assert removed.key.endswith("caption") and removed.status == "removed"
    admin_client.post(review_url(long_article), {"action": f"save_segment:{removed.key}", removed.key: ""})
    last = latest(long_article).body_es.raw_data[-1]
    assert (last["type"], last["id"], last["value"]["caption"]) == ("image", image_id, "")
    assert page_status(long_article, "es").status == Status.UP_TO_DATE


def test_marking_up_to_date_says_which_segments_still_have_no_translation(admin_client, long_article):
    draft = latest(long_article)
    draft.body_en = [*draft.body_en.raw_data, {"type": "paragraph", "value": "<p>A drought began.</p>"}]
    draft.save_revision()
    response = admin_client.post(review_url(long_article), {"action": "mark_up_to_date"}, follow=True)
    assert messages_of(response) == [
        "1 segment has no translation yet: translate it below, or copy the original into it."
    ]
    assert page_status(long_article, "es").status == Status.STALE


@pytest.fixture
def not_yet_ready(translated_article):
    """An up-to-date Spanish translation that readers do not see yet."""
    return edit(translated_article, translation_ready=False, publish=True)


def test_the_review_page_says_whether_readers_see_the_translation_yet(stories_translator, not_yet_ready):
    """Marked ready by a translator who may not publish, it waits for an editor; published, readers see it."""
    translator = stories_translator
    before = translator.get(review_url(not_yet_ready)).content.decode()
    assert "Readers do not see this translation yet: they get the original under a notice." in before
    translator.post(review_url(not_yet_ready), {"action": "mark_ready"})
    waiting = translator.get(review_url(not_yet_ready)).content.decode()
    assert "Marked ready for readers: they will see it once the page is published." in waiting
    assert "Readers see this translation." not in waiting
    Page.objects.get(pk=not_yet_ready.pk).specific.get_latest_revision().publish()
    assert "Readers see this translation." in translator.get(review_url(not_yet_ready)).content.decode()


def test_marking_ready_a_live_page_publishes_it_for_readers(admin_client, admin_user, not_yet_ready):
    response = admin_client.post(review_url(not_yet_ready), {"action": "mark_ready"}, follow=True)
    assert messages_of(response) == ["The translation is ready and published for readers."]
    page = Page.objects.get(pk=not_yet_ready.pk).specific
    assert page.translation_ready and not page.has_unpublished_changes
    assert page.live_revision.user == admin_user


def test_marking_ready_outside_a_request_publishes_under_the_user_named(admin_user, not_yet_ready):
    """No admin request sets Wagtail's log context here: the publish is still logged under the user."""
    assert mark_ready(not_yet_ready, "es", user=admin_user) is True
    entry = PageLogEntry.objects.filter(page_id=not_yet_ready.pk, action="wagtail.publish").latest("timestamp")
    assert entry.user == admin_user


def test_a_page_type_without_readiness_cannot_be_marked_ready(admin_client, blog_index):
    response = admin_client.post(review_url(blog_index), {"action": "mark_ready"}, follow=True)
    assert messages_of(response) == ["This page type has no readiness setting."]


def test_marking_ready_never_publishes_someone_elses_pending_draft(admin_client, not_yet_ready):
    """An editor's unpublished change waits for whoever publishes next, and the readiness with it."""
    edit(not_yet_ready, publication_date=not_yet_ready.publication_date.replace(year=2020))
    response = admin_client.post(review_url(not_yet_ready), {"action": "mark_ready"}, follow=True)
    assert messages_of(response) == ["The translation is marked ready; publish the page to show it."]
    live = Page.objects.get(pk=not_yet_ready.pk).specific
    assert not live.translation_ready and live.publication_date.year != 2020
    assert latest(live).translation_ready and latest(live).publication_date.year == 2020


def test_a_stale_translation_cannot_be_marked_ready(admin_client, not_yet_ready):
    edit(not_yet_ready, dek_en="A new English dek.")
    response = admin_client.post(review_url(not_yet_ready), {"action": "mark_ready"}, follow=True)
    assert messages_of(response) == ["Only an up-to-date, reviewed translation can be marked ready."]
    assert not latest(not_yet_ready).translation_ready


def test_translating_one_part_of_a_new_quotation_leaves_its_other_parts_blank(admin_client, long_article):
    """The new Spanish block is a copy of the English one with every text emptied but the one translated."""
    draft = latest(long_article)
    quote = {
        "type": "quote",
        "value": {"text": "The canal is dry.", "attribution": "A farmer"},
        "id": str(uuid.uuid4()),
    }
    draft.body_en = [*draft.body_en.raw_data, quote]
    draft.save_revision()
    key = next(segment.key for segment in page_status(long_article, "es").segments if segment.key.endswith("text"))
    admin_client.post(review_url(long_article), {"action": f"save_segment:{key}", key: "El canal está seco."})
    spanish = stream_raw(latest(long_article).body_es)
    assert spanish[-1]["type"] == "quote" and spanish[-1]["value"] == {"text": "El canal está seco.", "attribution": ""}
