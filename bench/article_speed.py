"""The uncached article with 200 comments, one render at a time, in process.

Prints the median and fastest of many renders (wall clock, so noisy on a
shared machine, where every round trip to PostgreSQL or Redis waits for
their processes to get a core), the CPU time of this process alone, and the
queries of one render. Under callgrind the
instruction count is repeatable whatever the machine's load: run it twice,
with 0 renders and with N, and divide the difference by N::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/article_speed.py --renders 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/article_speed.py --renders 20

(``make bench-article`` does both and prints instructions per render.)

Run after `make bench` (or bench/build_site.py) has built its database, with
the same environment (``DATABASE_URL``, ``REDIS_URL``). The page cache is
off and the shared cache on, as for the uncached rows of the bench; each
render is of a fresh request in English, then in Spanish.
"""

import argparse
import os
import pathlib
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ENGLISH = "/stories/bench-story-0000/"
SPANISH = "/es/historias/historia-de-prueba-0000/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=60, help="renders per language (0: start-up only)")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions too")
    arguments = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    paths = [ENGLISH, SPANISH]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    if arguments.renders == 0:
        return
    with CaptureQueriesContext(connection) as queries:
        client.get(ENGLISH)
    # Read now: every request's start empties the connection's query log.
    query_count = len(queries)
    timings = {path: [] for path in paths}
    cpu = {path: [] for path in paths}
    for _run in range(arguments.renders):
        for path in paths:
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            timings[path].append((time.perf_counter() - start) * 1000)
            cpu[path].append((time.process_time() - start_cpu) * 1000)
    for path in paths:
        runs = timings[path]
        print(
            f"{path}: p50 {statistics.median(runs):.1f} ms, fastest {min(runs):.1f} ms "
            f"(this process's CPU: p50 {statistics.median(cpu[path]):.1f} ms) "
            f"over {len(runs)} renders; {query_count} queries"
        )
    if arguments.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _run in range(arguments.renders):
            client.get(ENGLISH)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
