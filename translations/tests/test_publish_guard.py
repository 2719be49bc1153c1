"""Unreviewed machine text never reaches readers, whichever way a page is published."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core.bilingual import page_url_in
from translations import memory
from translations.actions import copy_source_into_empty, mark_up_to_date
from translations.forms import editable_text
from translations.models import Status, TranslationState
from translations.status import SEGMENT_MACHINE, page_status
from translations.tasks import machine_draft

from .conftest import edit
from .test_sync import draftail_save


@pytest.fixture
def machine_ready_draft(settings, untranslated_article):
    """A machine draft of the Spanish text, with "translation ready" ticked in the draft."""
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    machine_draft(untranslated_article, "es", "dummy")
    draft = Page.objects.get(pk=untranslated_article.pk).specific.get_latest_revision_as_object()
    draft.translation_ready = True
    revision = draft.save_revision()
    assert page_status(untranslated_article, "es").status == Status.MACHINE
    return revision


def assert_readers_never_see_machine_text(client, page):
    page = Page.objects.get(pk=page.pk).specific
    assert page.live
    assert page.translation_ready is False
    assert page.available_languages() == ["en"]
    response = client.get(page_url_in(page, "es"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Trucks wait all night." in content
    assert "[es]" not in content


def test_publish_in_code_keeps_machine_text_from_readers(client, machine_ready_draft):
    machine_ready_draft.publish()
    assert_readers_never_see_machine_text(client, machine_ready_draft.content_object)


def bulk_publish(admin_client, *pages, include_descendants=False):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    ids = "&".join(f"id={page.pk}" for page in pages)
    data = {"include_descendants": "on"} if include_descendants else {}
    response = admin_client.post(f"{url}?{ids}&next=/admin/pages/", data, follow=True)
    return response, [str(message) for message in response.context["messages"]]


def test_bulk_publish_from_the_listing_is_refused_over_unreviewed_machine_text(
    admin_client, client, machine_ready_draft, untranslated_article, translated_article
):
    """Of two ticked pages, one holds machine text in a translation marked ready: neither is published."""
    edit(translated_article, title_en="The dry canal, a year on")
    response, messages = bulk_publish(admin_client, untranslated_article, translated_article)
    assert response.redirect_chain[-1][0] == "/admin/pages/"
    assert messages == [
        "Nothing was published: “Night shift at the bridge” holds machine drafts nobody has reviewed, which "
        "readers would see. Review them (or untick “translation ready”), then publish again."
    ]
    for page in (untranslated_article, translated_article):
        assert Page.objects.get(pk=page.pk).specific.has_unpublished_changes
    live = Page.objects.get(pk=untranslated_article.pk).specific
    assert live.translation_ready is False and "[es]" not in client.get(page_url_in(live, "es")).content.decode()


def test_a_machine_draft_not_marked_ready_does_not_hold_back_publishing(
    admin_client, client, settings, untranslated_article
):
    """Readers see a translation only once it is marked ready, so an unready machine draft is no reason to refuse."""
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    machine_draft(untranslated_article, "es", "dummy")
    assert Page.objects.get(pk=untranslated_article.pk).has_unpublished_changes
    _response, messages = bulk_publish(admin_client, untranslated_article)
    assert not any("Nothing was published" in message for message in messages)
    assert not Page.objects.get(pk=untranslated_article.pk).has_unpublished_changes
    assert_readers_never_see_machine_text(client, untranslated_article)


def test_bulk_publish_never_hides_a_translation_readers_were_reading(admin_client, client, translated_article):
    """A paragraph copied from the source into a live, ready translation: publishing it would hide the Spanish."""
    draft = Page.objects.get(pk=translated_article.pk).specific.get_latest_revision_as_object()
    draft.body_en = [*draft.body_en.raw_data, {"type": "paragraph", "value": "<p>The river is gone.</p>"}]
    draft.save_revision()
    assert copy_source_into_empty(translated_article, "es") == 1
    _response, messages = bulk_publish(admin_client, translated_article)
    assert messages[0].startswith("Nothing was published: “The dry canal” holds machine drafts")
    spanish = client.get(page_url_in(translated_article, "es")).content.decode()
    assert "El canal está seco." in spanish and "aún no se ha traducido" not in spanish


def test_a_page_without_readiness_is_never_published_with_machine_text(admin_client, client, settings, home_page):
    """The home page shows whatever tagline it has: a machine-drafted Spanish one waits for review."""
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    draft = Page.objects.get(pk=home_page.pk).specific.get_latest_revision_as_object()
    draft.tagline_en, draft.tagline_es = "Independent news from the border.", ""
    draft.save_revision().publish()
    assert machine_draft(home_page, "es", "dummy") == 2  # its title and tagline
    _response, messages = bulk_publish(admin_client, home_page)
    assert messages[0].startswith("Nothing was published: “")
    assert post_review_form(admin_client, home_page, "save_publish", {"title": "Portada"}) == [
        "Saved, but not published: the Spanish text has machine drafts nobody has reviewed. "
        "Review or approve them below, then publish."
    ]
    assert "[es]" not in client.get("/es/").content.decode()


def test_bulk_publish_with_descendants_is_refused_over_a_child_with_machine_text(
    admin_client, machine_ready_draft, untranslated_article, blog_index
):
    """The editor ticks Stories and "include descendants": the unpublished child holds a machine draft marked ready."""
    Page.objects.get(pk=untranslated_article.pk).specific.unpublish()
    _response, messages = bulk_publish(admin_client, blog_index, include_descendants=True)
    assert messages[0].startswith("Nothing was published: “Night shift at the bridge” holds machine drafts")
    child = Page.objects.get(pk=untranslated_article.pk).specific
    assert not child.live and child.get_latest_revision_as_object().translation_ready


def test_bulk_publish_of_reviewed_pages_goes_ahead(admin_client, translated_article):
    edit(translated_article, title_en="The dry canal, a year on")
    _response, messages = bulk_publish(admin_client, translated_article)
    assert [message.strip() for message in messages] == ["1 page has been published"]
    assert Page.objects.get(pk=translated_article.pk).specific.title_en == "The dry canal, a year on"


def test_scheduled_publishing_keeps_machine_text_from_readers(client, machine_ready_draft, untranslated_article):
    machine_ready_draft.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    machine_ready_draft.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    page = Page.objects.get(pk=untranslated_article.pk).specific
    assert page.live_revision_id == machine_ready_draft.pk
    assert_readers_never_see_machine_text(client, untranslated_article)


def test_orm_save_keeps_machine_text_from_readers(client, machine_ready_draft):
    page = machine_ready_draft.as_object()
    page.save()
    assert_readers_never_see_machine_text(client, page)


def post_review_form(admin_client, page, action, edits):
    """The review page's whole form, sent with every shown segment as it is, plus ``edits``."""
    shown = {segment.key: editable_text(segment) for segment in page_status(page, "es").changed_segments()}
    url = reverse("translations_admin:page", args=[page.pk, "es"])
    response = admin_client.post(url, {"action": action, **shown, **edits}, follow=True)
    return [str(message) for message in response.context["messages"]]


def machine_keys(page):
    return {segment.key for segment in page_status(page, "es").segments if segment.status == SEGMENT_MACHINE}


def test_saving_the_whole_review_form_unedited_confirms_no_machine_draft(admin_client, machine_ready_draft):
    page = machine_ready_draft.content_object
    drafted = machine_keys(page)
    assert len(drafted) >= 2
    assert post_review_form(admin_client, page, "save", {}) == ["Nothing to save."]
    assert machine_keys(page) == drafted


def test_save_and_publish_keeps_unreviewed_machine_text_from_readers(admin_client, client, machine_ready_draft):
    """The translator rewrites the title only: it is saved, but the page waits, its other machine text unread."""
    page = machine_ready_draft.content_object
    drafted = machine_keys(page)
    messages = post_review_form(admin_client, page, "save_publish", {"title": "Turno de noche en el puente"})
    assert messages == [
        "Saved, but not published: the Spanish text has machine drafts nobody has reviewed. "
        "Review or approve them below, then publish."
    ]
    assert machine_keys(page) == drafted - {"title"}
    live = Page.objects.get(pk=page.pk).specific
    assert (
        live.has_unpublished_changes and live.get_latest_revision_as_object().title_es == "Turno de noche en el puente"
    )
    assert "[es]" not in client.get(page_url_in(live, "es")).content.decode()


def test_reviewed_text_is_published_ready(client, machine_ready_draft, untranslated_article):
    """The guard holds back only machine text: once a person reviews it, the translation goes live."""
    page = edit(untranslated_article, title_es="Turno de noche")
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    body = draft.body_es.raw_data
    body[0]["value"] = "<p>Los camiones esperan toda la noche.</p>"
    draft.body_es = body
    draft.save_revision().publish()
    page = Page.objects.get(pk=page.pk).specific
    assert page.translation_ready is True
    assert "Los camiones esperan" in client.get(page_url_in(page, "es")).content.decode()


def test_an_editor_save_does_not_rekey_machine_text_as_reviewed(machine_ready_draft, untranslated_article):
    draftail_save(Page.objects.get(pk=untranslated_article.pk).specific)
    status = page_status(untranslated_article, "es")
    assert [s.key for s in status.segments if s.status == SEGMENT_MACHINE]
    assert status.status == Status.MACHINE


def test_mark_up_to_date_leaves_machine_segments_unreviewed(admin_client, machine_ready_draft, untranslated_article):
    url = reverse("translations_admin:page", args=[untranslated_article.pk, "es"])
    response = admin_client.post(url, {"action": "mark_up_to_date"}, follow=True)
    assert "except 2 machine-drafted segments" in response.content.decode()
    assert page_status(untranslated_article, "es").status == Status.MACHINE
    assert memory.exact_match("en", "es", "<p>Trucks wait all night.</p>") is None
    # Marking ready is still refused.
    admin_client.post(url, {"action": "mark_ready"})
    assert Page.objects.get(pk=untranslated_article.pk).specific.translation_ready is False


def test_approving_machine_segments_needs_the_count_and_the_tick(
    admin_client, admin_user, machine_ready_draft, untranslated_article
):
    url = reverse("translations_admin:page", args=[untranslated_article.pk, "es"])
    content = admin_client.get(url).content.decode()
    assert "Approve 2 machine-drafted segments as reviewed" in content
    admin_client.post(url, {"action": "approve_machine", "machine_count": "2"})
    admin_client.post(url, {"action": "approve_machine", "machine_count": "1", "read_machine": "1"})
    assert page_status(untranslated_article, "es").status == Status.MACHINE
    admin_client.post(url, {"action": "approve_machine", "machine_count": "2", "read_machine": "1"})
    assert page_status(untranslated_article, "es").status == Status.UP_TO_DATE
    # The approval is the reviewer's confirmation, named on the review page.
    assert TranslationState.objects.get(page_id=untranslated_article.pk, language="es").confirmed_by == admin_user
    # Approved machine output is not taught to the translation memory.
    assert memory.exact_match("en", "es", "<p>Trucks wait all night.</p>") is None


def test_memory_learns_from_text_a_person_wrote(machine_ready_draft, untranslated_article):
    edit(untranslated_article, title_es="Turno de noche")
    assert memory.exact_match("en", "es", "Night shift at the bridge") == "Turno de noche"
    mark_up_to_date(untranslated_article, "es")
    assert memory.exact_match("en", "es", "<p>Trucks wait all night.</p>") is None
