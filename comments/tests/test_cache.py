"""Comment pages with a reader's text are never cached; feeds are public."""

import pytest
from django.core.cache import cache

from .conftest import add_comment, comments_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def test_reply_and_report_pages_are_private_and_never_stored(client, article):
    comment = add_comment(article, "A first comment", name="Ana")
    for url in [f"/comments/reply/{comment.pk}/", comments_url("report", comment.pk, "es")]:
        for _attempt in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url
            assert "public" not in response["Cache-Control"]
            assert response.get("X-Page-Cache") != "hit"


def test_comment_feeds_are_cached_in_both_languages(client, article):
    add_comment(article, "A first comment", name="Ana")
    for url in [f"/comments/feed/{article.pk}/", comments_url("feed", article.pk, "es")]:
        client.get(url)
        response = client.get(url)
        assert response.get("X-Page-Cache") == "hit", url
        assert "s-maxage" in response["Cache-Control"]
