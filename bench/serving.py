"""`make bench`: serve the benchmark site the production way and load it with wrk.

Builds (once) a PostgreSQL database of 1,000 bilingual articles and 50,000
approved comments (bench/build_site.py), serves it with `make serve`
(gunicorn, 2 sync workers, production settings, Redis), and runs wrk on
loopback for 10 seconds per page: the static CSS file (the ceiling), home,
the English and Spanish article with 200 comments from the page cache and
uncached (a second server with PAGE_CACHE=false), the listing and the feed.
Prints a Markdown table of req/s, p50 and p99, and each page's share of
the static ceiling; also the uncached article one request at a time.

Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/fr_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/8), BENCH_PORT (8800), BENCH_SECONDS
(10), BENCH_CONNECTIONS (16).
"""

import json
import os
import pathlib
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def settings_env(port, page_cache):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fr_bench"),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
        "PAGE_CACHE": "true" if page_cache else "false",
        "PORT": str(port),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        "LOG_LEVEL": "ERROR",
    }


def ensure_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def build(env):
    migrate = [PYTHON, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603 (fixed command line)
    build_env = {**env, "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    output = subprocess.run(  # noqa: S603
        [PYTHON, "bench/build_site.py"], cwd=ROOT, env=build_env, check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    # Progress only: the demo seed's admin login is not for the bench's output.
    print("\n".join(line for line in output.splitlines()[:-1] if "password" not in line))
    return json.loads(output.strip().splitlines()[-1])


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


class Server:
    """`make serve` in its own process group, stopped on exit."""

    def __init__(self, env):
        self.env = env
        self.port = env["PORT"]
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],  # noqa: S607
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                fetch(self.base + "/robots.txt")
                return self
            except OSError:
                time.sleep(1)
        raise SystemExit("make serve did not answer within 3 minutes")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers, response.read()


def wrk(url, seconds, connections, threads=2):
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            f"-t{min(threads, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result)
    return {
        "rate": rate,
        "p50": latency(re.search(r"50%\s+([\d.]+\w+)", result).group(1)),
        "p99": latency(re.search(r"99%\s+([\d.]+\w+)", result).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def latency(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def main():
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "16"))
    port = int(os.environ.get("BENCH_PORT", "8800"))
    cached_env = settings_env(port, page_cache=True)
    uncached_env = settings_env(port + 1, page_cache=False)
    ensure_database(cached_env["DATABASE_URL"])
    urls = build(cached_env)
    flush_redis(cached_env["REDIS_URL"])
    rows = []
    with Server(cached_env) as server:
        _headers, home = fetch(server.base + urls["home_en"])
        import gzip

        css = re.search(rb'href="(/static/[^"]+\.css)"', gzip.decompress(home) if home[:2] == b"\x1f\x8b" else home)
        pages = [("static CSS (the ceiling)", css.group(1).decode())]
        pages += [
            ("home", urls["home_en"]),
            ("article, 200 comments, English, page cache", urls["article_en"]),
            ("article, 200 comments, Spanish, page cache", urls["article_es"]),
            ("listing", urls["listing_en"]),
            ("feed", urls["feed_en"]),
        ]
        for label, path in pages:
            fetch(server.base + path)
            fetch(server.base + path)
            state = fetch(server.base + path)[0].get("X-Page-Cache", "static" if "static" in path else "not stored")
            rows.append((label, path, state, wrk(server.base + path, seconds, connections)))
    with Server(uncached_env) as server:
        for label, path in [
            ("article, 200 comments, English, uncached", urls["article_en"]),
            ("article, 200 comments, Spanish, uncached", urls["article_es"]),
            ("home, uncached", urls["home_en"]),
            ("listing, uncached", urls["listing_en"]),
        ]:
            fetch(server.base + path)
            rows.append((label, path, "off", wrk(server.base + path, seconds, connections)))
        one = wrk(server.base + urls["article_en"], seconds, 1, threads=1)
    ceiling = rows[0][3]["rate"]
    print()
    machine = f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"{time.strftime('%Y-%m-%d')}, {machine}, ", end="")
    print(f"gunicorn {cached_env['WEB_CONCURRENCY']} sync workers, wrk -c{connections} {seconds}s on loopback")
    print()
    print("| page | page cache | req/s | p50 ms | p99 ms | share of static | non-2xx |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for label, _path, state, result in rows:
        share = f"{100 * result['rate'] / ceiling:.1f} %"
        print(
            f"| {label} | {state} | {result['rate']:,.0f} | {result['p50']:.1f} | {result['p99']:.1f} | "
            f"{share} | {result['errors']} |"
        )
    print(
        f"| article, 200 comments, uncached, one request at a time | off | {one['rate']:,.0f} | "
        f"{one['p50']:.1f} | {one['p99']:.1f} | — | {one['errors']} |"
    )


if __name__ == "__main__":
    main()
