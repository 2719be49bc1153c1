"""Feeds, cache purges, notification emails, counts on lists and the demo seed."""

import io
from unittest import mock

import pytest
from django.core import mail

from comments.counts import attach_comment_counts
from comments.models import Comment, Report
from comments.moderation import set_status
from demo.comment_threads import seed_demo_comments

from .conftest import add_comment, post

pytestmark = pytest.mark.django_db


def test_feed_per_language(client, article, untranslated_article):
    """Each language has its own RSS feed of the article's approved comments, and of no other article's."""
    add_comment(article, "Approved & <b>bold</b>", name="Ana")
    add_comment(article, "Still pending", status="pending")
    add_comment(untranslated_article, "About the bridge")
    english = client.get(f"/comments/feed/{article.pk}/")
    spanish = client.get(f"/es/comentarios/rss/{article.pk}/")
    assert english["Content-Type"].startswith("application/rss+xml")
    english, spanish = english.content.decode(), spanish.content.decode()
    assert "<language>en</language>" in english and "The dry canal" in english
    assert "<language>es</language>" in spanish and "El canal seco" in spanish
    assert "/es/historias/el-canal-seco/#comment-" in spanish
    assert "Approved &amp; &lt;b&gt;bold&lt;/b&gt;" in english
    assert "Still pending" not in english and "About the bridge" not in english + spanish
    assert client.get("/comments/feed/999999/").status_code == 404


def test_approval_purges_both_language_urls(article, moderator, django_capture_on_commit_callbacks, settings):
    """Approving a comment purges the article, its feed and the lists in both languages."""
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "comments.tests.purge_backend.RecordingBackend"}}
    comment = add_comment(article, "To approve", status="pending")
    with (
        mock.patch("comments.tests.purge_backend.RecordingBackend.purge_batch") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        set_status([comment], Comment.Status.APPROVED, moderator)
    purged = set(purge.call_args.args[0])
    assert {
        "http://localhost/stories/the-dry-canal/",
        "http://localhost/es/historias/el-canal-seco/",
        f"http://localhost/comments/feed/{article.pk}/",
        f"http://localhost/es/comentarios/rss/{article.pk}/",
        "http://localhost/stories/",
        "http://localhost/es/historias/",
    } <= purged


def test_pending_to_rejected_purges_nothing(article, moderator, django_capture_on_commit_callbacks, settings):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "comments.tests.purge_backend.RecordingBackend"}}
    comment = add_comment(article, "Never shown", status="pending")
    with (
        mock.patch("comments.tests.purge_backend.RecordingBackend.purge_batch") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        set_status([comment], Comment.Status.REJECTED, moderator)
    purge.assert_not_called()


def test_pending_comment_emails_moderators_through_a_task(
    client, article, moderator, django_capture_on_commit_callbacks
):
    """A new pending comment is mailed to the moderators by a task run after the request."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post(client, article, body="Please moderate this one too")
    # Nothing is sent inside the request; the task is enqueued once it commits.
    assert len(callbacks) == 1 and mail.outbox == []
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mod@frontera.invalid"]
    assert "The dry canal" in message.subject
    assert "Please moderate this one too" in message.body
    assert "http://testserver/admin/comments/" in message.body


def test_notification_task_runs_through_the_task_framework(article, moderator):
    from django_tasks import TaskResultStatus
    from django_tasks.base import Task

    from comments.tasks import notify_moderators

    comment = add_comment(article, "Waiting", status="pending")
    assert isinstance(notify_moderators, Task)
    result = notify_moderators.enqueue(comment.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1
    approved = add_comment(article, "Already approved")
    notify_moderators.enqueue(approved.pk)
    assert len(mail.outbox) == 1


def test_notification_uses_configured_addresses(client, article, django_capture_on_commit_callbacks):
    from .conftest import site_comment_settings

    site_settings = site_comment_settings()
    site_settings.notification_emails = "desk@frontera.invalid\n\nnight@frontera.invalid"
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        post(client, article, body="Notify the desk")
    assert mail.outbox[0].to == ["desk@frontera.invalid", "night@frontera.invalid"]


def test_attach_comment_counts_in_one_query(
    article, untranslated_article, spanish_original_article, django_assert_num_queries
):
    add_comment(article, "One")
    add_comment(article, "Two")
    add_comment(article, "Hidden", status="pending")
    add_comment(untranslated_article, "Three")
    articles = [article, untranslated_article, spanish_original_article]
    with django_assert_num_queries(1):
        attach_comment_counts(articles)
    assert [a.comment_count for a in articles] == [2, 1, 0]


def test_card_shows_the_count_when_attached(article, rf):
    from django.template.loader import render_to_string

    add_comment(article, "One")
    request = rf.get("/")
    assert "comment" not in render_to_string(
        "blog/includes/article_card.html", {"article": article, "request": request}
    )
    attach_comment_counts([article])
    html = render_to_string("blog/includes/article_card.html", {"article": article, "request": request})
    assert "1 comment" in html and "#comments" in html


def test_demo_comments_are_threaded_idempotent_and_reported(article, spanish_original_article):
    """The demo seed makes threads in both languages, a few pending, one report, and can run twice."""
    comments = [
        {
            "article": 0,
            "language": "es",
            "name": "Doña Lupe",
            "body": "¿Y el agua cuándo llega?",
            "status": "approved",
            "replies": [
                {"language": "en", "name": "", "body": "Good question.", "status": "approved", "replies": []},
                {"language": "es", "name": "Beto", "body": "Nunca.", "status": "pending", "replies": []},
            ],
        },
        {"article": 1, "language": "es", "name": "", "body": "Gracias.", "status": "approved", "replies": []},
    ]
    articles = [article, spanish_original_article]
    output = io.StringIO()
    assert seed_demo_comments(articles, comments, output) == 4
    assert seed_demo_comments(articles, comments, output) == 0
    assert Comment.objects.count() == 4
    reply = Comment.objects.get(body="Good question.")
    assert reply.parent.body == "¿Y el agua cuándo llega?" and reply.display_name == ""
    assert Comment.objects.get(body="Nunca.").status == "pending"
    assert Report.objects.count() == 1
