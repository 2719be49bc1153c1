"""A page cached for one reader is a working page for the next one.

The article's HTML, comment form included, is the same for every anonymous
reader, so the page cache (or a CDN) hands one reader's copy to another.
The form in that copy must still post: no cookie, no per-visitor token.
"""

import pytest
from django.core.cache import cache

from comments.models import Comment
from core.templatetags.bilingual_tags import page_url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Served from the cache, and it still posts."),
        ("es", "La página llegó desde la caché y el formulario sigue funcionando."),
    ],
)
def test_a_form_served_from_the_cache_to_another_browser_posts(
    live_server, browser, translated_article, page_cache_on, language, text
):
    url = live_server.url + page_url_in(translated_article, language)
    first = browser.new_context(locale="en-US")
    first_response = first.new_page().goto(url)
    assert first_response.headers.get("x-page-cache") == "miss"
    assert first.cookies() == []
    first.close()

    second = browser.new_context(locale="es-MX")
    page = second.new_page()
    response = page.goto(url)
    assert response.headers.get("x-page-cache") == "hit"
    page.fill("#id_name", "Lectora de Nogales")
    page.fill("#id_body", text)
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state()
    assert text in page.content()
    comment = Comment.objects.get()
    assert (comment.body, comment.status, comment.article_id) == (
        text,
        Comment.Status.PENDING,
        translated_article.pk,
    )
    assert comment.language == language
    assert second.cookies() == []
    second.close()
