"""One rule for who sees a comment: the thread, reply and report pages and the feed agree."""

import pytest

from comments.models import Comment
from core.templatetags.bilingual_tags import page_url_in

from .conftest import add_comment, comments_url, post, send_report, site_comment_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_by_a_rejected_ancestor(article):
    """A → B (rejected) → C → D, with replies flattened below depth 2.

    C and D are filed under A, so their paths show no rejected ancestor; only
    the chain of comments they answer does.
    """
    site_settings = site_comment_settings()
    site_settings.max_depth = 2
    site_settings.save()
    first = add_comment(article, "Visible first comment.", max_depth=2)
    rejected = add_comment(article, "Rejected reply.", parent=first, max_depth=2)
    middle = add_comment(article, "Reply to the rejected one.", parent=rejected, max_depth=2)
    last = add_comment(article, "Reply to the reply.", parent=middle, max_depth=2)
    Comment.objects.filter(pk=rejected.pk).update(status=Comment.Status.REJECTED)
    assert last.path[:5] == first.path and last.depth == 2
    return first, middle, last


def test_thread_shows_only_the_visible_comment(client, article, hidden_by_a_rejected_ancestor):
    html = client.get(page_url_in(article, "en")).content.decode()
    assert "Visible first comment." in html
    assert "Reply to the rejected one." not in html
    assert "Reply to the reply." not in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_hidden_comments_have_no_reply_or_report_page(client, article, hidden_by_a_rejected_ancestor, language):
    first, middle, last = hidden_by_a_rejected_ancestor
    assert client.get(comments_url("reply", first.pk, language)).status_code == 200
    assert client.get(comments_url("report", first.pk, language)).status_code == 200
    for hidden in (middle, last):
        assert client.get(comments_url("reply", hidden.pk, language)).status_code == 404
        assert client.get(comments_url("report", hidden.pk, language)).status_code == 404
        assert send_report(client, hidden, {"reason": "spam"}, language=language).status_code == 404


def test_hidden_comments_cannot_be_answered_by_post(client, article, hidden_by_a_rejected_ancestor):
    _first, _middle, last = hidden_by_a_rejected_ancestor
    response = post(client, article, body="Answering a hidden comment.", parent=str(last.pk))
    assert response.status_code == 400
    assert "Answering a hidden comment." in response.content.decode()
    assert not Comment.objects.filter(body="Answering a hidden comment.").exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_feed_leaves_out_hidden_comments(client, article, hidden_by_a_rejected_ancestor, language):
    feed = client.get(comments_url("feed", article.pk, language)).content.decode()
    assert "Visible first comment." in feed
    assert "Reply to the rejected one." not in feed
    assert "Reply to the reply." not in feed
    assert "Rejected reply." not in feed
