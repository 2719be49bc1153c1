"""Every COMMENTS_* variable the README lists is read, from the environment, and takes effect."""

import importlib.util
import time

import pytest
from django.core import checks

from comments import conf
from comments.models import Comment, Report
from comments.spam import make_stamp

from .conftest import add_comment, post, send_report

pytestmark = pytest.mark.django_db

ENVIRONMENT = {
    "COMMENTS_TRUSTED_PROXY_COUNT": "1",
    "COMMENTS_MIN_SUBMIT_SECONDS": "120",
    "COMMENTS_MAX_FORM_AGE": "30",
    "COMMENTS_RATE_LIMIT_CLIENT": "2/600",
    "COMMENTS_RATE_LIMIT_ARTICLE": "3,600",
    "COMMENTS_RATE_LIMIT_REPORTS": "1/3600",
}


def fresh_base_settings():
    """config/settings/base.py run again, as a new process would run it."""
    spec = importlib.util.spec_from_file_location("fresh_base_settings", "config/settings/base.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_variable_is_read_from_the_environment(monkeypatch, settings):
    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    base = fresh_base_settings()
    for name in ENVIRONMENT:
        setattr(settings, name, getattr(base, name))
    assert conf.setting("COMMENTS_TRUSTED_PROXY_COUNT") == 1
    assert conf.min_submit_seconds() == 120
    assert conf.max_form_age() == 30
    assert conf.setting("COMMENTS_RATE_LIMIT_CLIENT") == (2, 600)
    assert conf.setting("COMMENTS_RATE_LIMIT_ARTICLE") == (3, 600)
    assert conf.setting("COMMENTS_RATE_LIMIT_REPORTS") == (1, 3600)


def test_defaults_without_the_environment(monkeypatch, settings):
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
        if hasattr(settings, name):
            delattr(settings, name)
    assert not any(hasattr(fresh_base_settings(), name) for name in ENVIRONMENT)
    assert [conf.setting(name) for name in ENVIRONMENT] == [0, 3, 172800, (5, 600), (60, 600), (10, 3600)]


def test_trusted_proxy_count_separates_readers_behind_a_proxy(client, article, settings):
    """Behind one proxy, two readers have two fingerprints; at 0 they would share the proxy's."""
    settings.COMMENTS_TRUSTED_PROXY_COUNT = ENVIRONMENT["COMMENTS_TRUSTED_PROXY_COUNT"]
    for reader in ("198.51.100.1", "198.51.100.2"):
        client.post(
            f"/comments/post/{article.pk}/",
            {"body": f"From {reader}.", "stamp": make_stamp(article.pk, issued=time.time() - 60)},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=reader,
        )
    assert len(set(Comment.objects.values_list("client_hash", flat=True))) == 2
    settings.COMMENTS_TRUSTED_PROXY_COUNT = "0"
    Comment.objects.all().delete()
    for reader in ("198.51.100.1", "198.51.100.2"):
        client.post(
            f"/comments/post/{article.pk}/",
            {"body": f"From {reader}.", "stamp": make_stamp(article.pk, issued=time.time() - 60)},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=reader,
        )
    assert len(set(Comment.objects.values_list("client_hash", flat=True))) == 1


def test_min_submit_seconds_refuses_a_form_sent_sooner(client, article, settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = ENVIRONMENT["COMMENTS_MIN_SUBMIT_SECONDS"]
    response = post(client, article, body="Sent a minute after the page loaded.")
    assert response.status_code == 400
    assert "faster than anyone can write" in response.content.decode()
    assert "Sent a minute after the page loaded." in response.content.decode()


def test_max_form_age_refuses_a_form_left_open_longer(client, article, settings):
    settings.COMMENTS_MAX_FORM_AGE = ENVIRONMENT["COMMENTS_MAX_FORM_AGE"]
    settings.COMMENTS_MIN_SUBMIT_SECONDS = "0"
    response = post(client, article, body="Sent a minute after the page loaded.")
    assert response.status_code == 400
    assert "open for too long" in response.content.decode()


def test_client_rate_limit_from_a_string(client, article, settings):
    settings.COMMENTS_RATE_LIMIT_CLIENT = ENVIRONMENT["COMMENTS_RATE_LIMIT_CLIENT"]
    codes = [post(client, article, body=f"Comment number {n}.").status_code for n in range(3)]
    assert codes == [302, 302, 429]


def test_article_rate_limit_from_a_string(client, article, settings):
    settings.COMMENTS_RATE_LIMIT_ARTICLE = ENVIRONMENT["COMMENTS_RATE_LIMIT_ARTICLE"]
    codes = [
        post(client, article, address=f"198.51.100.{n}", body=f"Comment number {n}.").status_code for n in range(4)
    ]
    assert codes == [302, 302, 302, 429]


def test_report_rate_limit_from_a_string(client, article, settings):
    settings.COMMENTS_RATE_LIMIT_REPORTS = ENVIRONMENT["COMMENTS_RATE_LIMIT_REPORTS"]
    first, second = add_comment(article, "One."), add_comment(article, "Two.")
    codes = [
        send_report(client, comment, {"reason": "spam"}, REMOTE_ADDR="203.0.113.9").status_code
        for comment in (first, second)
    ]
    assert codes == [200, 429]
    assert Report.objects.count() == 1


def test_check_warns_behind_a_proxy_with_no_trusted_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.COMMENTS_TRUSTED_PROXY_COUNT = 0
    assert "comments.W001" in [message.id for message in checks.run_checks()]
    settings.COMMENTS_TRUSTED_PROXY_COUNT = "1"
    assert "comments.W001" not in [message.id for message in checks.run_checks()]


@pytest.mark.parametrize("name, value", [("COMMENTS_RATE_LIMIT_CLIENT", "5"), ("COMMENTS_MAX_FORM_AGE", "two days")])
def test_check_refuses_unreadable_values(settings, name, value):
    setattr(settings, name, value)
    assert "comments.E001" in [message.id for message in checks.run_checks()]
