"""A spike, survived (issue 12, item 7): readers flood one story while
commenters post and a moderator approves, against the production way of
serving (`make serve`: gunicorn, 2 sync workers, production settings,
PostgreSQL, Redis, the page cache on).

1. The static CSS file with the same wrk settings, for the machine's ceiling
   in this run. Then readers only: wrk with SPIKE_READERS connections (200) for SPIKE_WARM_SECONDS
   (10), the article with 200 comments in English and Spanish by turns.
   PostgreSQL's transaction counter for the database is read before and
   after, so the table says how many database transactions the phase cost
   per 1,000 reader requests (the page cache answers them without one).
2. The spike: the same readers for SPIKE_SECONDS (60) while 10 commenters,
   each from its own address behind one trusted proxy, read the page and
   send its form every few seconds, and a moderator approves what waits
   every 5 seconds; after each approval the page is read in both languages
   until its comment count shows the new total: the purge's delay.
3. After the spike, everything still waiting is approved and every accepted
   comment is looked for on every page of the thread, in both languages.

`make spike` runs it, building the benchmark site first when it is missing
(as `make bench` does), with the same environment: BENCH_DATABASE_URL,
BENCH_REDIS_URL, and SPIKE_PORT (8802), SPIKE_SECONDS, SPIKE_WARM_SECONDS,
SPIKE_READERS. The comments it adds are deleted at the end.

Correctness under load is also a test: comments/tests/test_spike.py.
"""

import collections
import concurrent.futures
import gzip
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from serving import Server, build, ensure_database, fetch, latency, settings_env

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENGLISH = "/stories/bench-story-0000/"
SPANISH = "/es/historias/historia-de-prueba-0000/"
COMMENTERS = 10
COMMENT_EVERY = 9.0  # seconds between visits: under the client limit of five in 10 minutes
APPROVE_EVERY = 5.0
READING_SECONDS = 3.5

READERS_SCRIPT = """
local paths = {"%s", "%s"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[n %% 2 + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def transactions(database_name):
    from django.db import connection, transaction

    # One transaction per reading, so a reading adds exactly one to the next.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s", [database_name])
        return cursor.fetchone()[0]


def settled_transactions(database_name):
    # A busy backend flushes its counters to the shared statistics once a
    # second, an idle one within 10 seconds.
    time.sleep(11)
    return transactions(database_name)


def run_wrk(base, seconds, connections, paths=(ENGLISH, SPANISH)):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(READERS_SCRIPT % (paths[0], paths[-1]))
    try:
        output = subprocess.run(  # noqa: S603 (fixed command line)
            [
                shutil.which("wrk"),
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.name,
                base + ENGLISH,
            ],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
    finally:
        os.unlink(script.name)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "timeouts": int(errors.group(4)) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99": latency(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "failed": (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, errors.groups())) if errors else 0),
    }


def page_text(base, path):
    _headers, body = fetch(base + path)
    return (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode()


def shown_total(html):
    match = re.search(r'class="comments__heading">([\d,]+) (?:comments|comentarios|comment|comentario)<', html)
    return int(match.group(1).replace(",", "")) if match else None


def post_comment(base, article_pk, body, address):
    """A reader's visit: the (cached) page, a few seconds of reading, the form sent back."""
    html = page_text(base, ENGLISH)
    stamp = re.search(r'name="stamp" value="([^"]+)"', html).group(1)
    # The form refuses a post sooner than COMMENTS_MIN_SUBMIT_SECONDS (3) after it was served.
    time.sleep(READING_SECONDS)
    data = urllib.parse.urlencode(
        {"name": "Lectora", "email": "", "body": body, "parent": "", "stamp": stamp, "website": ""}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (loopback)
        f"{base}/comments/post/{article_pk}/",
        data=data,
        headers={"Origin": base, "Sec-Fetch-Site": "same-origin", "X-Forwarded-For": address},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def all_thread_pages(base, path):
    html = page_text(base, path)
    pages = [html]
    number = 1
    # The comments' own "later comments" link (the article's "next story" link is rel="next" too).
    while re.search(r'href="\?comments-page=\d+#comments" rel="next"', html) and number < 50:
        number += 1
        html = page_text(base, f"{path}?comments-page={number}")
        pages.append(html)
    return "".join(pages)


def main():
    seconds = int(os.environ.get("SPIKE_SECONDS", "60"))
    warm_seconds = int(os.environ.get("SPIKE_WARM_SECONDS", "10"))
    readers = int(os.environ.get("SPIKE_READERS", "200"))
    port = int(os.environ.get("SPIKE_PORT", "8802"))
    env = settings_env(port, page_cache=True)
    # The commenters come from their own addresses through one trusted proxy.
    env["COMMENTS_TRUSTED_PROXY_COUNT"] = "1"
    ensure_database(env["DATABASE_URL"])
    build(env)  # the benchmark site, built once (bench/build_site.py)
    setup_django(env)
    from django.db import connection

    from blog.models import ArticlePage
    from comments import moderation
    from comments.models import Comment

    database_name = connection.settings_dict["NAME"]
    article = ArticlePage.objects.get(slug_en="bench-story-0000")
    start_pk = Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    stop = threading.Event()
    posted = {"accepted": [], "refused": [], "failed": collections.Counter()}
    purges = []
    lock = threading.Lock()

    def commenter(number):
        n = 0
        while not stop.wait(COMMENT_EVERY if n else number * COMMENT_EVERY / COMMENTERS):
            n += 1
            body = f"Spike comment {number}-{n}: the gates stay shut."
            try:
                status = post_comment(server.base, article.pk, body, f"198.51.100.{number + 1}")
            except OSError as error:
                status = type(error).__name__
            with lock:
                if status == 302 or status == 200:
                    posted["accepted"].append(body)
                elif status == 429:
                    posted["refused"].append(body)
                else:
                    posted["failed"][status] += 1

    def moderator():
        while not stop.wait(APPROVE_EVERY):
            waiting = list(Comment.objects.filter(article=article, status=Comment.Status.PENDING))
            if not waiting:
                continue
            approved_at = time.monotonic()  # the purge is part of the approval, so it counts
            moderation.set_status(waiting, Comment.Status.APPROVED, user=None)
            expected = Comment.objects.filter(article=article, status=Comment.Status.APPROVED).count()
            # The purge's delay: both language versions are requested at once,
            # again and again, until each shows the new total. A request sent
            # after the approval that still shows the old one is a stale page
            # served after the purge.
            delays, stale = {}, 0
            while len(delays) < 2 and time.monotonic() - approved_at < 10:
                sent = time.monotonic()
                with concurrent.futures.ThreadPoolExecutor(2) as pool:
                    totals = dict(
                        zip(
                            ("en", "es"),
                            pool.map(lambda path: shown_total(page_text(server.base, path)), (ENGLISH, SPANISH)),
                            strict=True,
                        )
                    )
                for language, total in totals.items():
                    if language in delays:
                        continue
                    if total == expected:
                        delays[language] = (sent - approved_at, time.monotonic() - approved_at)
                    else:
                        stale += 1
            with lock:
                purges.append((len(waiting), delays.get("en"), delays.get("es"), stale))
        connection.close()

    with Server(env) as server:
        for path in (ENGLISH, SPANISH):
            for _warm in range(3):
                fetch(server.base + path)
        _headers, home = fetch(server.base + "/")
        css = re.search(rb'href="(/static/[^"]+\.css)"', gzip.decompress(home) if home[:2] == b"\x1f\x8b" else home)
        ceiling = run_wrk(server.base, warm_seconds, readers, paths=[css.group(1).decode()])
        before = settled_transactions(database_name)
        warm = run_wrk(server.base, warm_seconds, readers)
        after = settled_transactions(database_name)
        # The first reading is one transaction itself.
        per_thousand = 1000 * max(after - before - 1, 0) / max(warm["requests"], 1)
        workers = [threading.Thread(target=commenter, args=(n,)) for n in range(COMMENTERS)]
        workers.append(threading.Thread(target=moderator))
        for worker in workers:
            worker.start()
        try:
            spike = run_wrk(server.base, seconds, readers)
        finally:
            stop.set()
            for worker in workers:
                worker.join(timeout=60)
        moderation.set_status(
            list(Comment.objects.filter(article=article, status=Comment.Status.PENDING)),
            Comment.Status.APPROVED,
            user=None,
        )
        exactly_once = {}
        for language, path in (("en", ENGLISH), ("es", SPANISH)):
            thread = all_thread_pages(server.base, path)
            exactly_once[language] = sum(thread.count(body) == 1 for body in posted["accepted"])
    # Leave the benchmark article as it was built.
    Comment.objects.filter(article=article, pk__gt=start_pk).delete()
    from comments.cache import purge_comment_pages

    purge_comment_pages([article])

    print()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f}, ", end="")
    print(f"gunicorn {env['WEB_CONCURRENCY']} sync workers, {readers} readers (wrk), {COMMENTERS} commenters")
    print()
    print("| phase | seconds | requests | req/s | p50 ms | p99 ms | failed | DB transactions per 1,000 requests |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| static CSS (the ceiling) | {warm_seconds} | {ceiling['requests']:,} | {ceiling['rate']:,.0f} | "
        f"{ceiling['p50']:.1f} | {ceiling['p99']:.1f} | {ceiling['failed']} | — |"
    )
    print(
        f"| readers only | {warm_seconds} | {warm['requests']:,} | {warm['rate']:,.0f} | {warm['p50']:.1f} | "
        f"{warm['p99']:.1f} | {warm['failed']} | {per_thousand:.1f} |"
    )
    print(
        f"| readers + commenters + moderator | {seconds} | {spike['requests']:,} | {spike['rate']:,.0f} | "
        f"{spike['p50']:.1f} | {spike['p99']:.1f} | {spike['failed']} | — |"
    )
    for label, result in (("readers only", warm), ("the spike", spike)):
        if result["failed"]:
            print(f"Failed in {label}: {result['timeouts']} timed out after 10 s, {result['non_2xx']} non-2xx.")
    print()
    accepted = len(posted["accepted"])
    print(
        f"Comments: {accepted} accepted, {len(posted['refused'])} refused by the rate limits (429), "
        f"{sum(posted['failed'].values())} failed {dict(posted['failed'])}; shown exactly once after approval: "
        f"{exactly_once['en']}/{accepted} in English, {exactly_once['es']}/{accepted} in Spanish."
    )
    delays = [delay for _count, en, es, _stale in purges for delay in (en, es) if delay is not None]
    missing = sum(delay is None for _count, en, es, _stale in purges for delay in (en, es))
    stale = sum(purge[3] for purge in purges)
    if delays:
        sent = [first for first, _answered in delays]
        answered = [answered for _first, answered in delays]
        print(
            f"Approvals during the spike: {len(purges)}. After each, both language versions were requested at "
            f"once until they showed the new total: {stale} requests sent after an approval showed the old "
            f"total; the first showing the new one was sent {1000 * max(sent):.0f} ms at most after the "
            f"approval began, and answered after median {1000 * statistics.median(answered):.0f} ms, at most "
            f"{1000 * max(answered):.0f} ms, waiting in the readers' queue ({missing} not within 10 s)."
        )
    else:
        print("Approvals during the spike: none measured.")


if __name__ == "__main__":
    main()
