"""The rendered thread kept in the shared cache between changes (comments/cache.py).

With the page cache off, so every request renders the article: what readers
see must be what the database says the moment a change commits.
"""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.cache import forget_streams, kept_rendering
from comments.models import Comment
from core.pagecache import page_cache_seconds

from .conftest import add_comment, site_comment_settings

pytestmark = pytest.mark.django_db

ENGLISH = "/stories/the-dry-canal/"
SPANISH = "/es/historias/el-canal-seco/"


@pytest.fixture(autouse=True)
def shared_cache(settings):
    """The production set-up: a cache every app server shares, page cache off."""
    settings.CACHE_IS_SHARED = True
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
    yield
    cache.clear()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def comment_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [query["sql"] for query in queries if "comments_comment" in query["sql"]]


def test_a_kept_thread_is_read_without_a_comment_query(client, article):
    """The second render of an article's thread reads no comment from the database."""
    add_comment(article, "The gates were shut on Monday.", name="Ana")
    assert comment_queries(client, ENGLISH)
    assert comment_queries(client, ENGLISH) == []
    assert "The gates were shut on Monday." in page(client, ENGLISH)


def test_each_language_keeps_its_own_thread(client, article):
    """The kept English thread is never shown on the Spanish page, nor the reverse."""
    add_comment(article, "Las compuertas cerraron.", name="Ana", language="es")
    add_comment(article, "A second one.", name="Bo")
    english = page(client, ENGLISH)
    spanish = page(client, SPANISH)
    assert "2 comments" in english and "2 comentarios" not in english
    assert "2 comentarios" in spanish and "2 comments" not in spanish
    # The comment in the page's own language carries no lang attribute.
    assert '<div class="comment__body" lang="es">' in english
    assert '<div class="comment__body" lang="en">' in spanish


def test_an_approved_comment_appears_at_once_in_both_languages(
    moderator_client, article, django_capture_on_commit_callbacks
):
    """Approving a comment in the admin shows it on the next render of either page."""
    reader = Client()
    add_comment(article, "First.", name="Ana")
    waiting = add_comment(article, "Held for review, then approved.", name="Bo", status=Comment.Status.PENDING)
    for url in (ENGLISH, SPANISH):
        assert "Held for review" not in page(reader, url)
        assert "Held for review" not in page(reader, url)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post("/admin/comments/bulk/", {"action": "approve", "comment": [waiting.pk]})
    assert "Held for review, then approved." in page(reader, ENGLISH)
    assert "Held for review, then approved." in page(reader, SPANISH)


def test_a_rejected_comment_disappears_at_once(moderator_client, article, django_capture_on_commit_callbacks):
    """Rejecting a published comment removes it, and its replies, from the kept thread."""
    reader = Client()
    shown = add_comment(article, "Soon to be rejected.", name="Ana")
    add_comment(article, "A reply to it.", parent=shown, name="Bo")
    assert "A reply to it." in page(reader, SPANISH)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post("/admin/comments/bulk/", {"single": f"reject:{shown.pk}"})
    for url in (ENGLISH, SPANISH):
        html = page(reader, url)
        assert "Soon to be rejected." not in html and "A reply to it." not in html


def test_a_comment_changed_outside_moderation_appears_at_once(client, article, django_capture_on_commit_callbacks):
    """An edit saved from the shell or an import still drops the kept thread."""
    comment = add_comment(article, "Before the edit.", name="Ana")
    assert "Before the edit." in page(client, ENGLISH)
    with django_capture_on_commit_callbacks(execute=True):
        comment.body = "After the edit."
        comment.save()
    assert "After the edit." in page(client, ENGLISH)
    with django_capture_on_commit_callbacks(execute=True):
        comment.delete()
    assert "After the edit." not in page(client, ENGLISH)


def test_a_rendering_begun_before_a_change_is_never_served_after_it(article):
    """A thread rendered from the old comments but stored after the change is not read."""

    def slow_render():
        forget_streams([article.pk])  # the change commits while this render runs
        return "old thread"

    assert kept_rendering(article.pk, "en:1", slow_render) == "old thread"
    assert kept_rendering(article.pk, "en:1", lambda: "new thread") == "new thread"
    assert kept_rendering(article.pk, "en:1", lambda: "never built") == "new thread"


def test_page_size_and_reply_depth_changes_show_at_once(client, article, django_capture_on_commit_callbacks):
    """Settings that shape the thread are part of what a kept thread is named by."""
    first = add_comment(article, "Top comment.", name="Ana")
    add_comment(article, "Second top comment.", name="Bo")
    add_comment(article, "A reply.", parent=first, name="Cy")
    assert "Second top comment." in page(client, ENGLISH)
    comment_settings = site_comment_settings()
    comment_settings.page_size = 1
    with django_capture_on_commit_callbacks(execute=True):
        comment_settings.save()
    html = page(client, ENGLISH)
    assert "Top comment." in html and "Second top comment." not in html
    assert "Page 1 of 2" in html
    assert "Second top comment." in page(client, ENGLISH + "?comments-page=2")


def test_odd_page_numbers_are_rendered_but_not_kept(client, article):
    """A crawler asking for any ?comments-page= cannot fill the shared cache."""
    add_comment(article, "Only comment.", name="Ana")
    page(client, ENGLISH)
    kept = {key for key in cache._cache if "comments:thread:" in key}
    for value in ("999999", "abc", "-1", "0"):
        assert "Only comment." in page(client, f"{ENGLISH}?comments-page={value}")
    assert {key for key in cache._cache if "comments:thread:" in key} == kept


def test_without_a_shared_cache_nothing_is_kept(client, settings, article):
    """Per-process caches cannot hear of another server's change: threads are rendered each time."""
    settings.CACHE_IS_SHARED = False
    add_comment(article, "Fresh every time.", name="Ana")
    page(client, ENGLISH)
    assert comment_queries(client, ENGLISH)


def test_a_warm_uncached_article_reads_seven_queries_at_most(client, article, django_assert_max_num_queries):
    """With the shared cache warm and the page cache off, the article with its thread
    costs the page's own rows only: routing, view restrictions, tags, authors."""
    parent = None
    for number in range(60):
        parent = add_comment(article, f"Comment {number}.", parent=parent if number % 2 else None, name="Ana")
    for url in (ENGLISH, SPANISH):
        page(client, url)
        with django_assert_max_num_queries(7):
            assert "Comment 59." in page(client, url)


def test_a_kept_rendering_lasts_as_long_as_a_cached_page_and_no_longer(monkeypatch, article):
    """A change no purge hears of (an author's account deleted) shows once a cached page would expire."""
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    assert kept_rendering(article.pk, "en", lambda: "first") == "first"
    assert kept_rendering(article.pk, "en", lambda: "second") == "first"
    monkeypatch.setattr(time, "time", lambda: now + page_cache_seconds() - 1)
    assert kept_rendering(article.pk, "en", lambda: "second") == "first"  # kept as long as the page
    monkeypatch.setattr(time, "time", lambda: now + page_cache_seconds() + 1)
    assert kept_rendering(article.pk, "en", lambda: "third") == "third"
