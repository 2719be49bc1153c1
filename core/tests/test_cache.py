"""The site keeps working, and says so once, when Redis is out of reach."""

import logging
import time

import pytest
from django.core.cache import cache

from comments.models import Comment
from comments.spam import make_stamp
from core.cache import local_state
from core.ratelimit import Budget
from core.templatetags.bilingual_tags import page_url_in
from demo.tip_page import seed_tip_page
from tips import crypto
from tips.models import Tip
from tips.security import form_token

# Nothing listens on port 1: every connection is refused at once.
CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def forget_process_state():
    local_state().clear()
    yield
    local_state().clear()


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CLOSED_PORT,
            "KEY_PREFIX": "frontera",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    return settings


@pytest.mark.django_db
def test_key_requests_answer_normally_with_redis_down(
    redis_down, client, django_user_model, translated_article, blog_index, home_page, settings, tmp_path
):
    """Home, both article languages, the listing, a comment, the tip line and the admin login, with no Redis."""
    settings.TIPS_STORAGE_ROOT = tmp_path / "tips"
    settings.TIPS_PUBLIC_KEY = crypto.generate_keypair()[1]
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    tip_page = seed_tip_page(home_page)
    django_user_model.objects.create_superuser("editora", "ed@frontera.invalid", "a long passphrase 42")

    assert cache.get("anything", "missed") == "missed"
    for url in ("/", page_url_in(translated_article, "en"), page_url_in(translated_article, "es"), blog_index.url):
        assert client.get(url).status_code == 200, url

    response = client.post(
        f"/comments/post/{translated_article.pk}/",
        {"body": "Still here without Redis.", "stamp": make_stamp(translated_article.pk, issued=time.time() - 60)},
    )
    assert response.status_code == 302
    assert Comment.objects.filter(body="Still here without Redis.").exists()

    assert client.get(tip_page.url).status_code == 200
    response = client.post(
        tip_page.url, {"message": "Trucks at night.", "reply": "none", "links": "", "token": form_token(tip_page)}
    )
    assert response.status_code in (200, 302)
    assert Tip.objects.count() == 1

    response = client.post("/admin/login/", {"username": "editora", "password": "a long passphrase 42"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_an_outage_is_logged_once_not_per_request(home_page, redis_down, client, caplog):
    # The site is built before Redis goes down: building it (after a transactional test emptied the tables) purges.
    with caplog.at_level(logging.ERROR, logger="core.cache"):
        for _ in range(3):
            assert client.get("/").status_code == 200
        # Past the pause between retries, Redis is tried (and fails) again, still without a new message.
        local_state().delete("down:" + CLOSED_PORT)
        assert client.get("/").status_code == 200
    messages = [record for record in caplog.records if record.name == "core.cache"]
    assert len(messages) == 1
    assert "unreachable" in messages[0].getMessage()


def test_rate_limits_get_stricter_not_absent_without_redis(redis_down):
    """A limit of 8 becomes 2 per process while the shared counter is out of reach."""
    budget = Budget("test-cache-redis-down", limit=8, period=60)
    assert [budget.hit("all", now=1000.0) for _ in range(4)] == [True, True, False, False]


def test_rate_limits_count_in_the_shared_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    budget = Budget("test-cache-shared", limit=3, period=60)
    assert [budget.hit("all", now=1000.0) for _ in range(5)] == [True, True, True, False, False]


def test_a_reachable_redis_is_used_as_usual(settings):
    """The same backend against a live Redis (DB 3, REDIS_TEST_URL): reads, writes and counters work."""
    import os

    import redis

    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/3")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"No Redis at {url}")
    settings.CACHES = {
        "default": {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": url, "KEY_PREFIX": "core-cache-test"}
    }
    # Only this test's keys are touched: the database may be shared.
    reports = Budget("test-cache-reports", limit=2, period=30)
    counter = "ratelimit:test-cache-reports:33:client"  # the window of now=1000.0
    cache.delete_many(["greeting", counter])
    cache.set("greeting", "hola", 30)
    assert cache.get("greeting") == "hola"
    assert cache.add("greeting", "adiós") is False
    assert cache.get_many(["greeting", "missing"]) == {"greeting": "hola"}
    assert [reports.hit("client", now=1000.0) for _ in range(3)] == [True, True, False]
    cache.delete("greeting")
    assert cache.get("greeting") is None
    cache.delete(counter)
