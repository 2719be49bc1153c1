"""Budgets hold under concurrency, in every shared cache, and get stricter when the cache fails."""

import logging
import socket
import threading

import pytest
from django.core.cache import caches

from core.ratelimit import Budget, fallback_cache

REDIS_URL = "redis://127.0.0.1:6379/2"
CLOSED_PORT_URL = "redis://127.0.0.1:8299/2"


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture(autouse=True)
def clean_caches():
    caches["default"].clear()
    fallback_cache().clear()
    yield
    caches["default"].clear()
    fallback_cache().clear()


def redis_cache(settings, location):
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit-test": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "sec-tips-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    return "ratelimit-test"


def hammer(budget, key, attempts=40):
    results = []
    barrier = threading.Barrier(attempts)

    def attempt():
        barrier.wait()
        results.append(budget.hit(key, now=1_000_000.0))

    threads = [threading.Thread(target=attempt) for _n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_a_budget_allows_its_limit_then_refuses():
    budget = Budget("test-basic", limit=3, period=60)
    assert [budget.hit("client", now=120.0) for _n in range(5)] == [True, True, True, False, False]
    assert budget.hit("another", now=120.0)
    # A new window starts a new count.
    assert budget.hit("client", now=180.0)


def test_yesterdays_fingerprint_counts_too():
    budget = Budget("test-two-keys", limit=2, period=60)
    assert budget.hit("yesterday", now=60.0)
    assert budget.hit("today", "yesterday", now=60.0)
    assert not budget.hit("today", "yesterday", now=60.0)


def test_a_limit_of_zero_refuses_everything():
    assert not Budget("test-zero", limit=0, period=60).hit("client")


def test_concurrent_hits_in_local_memory_never_exceed_the_limit():
    results = hammer(Budget("test-threads-locmem", limit=7, period=60), "client")
    assert results.count(True) == 7


@pytest.mark.skipif(not redis_is_running(), reason="Redis is not running on 127.0.0.1:6379")
def test_concurrent_hits_in_redis_never_exceed_the_limit(settings):
    alias = redis_cache(settings, REDIS_URL)
    caches[alias].clear()
    try:
        results = hammer(Budget("test-threads-redis", limit=7, period=60, cache_alias=alias), "client")
        assert results.count(True) == 7
    finally:
        caches[alias].clear()


def test_with_the_cache_down_the_limit_is_stricter_not_gone(settings, caplog):
    alias = redis_cache(settings, CLOSED_PORT_URL)
    budget = Budget("test-down", limit=8, period=60, cache_alias=alias)
    with caplog.at_level(logging.WARNING, logger="core.ratelimit"):
        results = [budget.hit("client", now=60.0) for _n in range(5)]
    assert results == [True, True, False, False, False]  # 8 // 4 per process
    assert len([r for r in caplog.records if r.name == "core.ratelimit"]) == 1, "logged once a minute, not per hit"
    assert Budget("test-down-small", limit=1, period=60, cache_alias=alias).hit("client")
