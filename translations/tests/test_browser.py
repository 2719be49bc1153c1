"""An editor changes English text; the translator finds it in the report and brings Spanish up to date."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from core.bilingual import page_url_in
from translations.models import Status
from translations.sync import page_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_editor_to_translator_flow(live_server, browser_page, translated_article):
    get_user_model().objects.create_superuser("editor", "editor@frontera.invalid", "correct horse battery")
    page = browser_page
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    # The editor changes the English standfirst and saves a draft.
    page.goto(f"{live_server.url}/admin/pages/{translated_article.pk}/edit/")
    page.fill("#id_dek_en", "Farmers still wait for water.")
    page.get_by_role("button", name="Save draft").first.click()
    page.wait_for_load_state("networkidle")
    assert page_status(translated_article, "es").status == Status.STALE

    # The translator opens the report, finds the stale article and opens the diff.
    page.goto(live_server.url + "/admin/translations/?status=stale")
    page.get_by_role("link", name="The dry canal").click()
    page.wait_for_url(f"**/admin/translations/page/{translated_article.pk}/es/")
    row = page.locator("tr[data-segment=dek]")
    assert "still" in row.locator(".tr-now ins").first.inner_text()
    assert page.locator("tr[data-segment]").count() == 1

    row.locator("textarea").fill("Los campesinos siguen esperando el agua.")
    page.get_by_role("button", name="Save translation").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-translation-status]").first.get_attribute("data-translation-status") == "up_to_date"
    assert page_status(translated_article, "es").status == Status.UP_TO_DATE


def log_in(page, live_server):
    get_user_model().objects.create_superuser("editor", "editor@frontera.invalid", "correct horse battery")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def publish(page):
    """Publish from the editor's footer (the action menu's dropdown)."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").first.click()
    page.wait_for_load_state("networkidle")


def test_editor_publish_of_a_seeded_article_stales_only_the_edited_paragraph(live_server, browser_page, long_article):
    """Draftail's block keys are no change; typing into one English paragraph stales exactly its Spanish."""
    page = browser_page
    log_in(page, live_server)
    edit_url = f"{live_server.url}/admin/pages/{long_article.pk}/edit/"

    # A page never opened in the editor, published with no change: nothing changes.
    page.goto(edit_url)
    publish(page)
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert 'data-block-key="' in draft.body_es.raw_data[0]["value"]
    status = page_status(long_article, "es")
    assert status.status == Status.UP_TO_DATE, [s.key for s in status.changed_segments()]

    # The editor types into the second English paragraph and publishes.
    page.goto(edit_url)
    paragraph = page.locator("[data-contentpath=body_en] .public-DraftEditor-content").nth(1)
    paragraph.click()
    page.keyboard.press("End")
    page.keyboard.type(" Again.")
    # Draftail copies its state into the form's hidden input a moment after typing.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')].some((i) => i.value.includes('Again.'))"
    )
    publish(page)
    status = page_status(long_article, "es")
    assert status.status == Status.STALE
    changed = status.changed_segments()
    assert len(changed) == 1 and "Prices rose. Again." in changed[0].source.text
    assert changed[0].target.text.endswith("Los precios subieron.</p>")

    # The listing badge and the review screen say so.
    page.goto(f"{live_server.url}/admin/pages/{long_article.get_parent().pk}/")
    badge = page.locator(f"[data-translation-status][data-language=es][href*='/page/{long_article.pk}/']").first
    assert badge.get_attribute("data-translation-status") == "stale"
    page.goto(f"{live_server.url}/admin/translations/page/{long_article.pk}/es/")
    rows = page.locator("tr[data-segment]")
    assert rows.count() == 1
    assert "Again." in rows.first.locator(".tr-now ins").inner_text()
    assert "data-block-key" not in page.content()


def test_editor_publish_never_shows_machine_text_to_readers(live_server, browser_page, settings, untranslated_article):
    """A plain Publish keeps machine text unreviewed; ticking "ready" with it is refused with a reason."""
    from translations.sync import SEGMENT_MACHINE
    from translations.tasks import machine_draft

    settings.TRANSLATIONS_MACHINE_BACKENDS = {"dummy": {"BACKEND": "translations.machine.DummyTranslator"}}
    machine_draft(untranslated_article, "es", "dummy")
    page = browser_page
    log_in(page, live_server)
    edit_url = f"{live_server.url}/admin/pages/{untranslated_article.pk}/edit/"

    page.goto(edit_url)
    publish(page)
    status = page_status(untranslated_article, "es")
    assert status.status == Status.MACHINE
    assert len([s for s in status.segments if s.status == SEGMENT_MACHINE]) == 2

    page.goto(edit_url)
    page.check("#id_translation_ready")
    publish(page)
    assert "machine drafts nobody has reviewed" in page.content()
    article = Page.objects.get(pk=untranslated_article.pk).specific
    assert article.translation_ready is False
    response = page.context.request.get(live_server.url + page_url_in(article, "es"))
    assert response.ok and "Trucks wait all night." in response.text() and "[es]" not in response.text()


def test_a_spanish_original_opens_on_its_spanish_fields(live_server, browser_page, spanish_original_article):
    """The language picker starts on the page's original language, not on English."""
    page = browser_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{spanish_original_article.pk}/edit/")
    page.wait_for_selector(".locale-picker")
    assert page.locator("#id_title_es").is_visible()
    assert not page.locator("#id_title_en").is_visible()
    # The English translation's status shows as a badge in the header, not only in its "…" menu.
    badge = page.locator("header [data-translation-badge=en]")
    badge.wait_for()
    assert badge.is_visible() and badge.text_content() == "English: Missing"


def test_spanish_original_edited_in_the_editor_stales_only_that_english_paragraph(
    live_server, browser_page, blog_index, author
):
    """The same as for an English original, the other way round."""
    from conftest import make_article

    article = make_article(
        blog_index,
        es={"title": "La radio", "slug": "la-radio", "body": ["Sigue al aire.", "Tiene oyentes."]},
        en={"title": "The radio", "slug": "the-radio", "body": ["It stays on air.", "It has listeners."]},
        original="es",
        authors=[author],
    )
    page = browser_page
    log_in(page, live_server)
    edit_url = f"{live_server.url}/admin/pages/{article.pk}/edit/"
    page.goto(edit_url)
    publish(page)
    assert page_status(article, "en").status == Status.UP_TO_DATE

    page.goto(edit_url)
    paragraph = page.locator("[data-contentpath=body_es] .public-DraftEditor-content").nth(1)
    paragraph.click()
    page.keyboard.press("End")
    page.keyboard.type(" Muchos.")
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')].some((i) => i.value.includes('Muchos.'))"
    )
    publish(page)
    status = page_status(article, "en")
    assert status.status == Status.STALE
    assert [segment.target.text.endswith("It has listeners.</p>") for segment in status.changed_segments()] == [True]
    page.goto(f"{live_server.url}/admin/translations/page/{article.pk}/en/")
    assert page.locator("tr[data-segment]").count() == 1
