"""Comments posted at the same moment: each placed once, none lost, limits held."""

import collections
import concurrent.futures
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from comments.models import Comment

from .conftest import add_comment, form_data

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
    start = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(post_in_thread, article.pk, data, address, start) for data, address in jobs]
        start.set()
        results = [future.result() for future in futures]

    codes = collections.Counter(code for _body, code in results)
    assert set(codes) <= {302, 429}, codes
    accepted = sorted(body for body, code in results if code == 302)
    assert len(accepted) == ARTICLE_LIMIT - 1  # the parent counts too
    stored = sorted(Comment.objects.exclude(pk=parent.pk).values_list("body", flat=True))
    assert stored == accepted
    paths = list(Comment.objects.filter(article=article).values_list("path", flat=True))
    assert len(paths) == len(set(paths))
