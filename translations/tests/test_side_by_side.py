"""The side-by-side editor: one segment saved at a time, with or without its script; suggestions never saved."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision

from translations.forms import editable_text
from translations.models import Status
from translations.status import page_status

from .conftest import edit

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def two_stale(long_article):
    """The long article with its first and second English paragraphs changed since translation."""
    edit(long_article, "en", 0, "<p>The wells are <b>all</b> private.</p>")
    return edit(long_article, "en", 1, "<p>Prices doubled.</p>")


def keys_of(page):
    return [segment.key for segment in page_status(page, "es").changed_segments()]


def test_a_segment_save_without_script_saves_only_that_segment(admin_client, two_stale):
    """A segment's own Save button posts the whole form; only its segment is written and confirmed."""
    first, second = keys_of(two_stale)
    url = reverse("translations_admin:page", args=[two_stale.pk, "es"])
    response = admin_client.post(
        url,
        {"action": f"save_segment:{second}", first: "Todos los {1}pozos{/1}.", second: "Los precios se duplicaron."},
    )
    assert response.status_code == 302 and response.url == url
    assert keys_of(two_stale) == [first]
    draft = Page.objects.get(pk=two_stale.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios se duplicaron.</p>"
    assert draft.body_es.raw_data[0]["value"] == "<p>Los pozos son <b>privados</b>.</p>"


def test_a_segment_save_from_the_script_answers_with_the_new_state(admin_client, two_stale):
    """The script gets the segment's and the page's new status and how many segments remain."""
    first, second = keys_of(two_stale)
    url = reverse("translations_admin:page", args=[two_stale.pk, "es"])
    answer = admin_client.post(url, {"action": f"save_segment:{first}", first: "Todos los {1}pozos{/1}."}, **JSON)
    assert answer.status_code == 200
    data = answer.json()
    assert data["ok"] and data["status"] == "up_to_date" and data["remaining"] == 1 and data["page_status"] == "stale"
    draft = Page.objects.get(pk=two_stale.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[0]["value"] == "<p>Todos los <b>pozos</b>.</p>"
    data = admin_client.post(url, {"action": f"save_segment:{second}", second: "Se duplicaron."}, **JSON).json()
    assert data["page_status"] == Status.UP_TO_DATE and data["remaining"] == 0


def test_a_segments_own_save_confirms_its_translation_as_it_stands(admin_client, two_stale):
    """The source changed but the Spanish still holds: the translator presses that segment's Save, nothing else."""
    first, second = keys_of(two_stale)
    as_shown = {segment.key: editable_text(segment) for segment in page_status(two_stale, "es").changed_segments()}
    url = reverse("translations_admin:page", args=[two_stale.pk, "es"])
    admin_client.post(url, {"action": f"save_segment:{second}", **as_shown})
    assert keys_of(two_stale) == [first]
    admin_client.post(url, {"action": "save", **as_shown})  # the whole form, unedited: confirms nothing
    assert keys_of(two_stale) == [first]


def test_a_segment_with_a_placeholder_left_out_is_refused_with_nothing_written(admin_client, two_stale):
    first, _second = keys_of(two_stale)
    revisions = Revision.objects.count()
    url = reverse("translations_admin:page", args=[two_stale.pk, "es"])
    answer = admin_client.post(url, {"action": f"save_segment:{first}", first: "Todos los pozos."}, **JSON)
    assert answer.status_code == 400 and "{1}" in answer.json()["errors"][0]
    response = admin_client.post(url, {"action": f"save_segment:{first}", first: "Todos los pozos."})
    assert response.status_code == 400 and "Todos los pozos." in response.content.decode()
    assert Revision.objects.count() == revisions
    assert len(keys_of(two_stale)) == 2


def test_a_machine_suggestion_uses_placeholders_and_saves_nothing(admin_client, settings, two_stale):
    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    first, _second = keys_of(two_stale)
    revisions = Revision.objects.count()
    url = reverse("translations_admin:page", args=[two_stale.pk, "es"])
    data = admin_client.post(url, {"action": f"suggest:{first}", first: ""}, **JSON).json()
    assert data == {"ok": True, "suggestion": "[es] The wells are {1}all{/1}[es] private."}
    response = admin_client.post(url, {"action": f"suggest:{first}", first: "a medias"})
    content = response.content.decode()
    assert (
        "Machine suggestion:" in content
        and "{1}all{/1}[es] private." in content
        and ">\na medias</textarea>" in content
    )
    assert Revision.objects.count() == revisions


def test_the_editor_shows_keyboard_help_placeholder_buttons_and_no_markup(admin_client, two_stale):
    content = admin_client.get(reverse("translations_admin:page", args=[two_stale.pk, "es"])).content.decode()
    assert "<kbd>Ctrl</kbd>+<kbd>Enter</kbd>" in content
    assert 'data-open="{1}" data-close="{/1}"' in content
    assert "side_by_side.js" in content
    assert "data-block-key" not in content
    assert content.count("data-tr-save>") == 2
