"""Background work of the comment stream, run by the task framework."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from .models import MODERATORS_GROUP_NAME, Comment, CommentSettings


def moderator_addresses(site):
    addresses = CommentSettings.for_site(site).notification_addresses()
    if addresses:
        return addresses
    users = get_user_model().objects.filter(is_active=True, groups__name=MODERATORS_GROUP_NAME).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@task()
def notify_moderators(comment_id):
    """Email the moderators that a comment is waiting for them."""
    comment = Comment.objects.select_related("article", "parent").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0
    recipients = moderator_addresses(comment.article.get_site())
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("comments_admin:detail", args=[comment.pk])
        context = {"comment": comment, "article_title": comment.article.title, "admin_url": admin_url}
        subject = gettext("New comment to moderate on “%(title)s”") % {"title": comment.article.title}
        body = render_to_string("comments/email/pending.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
