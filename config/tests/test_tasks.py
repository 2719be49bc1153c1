"""In production, background work waits in the database for a worker."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from comments.models import Comment, CommentSettings
from comments.tasks import notify_moderators

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_notification_waits_for_the_worker(settings, translated_article):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    site_settings = CommentSettings.for_site(translated_article.get_site())
    site_settings.notification_emails = "moderators@frontera.example"
    site_settings.save()
    comment = Comment.objects.create(
        article=translated_article, path="00001", depth=1, body="Held for review.", language="en"
    )
    notify_moderators.enqueue(comment.pk)
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []

    call_command("db_worker", "--batch", verbosity=0)

    assert [message.to for message in mail.outbox] == [["moderators@frontera.example"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
