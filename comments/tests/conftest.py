"""Fixtures for the comment stream's tests."""

import time

import pytest
from django.urls import reverse
from django.utils import translation

from comments.models import Comment
from comments.permissions import ensure_moderators_group
from comments.spam import make_stamp
from comments.threads import insert

READER_ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def comment_settings(settings):
    """Generous limits unless a test says otherwise; a local cache for settings."""
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    settings.COMMENTS_RATE_LIMIT_CLIENT = (5, 600)
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (60, 600)
    return settings


@pytest.fixture
def article(translated_article):
    return translated_article


def form_data(article, body="A fair point about the canal.", **extra):
    """What the comment form sends, with a stamp issued a minute ago."""
    data = {
        "name": "Lectora",
        "email": "",
        "body": body,
        "parent": "",
        "stamp": make_stamp(article.pk, issued=time.time() - 60),
        "website": "",
    }
    data.update(extra)
    return data


def comments_url(name, pk, language="en"):
    """A comment route as readers of ``language`` see it (``/es/comentarios/responder/1/``)."""
    with translation.override(language):
        return reverse(f"comments:{name}", args=[pk])


def post(client, article, language="en", address=READER_ADDRESS, **data):
    return client.post(comments_url("post", article.pk, language), form_data(article, **data), REMOTE_ADDR=address)


def send_report(client, comment, data, language="en", **extra):
    """What the report form sends: the reader's choice and the page's signed token."""
    from comments.forgery import report_token

    return client.post(comments_url("report", comment.pk, language), {"token": report_token(comment), **data}, **extra)


def add_comment(article, body, parent=None, status=Comment.Status.APPROVED, language="en", name="", max_depth=3):
    comment = Comment(article=article, parent=parent, body=body, status=status, language=language, display_name=name)
    return insert(comment, max_depth=max_depth)


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        username="moderadora", password="secret-pass-123", email="mod@frontera.invalid"
    )
    user.groups.add(ensure_moderators_group())
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def site_comment_settings():
    from wagtail.models import Site

    from comments.models import CommentSettings

    return CommentSettings.for_site(Site.objects.get(is_default_site=True))
