"""An editor changes English text; the translator finds it in the report and brings Spanish up to date."""

import pytest
from django.contrib.auth import get_user_model

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
