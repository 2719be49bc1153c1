"""A display name with bidirectional overrides cannot reorder the text around it."""

import pytest

from comments.models import Comment
from core.templatetags.bilingual_tags import page_url_in

from .conftest import add_comment, comments_url

pytestmark = pytest.mark.django_db

# RIGHT-TO-LEFT OVERRIDE, never closed: unisolated, it flips what follows the name.
TRICK_NAME = "\u202eadmin"
ISOLATED_HTML = "<bdi>\u202eadmin</bdi>"
# In plain text the name's own controls are dropped and the rest isolated.
ISOLATED_TEXT = "\u2068admin\u2069"


@pytest.fixture
def tricky(article):
    parent = add_comment(article, "The name reverses what follows.", name=TRICK_NAME)
    deep = add_comment(article, "A reply.", parent=parent, name="Ana")
    deeper = add_comment(article, "Deeper.", parent=deep)
    add_comment(article, "Flattened, says whom it answers.", parent=deeper, name=TRICK_NAME)
    return parent


@pytest.mark.parametrize("language", ["en", "es"])
def test_names_are_isolated_in_the_thread(client, article, tricky, language):
    html = client.get(page_url_in(article, language)).content.decode()
    assert f'<strong class="comment__author">{ISOLATED_HTML}</strong>' in html
    assert TRICK_NAME not in html.replace(ISOLATED_HTML, "").replace(f'data-comment-author="{TRICK_NAME}"', "")


@pytest.mark.parametrize("language", ["en", "es"])
def test_names_are_isolated_on_reply_and_report_pages(client, tricky, language):
    for url in (comments_url("reply", tricky.pk, language), comments_url("report", tricky.pk, language)):
        html = client.get(url).content.decode()
        assert TRICK_NAME in html
        title = html[html.index("<title>") : html.index("</title>")]
        # Text-only places get Unicode isolates, markup gets <bdi>.
        assert TRICK_NAME not in html.replace(ISOLATED_HTML, "").replace(ISOLATED_TEXT, "")
        if "reply" in url:
            assert ISOLATED_TEXT in title
            heading = html[html.index("<h1>") : html.index("</h1>")]
            assert ISOLATED_HTML in heading


def test_names_are_isolated_in_the_feed(client, article, tricky):
    feed = client.get(f"/comments/feed/{article.pk}/").content.decode()
    assert f"{ISOLATED_TEXT} on" in feed
    assert TRICK_NAME not in feed.replace(ISOLATED_TEXT, "")


def test_names_are_isolated_in_the_moderation_queue(moderator_client, tricky):
    Comment.objects.update(status=Comment.Status.PENDING)
    html = moderator_client.get("/admin/comments/queue/pending/").content.decode()
    assert ISOLATED_HTML in html
    assert TRICK_NAME not in html.replace(ISOLATED_HTML, "").replace(ISOLATED_TEXT, "")
    detail = moderator_client.get(f"/admin/comments/{tricky.pk}/").content.decode()
    assert TRICK_NAME not in detail.replace(ISOLATED_HTML, "").replace(ISOLATED_TEXT, "")


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u2067", "\u202b"])
def test_a_names_own_controls_cannot_swallow_the_closing_isolate(article, control):
    """An unmatched isolate at the end of a name would pair with ours and leave what follows reversed."""
    comment = add_comment(article, "Text.", name=f"RTL name{control}")
    assert comment.isolated_name == "\u2068RTL name\u2069"
