"""Each moderation page's header names the page, under Comments, not "Home"."""

import re

import pytest
from django.utils.html import strip_tags

from .conftest import add_comment

pytestmark = pytest.mark.django_db


def breadcrumbs(html):
    """The breadcrumb labels of an admin page's header, in order."""
    nav = re.search(r'<nav[^>]*aria-label="Breadcrumb"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no breadcrumbs in the header"
    items = re.findall(r"<li[^>]*>(.*?)</li>", nav.group(1), re.S)
    return [" ".join(strip_tags(item).split()) for item in items]


@pytest.mark.parametrize(
    "path, title",
    [
        ("/admin/comments/queue/pending/", "Comments: Pending"),
        ("/admin/comments/queue/reported/", "Comments: Reported"),
        ("/admin/comments/history/", "Moderation history"),
    ],
)
def test_queue_headers_show_their_own_title(moderator_client, path, title):
    response = moderator_client.get(path)
    assert response.status_code == 200
    assert breadcrumbs(response.content.decode())[-2:] == ["Comments", title]


def test_a_comments_header_names_it(moderator_client, article):
    comment = add_comment(article, "A comment to look at", status="pending")
    response = moderator_client.get(f"/admin/comments/{comment.pk}/")
    items = breadcrumbs(response.content.decode())
    assert items[-2] == "Comments"
    assert items[-1] not in ("", "Home")
