"""Comments posted at the same moment: each placed once, none lost, limits held."""

import collections
import concurrent.futures
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from comments.models import Comment, CommentThread, Report

from .conftest import add_comment, form_data, send_report

POSTS = 90
THREADS = 16
ARTICLE_LIMIT = 60


def post_in_thread(article_id, data, address, start):
    """One reader's post from its own thread, with its own database connection."""
    try:
        start.wait(timeout=30)
        response = Client(raise_request_exception=False).post(
            f"/comments/post/{article_id}/", data, REMOTE_ADDR=address, HTTP_SEC_FETCH_SITE="same-origin"
        )
        return data["body"], response.status_code
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_are_each_stored_once_within_the_limit(article, settings):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite lets one writer in at a time; row locks are what is tested here (PostgreSQL).")
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (ARTICLE_LIMIT, 600)
    parent = add_comment(article, "The first comment, answered by many.")
    jobs = []
    for number in range(POSTS):
        # A third are replies to one comment, the rest new threads: both kinds of position.
        reply_to = str(parent.pk) if number % 3 == 0 else ""
        jobs.append((form_data(article, body=f"Comment number {number}.", parent=reply_to), f"198.51.100.{number}"))
    accepted = post_all_at_once(article, jobs)
    assert len(accepted) == ARTICLE_LIMIT - 1  # the parent counts too
    assert sorted(Comment.objects.exclude(pk=parent.pk).values_list("body", flat=True)) == accepted


@pytest.mark.django_db(transaction=True)
def test_the_first_comments_on_an_article_posted_at_once_stay_within_the_limit(article, settings):
    """No thread row yet: one poster creates it, and those who waited on that still take the lock in turn."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite lets one writer in at a time; row locks are what is tested here (PostgreSQL).")
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (ARTICLE_LIMIT, 600)
    assert not CommentThread.objects.filter(article=article).exists()
    jobs = [(form_data(article, body=f"Comment number {number}."), f"198.51.100.{number}") for number in range(POSTS)]
    accepted = post_all_at_once(article, jobs)
    assert len(accepted) == ARTICLE_LIMIT
    assert sorted(Comment.objects.values_list("body", flat=True)) == accepted


def post_all_at_once(article, jobs):
    """Every (form data, address) posted from its own thread at one signal; the bodies accepted, sorted.

    Each post is either accepted or refused for the limit, and no two stored comments share a position.
    """
    start = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(post_in_thread, article.pk, data, address, start) for data, address in jobs]
        start.set()
        results = [future.result() for future in futures]
    codes = collections.Counter(code for _body, code in results)
    assert set(codes) <= {302, 429}, codes
    paths = list(Comment.objects.filter(article=article).values_list("path", flat=True))
    assert len(paths) == len(set(paths))
    return sorted(body for body, code in results if code == 302)


@pytest.mark.django_db(transaction=True)
def test_one_client_posting_at_once_to_many_articles_stays_within_its_limit(article, blog_index, settings):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite lets one writer in at a time; the client lock is PostgreSQL's.")
    from conftest import make_article

    settings.COMMENTS_RATE_LIMIT_CLIENT = (5, 600)
    articles = [article] + [
        make_article(blog_index, en={"title": f"Story {n}", "slug": f"story-{n}", "body": ["Text."]}) for n in range(2)
    ]
    jobs = [(articles[n % 3].pk, form_data(articles[n % 3], body=f"Same reader, post {n}.")) for n in range(24)]
    start = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(post_in_thread, pk, data, "203.0.113.50", start) for pk, data in jobs]
        start.set()
        codes = collections.Counter(future.result()[1] for future in futures)
    assert codes == {302: 5, 429: 19}
    assert Comment.objects.count() == 5


def report_in_thread(comment, start):
    try:
        start.wait(timeout=30)
        return send_report(
            Client(raise_request_exception=False),
            comment,
            {"reason": "spam"},
            REMOTE_ADDR="203.0.113.51",
            HTTP_SEC_FETCH_SITE="same-origin",
        ).status_code
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_reports_sent_at_once_stay_within_the_limit(article, settings):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite lets one writer in at a time; the client lock is PostgreSQL's.")
    settings.COMMENTS_RATE_LIMIT_REPORTS = (3, 3600)
    comments = [add_comment(article, f"Comment {n}.") for n in range(12)]
    start = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(report_in_thread, comment, start) for comment in comments]
        start.set()
        codes = collections.Counter(future.result() for future in futures)
    assert codes == {200: 3, 429: 9}
    assert Report.objects.count() == 3
