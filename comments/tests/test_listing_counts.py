"""Article lists show each card's approved comment count, asked for by the list's template."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import add_comment

pytestmark = pytest.mark.django_db


def card_counts(html):
    return re.findall(r'class="card__comments"[^>]*>([^<]+)<', html)


@pytest.mark.parametrize(
    "path, expected", [("/stories/", ["2 comments"]), ("/es/historias/", ["2 comentarios"]), ("/", ["2 comments"])]
)
def test_cards_show_approved_comments_only(client, article, path, expected):
    add_comment(article, "First approved")
    add_comment(article, "Second approved", language="es")
    add_comment(article, "Waiting", status="pending")
    add_comment(article, "Junk", status="spam")
    assert card_counts(client.get(path).content.decode()) == expected


def test_the_listing_counts_comments_in_one_query(client, article, django_assert_num_queries):
    """More comments cost no more queries: the counts come in one query for the page."""
    add_comment(article, "One")
    client.get("/stories/")  # warm the site's shared caches
    with CaptureQueriesContext(connection) as few:
        client.get("/stories/")
    counting = [query for query in few.captured_queries if "comments_comment" in query["sql"]]
    assert len(counting) == 1
    for number in range(10):
        add_comment(article, f"More {number}")
    with django_assert_num_queries(len(few.captured_queries)):
        assert card_counts(client.get("/stories/").content.decode()) == ["11 comments"]
