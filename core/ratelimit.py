"""Budgets counted in the shared cache, stricter per process when it fails.

A ``Budget`` allows ``limit`` hits per ``period`` seconds for each key. The
keys are whatever the caller passes: a client fingerprint from
``core.client.client_hashes`` or a fixed name for "everyone", never an
address. Hits are counted in fixed windows aligned to the clock, in the
default cache, so every worker shares one count; a counter lives only
until its window ends.

When the cache raises (Redis unreachable), each process counts on its own
in a local-memory cache against a limit divided by ``fallback_divisor``: an
outage makes the limits stricter, never absent. The error is logged at
most once a minute per process.
"""

import logging
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

# Django keeps a local-memory cache's data per location, per process.
FALLBACK_LOCATION = "core.ratelimit.fallback"
FALLBACK_MAX_ENTRIES = 100_000
ERROR_LOG_INTERVAL = 60


def fallback_cache():
    """This process's own counters, used while the shared cache is failing."""
    return LocMemCache(FALLBACK_LOCATION, {"OPTIONS": {"MAX_ENTRIES": FALLBACK_MAX_ENTRIES}})


def _count(cache, key, timeout):
    """Adds one to ``key`` atomically and returns the new count."""
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout)
        return 1


@dataclass(frozen=True)
class Budget:
    """At most ``limit`` hits per ``period`` seconds for each key; 0 allows none."""

    name: str
    limit: int
    period: int
    fallback_divisor: int = 4
    cache_alias: str = "default"

    @property
    def fallback_limit(self):
        if self.limit <= 0:
            return 0
        return max(1, self.limit // self.fallback_divisor)

    def _keys(self, keys, now):
        window = int(now // self.period)
        timeout = int(self.period - now % self.period) + 1
        return [f"ratelimit:{self.name}:{window}:{key}" for key in keys], timeout

    def _used(self, cache, keys, timeout):
        """Counts a hit against the first key; the others (yesterday's fingerprint) are only read."""
        used = _count(cache, keys[0], timeout)
        for other in keys[1:]:
            used += int(cache.get(other) or 0)
        return used

    def hit(self, *keys, now=None):
        """Counts one hit for ``keys[0]`` and says whether it is within the budget."""
        if not keys:
            raise ValueError("A budget needs at least one key.")
        cache_keys, timeout = self._keys(keys, time.time() if now is None else now)
        try:
            return self._used(caches[self.cache_alias], cache_keys, timeout) <= self.limit
        except Exception:
            fallback = fallback_cache()
            if fallback.add("ratelimit:error-logged", 1, ERROR_LOG_INTERVAL):
                logger.warning("The cache failed; rate limits are counted per process, more strictly.", exc_info=True)
            return self._used(fallback, cache_keys, timeout) <= self.fallback_limit
