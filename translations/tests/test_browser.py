"""An editor changes English text; the translator finds it in the report and brings Spanish up to date."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from core.bilingual import page_url_in
from translations.models import Status
from translations.status import page_status

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

    # The translator translates it there, from the keyboard, without a page reload.
    translate_in_side_by_side(page, rows.first, "Los precios subieron. Otra vez.")
    assert page_status(long_article, "es").status == Status.UP_TO_DATE
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[1]["value"] == "<p>Los precios subieron. Otra vez.</p>"
    page.goto(f"{live_server.url}/admin/pages/{long_article.get_parent().pk}/")
    badge = page.locator(f"[data-translation-status][data-language=es][href*='/page/{long_article.pk}/']").first
    assert badge.get_attribute("data-translation-status") == "up_to_date"


def translate_in_side_by_side(page, row, text):
    """Type ``text`` into a row of the side-by-side editor and save it with Ctrl+Enter."""
    page.evaluate("() => { window.trStillHere = true; }")
    area = row.locator("textarea")
    area.fill(text)
    area.press("Control+Enter")
    page.wait_for_function("(row) => row.dataset.status === 'up_to_date'", arg=row.element_handle())
    assert row.locator("[data-segment-status]").text_content() == "Up to date"
    assert page.locator("[data-translation-status]").first.get_attribute("data-translation-status") == "up_to_date"
    assert page.evaluate("() => window.trStillHere === true")  # saved without a page reload


def test_editor_publish_never_shows_machine_text_to_readers(live_server, browser_page, settings, untranslated_article):
    """A plain Publish keeps machine text unreviewed; ticking "ready" with it is refused with a reason."""
    from translations.status import SEGMENT_MACHINE
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


def test_bulk_publish_from_the_listing_never_hides_a_live_translation(live_server, browser_page, translated_article):
    """The editor ticks an article whose ready translation got a copied paragraph, and bulk-publishes: refused."""
    from translations.actions import copy_source_into_empty

    draft = Page.objects.get(pk=translated_article.pk).specific.get_latest_revision_as_object()
    draft.body_en = [*draft.body_en.raw_data, {"type": "paragraph", "value": "<p>The river is gone.</p>"}]
    draft.save_revision()
    assert copy_source_into_empty(translated_article, "es") == 1
    page = browser_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{translated_article.get_parent().pk}/")
    page.locator(f"input[data-bulk-action-checkbox][data-object-id='{translated_article.pk}']").check()
    page.get_by_role("link", name="Publish selected pages", exact=True).click()
    page.get_by_role("button", name="Yes, publish").click()
    page.wait_for_load_state("networkidle")
    assert "Nothing was published: “The dry canal” holds machine drafts" in page.content()
    article = Page.objects.get(pk=translated_article.pk).specific
    assert article.translation_ready and article.has_unpublished_changes
    response = page.context.request.get(live_server.url + page_url_in(article, "es"))
    assert "El canal está seco." in response.text() and "The river is gone." not in response.text()


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

    # Translated there, into English; the listing badge follows.
    translate_in_side_by_side(page, page.locator("tr[data-segment]").first, "It has many listeners.")
    assert page_status(article, "en").status == Status.UP_TO_DATE
    page.goto(f"{live_server.url}/admin/pages/{blog_index.pk}/")
    badge = page.locator(f"[data-translation-status][data-language=en][href*='/page/{article.pk}/']").first
    assert badge.get_attribute("data-translation-status") == "up_to_date"


def test_side_by_side_keyboard_moves_between_segments_and_wraps_placeholders(live_server, browser_page, long_article):
    """Alt+Arrow keys move from segment to segment; a placeholder button wraps the selected words."""
    from .conftest import edit

    edit(long_article, "en", 0, "<p>The wells are <b>all</b> private.</p>")
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    page = browser_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/translations/page/{long_article.pk}/es/")
    rows = page.locator("tr[data-segment]")
    assert rows.count() == 2
    first, second = rows.nth(0).locator("textarea"), rows.nth(1).locator("textarea")
    first.focus()
    page.keyboard.press("Alt+ArrowDown")
    assert second.evaluate("(area) => area === document.activeElement")
    page.keyboard.press("Alt+ArrowUp")
    assert first.evaluate("(area) => area === document.activeElement")

    first.fill("Todos los pozos son privados.")
    first.evaluate("(area) => area.setSelectionRange(10, 15)")  # "pozos"
    rows.nth(0).locator("button.tr-chip").first.click()
    assert first.input_value() == "Todos los {1}pozos{/1} son privados."
    first.press("Control+Enter")
    page.wait_for_function("(row) => row.dataset.status === 'up_to_date'", arg=rows.nth(0).element_handle())
    # Saving moved the cursor on to the next segment.
    assert second.evaluate("(area) => area === document.activeElement")
    draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
    assert draft.body_es.raw_data[0]["value"] == "<p>Todos los <b>pozos</b> son privados.</p>"
    assert page_status(long_article, "es").status == Status.STALE  # the second segment still waits


def test_an_author_biography_edited_in_the_snippet_editor_is_stale_until_its_spanish_is_edited(
    live_server, browser_page, author
):
    """Snippets are tracked through the real admin: the report shows the biography stale, then up to date."""
    from translations.status import snippet_statuses

    page = browser_page
    log_in(page, live_server)
    edit_url = f"{live_server.url}/admin/snippets/blog/author/edit/{author.pk}/"
    page.goto(edit_url)
    page.fill("#id_bio_en", "A reporter on the border.")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/admin/snippets/blog/author/")
    author.refresh_from_db()
    assert [row.status for row in snippet_statuses([author])] == [Status.STALE]

    page.goto(live_server.url + "/admin/translations/?page_type=blog.author")
    row = page.locator("tr", has_text="Ana Sombra")
    assert "Stale" in row.text_content()
    row.get_by_role("link", name="Ana Sombra").click()
    page.wait_for_url(edit_url)
    page.locator(".locale-picker button.locale-toggle", has_text="es").click()  # show the Spanish fields
    page.fill("#id_bio_es", "Una reportera de la frontera.")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/admin/snippets/blog/author/")
    author.refresh_from_db()
    assert author.bio_es == "Una reportera de la frontera."
    assert [row.status for row in snippet_statuses([author])] == [Status.UP_TO_DATE]


def test_side_by_side_saves_one_segment_with_javascript_off(live_server, browser, long_article):
    """Without its script the editor is a plain form: a segment's Save posts and saves that segment only."""
    from .conftest import edit

    edit(long_article, "en", 0, "<p>The wells are <b>all</b> private.</p>")
    edit(long_article, "en", 1, "<p>Prices doubled.</p>")
    context = browser.new_context(locale="en-US", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, live_server)
        page.goto(f"{live_server.url}/admin/translations/page/{long_article.pk}/es/")
        rows = page.locator("tr[data-segment]")
        rows.nth(0).locator("textarea").fill("Todos los {1}pozos{/1} son privados.")
        rows.nth(1).locator("textarea").fill("Se duplicaron.")
        rows.nth(1).locator("[data-tr-save]").click()
        page.wait_for_load_state("load")
        assert "Segment saved" in page.content()
        assert page.locator("tr[data-segment]").count() == 1  # only the first still needs work
        draft = Page.objects.get(pk=long_article.pk).specific.get_latest_revision_as_object()
        assert draft.body_es.raw_data[1]["value"] == "<p>Se duplicaron.</p>"
        assert draft.body_es.raw_data[0]["value"] == "<p>Los pozos son <b>privados</b>.</p>"
    finally:
        context.close()
