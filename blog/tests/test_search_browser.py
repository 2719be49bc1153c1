"""A reader without JavaScript searches from the header and narrows the results."""

import pytest

from conftest import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_header_search_works_without_javascript(browser, live_server, blog_index, author, water_tag):
    make_article(
        blog_index,
        en={"title": "A murder on the bridge", "slug": "murder", "body": ["The murder of a trucker."]},
        es={"title": "Un asesinato en el puente", "slug": "asesinato", "body": ["El asesinato de un trailero."]},
        authors=[author],
        tags=[water_tag],
    )
    make_article(blog_index, es={"title": "Otro asesinato", "slug": "otro", "body": ["Texto."]}, original="es")
    context = browser.new_context(java_script_enabled=False, locale="es-MX", viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/es/")
        page.fill("#search-box-q", "asesinato")
        page.press("#search-box-q", "Enter")
        page.wait_for_url("**/es/buscar/?q=asesinato")
        titles = page.locator(".search-hit__title").all_inner_texts()
        assert sorted(titles) == ["Otro asesinato", "Un asesinato en el puente"]
        assert page.locator(".search-hit__excerpt mark").first.inner_text().lower() == "asesinato"
        page.select_option("#search-tag", "agua")
        page.click(".search-form button[type=submit]")
        page.wait_for_url("**/es/buscar/?q=asesinato&tag=agua*")
        assert page.locator(".search-hit__title").all_inner_texts() == ["Un asesinato en el puente"]
        page.click(".search-hit__title a")
        assert page.url.endswith("/es/historias/asesinato/")
    finally:
        context.close()
