"""Where an uncached article's time goes: cProfile over 30 renders.

Run after `make bench` has built its database, with the same environment:
``DATABASE_URL=... REDIS_URL=... .venv/bin/python bench/profile_article.py [path]``
(the default path is the measured article). The page cache is off, the
shared cache on, as for the uncached rows of the bench.
"""

import cProfile
import os
import pathlib
import pstats
import secrets
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ["PAGE_CACHE"] = "false"
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/stories/bench-story-0000/"
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(path).status_code == 200, path
    timings = []
    for _run in range(30):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"{path}: p50 {statistics.median(timings):.1f} ms, min {min(timings):.1f} ms over 30 renders")
    profiler = cProfile.Profile()
    profiler.enable()
    for _run in range(30):
        client.get(path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    main()
