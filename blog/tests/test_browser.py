"""A reader in Chromium switches language and reads the Spanish article."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_switches_to_spanish_and_reads_the_article(live_server, browser_page, translated_article):
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Español").click()
    page.wait_for_url(live_server.url + "/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("link", name="El canal seco").first.click()
    page.wait_for_url(live_server.url + "/es/historias/el-canal-seco/")
    assert page.locator("h1").inner_text() == "El canal seco"
    assert "El canal está seco." in page.locator(".article__body").inner_text()
    # The switcher leads back to the same story in English.
    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + "/stories/the-dry-canal/")
    assert page.locator("h1").inner_text() == "The dry canal"


def test_untranslated_story_is_marked_in_the_browser(live_server, browser_page, untranslated_article):
    page = browser_page
    page.goto(live_server.url + "/es/historias/night-shift/")
    assert "aún no se ha traducido" in page.locator(".notice").inner_text()
    assert page.locator("h1").get_attribute("lang") == "en"


def test_public_pages_load_nothing_from_other_origins(live_server, browser_page, translated_article, water_tag):
    """Fonts, styles, scripts and images all come from the site itself."""
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/es/", "/stories/the-dry-canal/", "/es/historias/", "/es/historias/etiqueta/agua/"]:
        browser_page.goto(live_server.url + path)
        browser_page.wait_for_load_state("networkidle")
    assert requested
    foreign = [url for url in requested if not url.startswith(live_server.url)]
    assert foreign == []
