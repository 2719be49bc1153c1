"""How fast an article's comment thread renders and takes a reply.

Run as ``.venv/bin/python bench/comments_thread.py``. It builds a throwaway
SQLite test database, fills one article with 10, 100 and 1,000 approved
comments (a fifth top level, the rest nested replies), and prints the
queries and milliseconds to render the thread (median of several runs), the
whole article page, and to post a reply into the 1,000-comment thread.
Targets: 1,000 comments render in under 115 ms; a reply posts in under 20 ms.
"""

import datetime
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
os.environ.pop("DATABASE_URL", None)  # always SQLite, never a real database

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

RUNS = 7
# Each comment minutes apart, as in a real discussion, so no two share a timestamp.
START = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.UTC)


def build_article(blog_index, number):
    from blog.models import ArticlePage

    article = ArticlePage(
        title_en=f"Bench article {number}",
        slug_en=f"bench-{number}",
        title_es=f"Artículo {number}",
        slug_es=f"banco-{number}",
    )
    blog_index.add_child(instance=article)
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def fill(article, size):
    from comments.models import Comment
    from comments.threads import insert

    tops = []
    for number in range(size):
        parent = None if number % 5 == 0 else tops[-1]
        if number % 5 == 4:
            parent = Comment.objects.filter(parent=tops[-1]).order_by("path").first() or tops[-1]
        comment = Comment(
            article=article,
            parent=parent,
            body=f"Comentario número {number}: ¿dónde está el agua? See https://example.org/{number}",
            display_name="Lectora" if number % 2 else "",
            language="es" if number % 3 else "en",
            status=Comment.Status.APPROVED,
            created_at=START + datetime.timedelta(minutes=7 * number),
        )
        insert(comment, max_depth=3)
        if parent is None:
            tops.append(comment)


def timed(function):
    times = []
    result = None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def render_thread(article, request):
    from comments.templatetags.comments_tags import comment_thread

    context = comment_thread({"request": request, "csrf_token": "x"}, article)
    return render_to_string("comments/thread.html", context)


def main():
    from wagtail.models import Site

    from blog.models import BlogIndexPage
    from comments.models import CommentSettings
    from comments.spam import make_stamp

    # No setup_test_environment(): it instruments template rendering and would
    # slow down exactly what is measured here.
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        translation.activate("en")
        site = Site.objects.get(is_default_site=True)
        settings = CommentSettings.for_site(site)
        settings.page_size = 500  # render every comment on one page
        settings.auto_close_days = 0
        settings.save()
        blog_index = BlogIndexPage(title_en="Stories", slug_en="stories", title_es="Historias", slug_es="historias")
        site.root_page.add_child(instance=blog_index)
        blog_index.save_revision().publish()
        factory = RequestFactory()
        client = Client()
        print(f"{'comments':>9} {'thread queries':>15} {'thread ms':>10} {'page queries':>13} {'page ms':>8}")
        articles = {}
        for number, size in enumerate((10, 100, 1000)):
            article = build_article(blog_index, number)
            fill(article, size)
            articles[size] = article
            request = factory.get(article.url)
            request.site = site
            render_thread(article, request)
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                html = render_thread(article, request)
            thread_queries = len(queries)
            assert html.count('<li class="comment') == size
            thread_ms, _html = timed(lambda article=article, request=request: render_thread(article, request))
            client.get(article.url)
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as page_queries:
                client.get(article.url)
            page_query_count = len(page_queries)
            page_ms, _response = timed(lambda article=article: client.get(article.url))
            print(f"{size:>9} {thread_queries:>15} {thread_ms:>10.1f} {page_query_count:>13} {page_ms:>8.1f}")

        # Posting a reply into the 1,000-comment thread, through the real view.
        from django.conf import settings as django_settings

        from comments.language import identifier
        from comments.models import Comment

        # Production enqueues the notification for a worker; the immediate
        # backend would send the email inside the timed request.
        django_settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        django_settings.COMMENTS_RATE_LIMIT_CLIENT = (10**6, 600)
        django_settings.COMMENTS_RATE_LIMIT_ARTICLE = (10**6, 600)
        identifier()  # the language model loads once per process, not per comment
        article = articles[1000]
        parents = list(Comment.objects.filter(article=article, depth=1).order_by("-path")[: RUNS + 1])
        stamp = make_stamp(article.pk, issued=time.time() - 60)
        times = []
        for parent in parents:
            data = {"name": "Bench", "body": "Una respuesta más al hilo.", "parent": parent.pk, "stamp": stamp}
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as post_queries:
                start = time.perf_counter()
                response = client.post(f"/comments/post/{article.pk}/", data, REMOTE_ADDR="192.0.2.1")
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 302, response.status_code
        updates = [query for query in post_queries if query["sql"].lstrip().upper().startswith("UPDATE")]
        print(
            f"post a reply into 1000: {statistics.median(times[1:]):.1f} ms, {len(post_queries)} queries, "
            f"{len(updates)} updates of other rows"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
