"""A Redis cache that a lost Redis cannot take the site down with.

Wagtail reads the cache on every request (the site's root paths), so with
Django's own Redis backend an unreachable Redis answers every page, every
form and the admin login with a 500. ``ResilientRedisCache`` treats the
cache as what it is, an optimisation: while Redis cannot be reached, reads
miss, writes and deletes do nothing, and the site runs from the database.

After a failure the backend leaves Redis alone for ``RETRY_SECONDS``, so a
Redis that hangs instead of refusing costs one timeout every few seconds,
not one per cache call; and it logs the failure at most once a minute per
process, not once per request.

The little this needs to remember between requests (when Redis last failed,
when that was logged) lives in a process-local ``LocMemCache``, which Django
shares between instances of the same name.

Rate limits are ``core.ratelimit.Budget``: ``incr`` raises
``CacheUnavailable`` while Redis is down, so a budget counts in the process
instead, more strictly, never "unlimited".
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
LOG_EVERY_SECONDS = 60


class CacheUnavailable(Exception):
    """The shared cache could not count a hit (raised by ``incr`` only)."""


def local_state():
    """This process's own memory, for what must outlive one request."""
    return LocMemCache("core.cache.local-state", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def redis_errors():
    # Only a site with REDIS_URL talks to Redis; the others never load its client.
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, but one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and each one
    fills a table of some 180 response callbacks: about a tenth of an
    uncached article's CPU time went there. A ``redis.Redis`` is safe to
    share between threads (it takes a connection from its pool per command),
    and each thread has its own cache backend anyway.
    """

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients_by_pool", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, but a cache miss instead of an error while Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _state_key(self, name):
        return f"{name}:{','.join(self._servers)}"

    def _is_resting(self):
        return local_state().get(self._state_key("down")) is not None

    def _failed(self, error):
        state = local_state()
        state.set(self._state_key("down"), True, RETRY_SECONDS)
        # add() is atomic: one message per process and minute, however many threads fail.
        if state.add(self._state_key("logged"), True, LOG_EVERY_SECONDS):
            logger.error(
                "The cache is unreachable (%s: %s); serving without it, retrying every %s seconds.",
                type(error).__name__,
                error,
                RETRY_SECONDS,
            )

    def _call(self, default, method, *args, **kwargs):
        if self._is_resting():
            return default
        try:
            return method(*args, **kwargs)
        except redis_errors() as error:
            self._failed(error)
            return default

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Nothing was stored: Django's contract is to return the keys that failed.
        return self._call(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)

    def incr(self, key, delta=1, version=None):
        """Like Django's, but CacheUnavailable while Redis is down: a counter has no safe default."""
        sentinel = object()
        result = self._call(sentinel, super().incr, key, delta, version)
        if result is sentinel:
            raise CacheUnavailable
        return result
