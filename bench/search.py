"""How fast reader search indexes an article and answers a query.

Run as ``.venv/bin/python bench/search.py [ARTICLES]`` (default 600). It
builds a throwaway test database (PostgreSQL when DATABASE_URL names one,
else SQLite), publishes ARTICLES bilingual articles whose text cycles
through the demo newsroom's stories, and prints the milliseconds to index
one article (both language versions, as the queued task does) and to serve
search pages in each language (median of several runs), with their queries.
Targets: indexing under 50 ms per article; a search page under 200 ms
when every article matches (600 articles, PostgreSQL).
"""

import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

RUNS = 9
QUERIES = [
    ("/search/?q=water", "English, common word"),
    ("/search/?q=murdered+families", "English, two stemmed words"),
    ("/search/?q=zzqxjv", "English, no match"),
    ("/es/buscar/?q=agua", "Spanish, common word"),
    ("/es/buscar/?q=asesinatos+familias", "Spanish, two stemmed words"),
    ("/es/buscar/?q=agua&tag=agua", "Spanish, word and tag"),
    ("/es/buscar/?q=agua&page=3", "Spanish, third page"),
]


def timed(call):
    times = []
    for _run in range(RUNS):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paragraphs(blocks):
    return [{"type": "paragraph", "value": value} for kind, value in blocks if kind == "paragraph"]


def build(blog_index, count):
    from blog.models import ArticlePage, BlogTag
    from home import demo_content

    water = BlogTag.objects.create(name="Water", name_es="Agua", slug="water")
    stories = [story for story in demo_content.ARTICLES if story.get("en") and story.get("es")]
    for number in range(count):
        story = stories[number % len(stories)]
        article = ArticlePage(
            original_language="en",
            translation_ready=True,
            title_en=f"{story['en']['title']} ({number})",
            slug_en=f"story-{number}",
            dek_en=story["en"]["dek"],
            body_en=[*paragraphs(story["en"]["body"]), {"type": "paragraph", "value": "<p>Murders and water.</p>"}],
            title_es=f"{story['es']['title']} ({number})",
            slug_es=f"historia-{number}",
            dek_es=story["es"]["dek"],
            body_es=[*paragraphs(story["es"]["body"]), {"type": "paragraph", "value": "<p>Asesinato y agua.</p>"}],
        )
        if number % 3 == 0:
            article.tags.set([water])
        blog_index.add_child(instance=article)
        article.save_revision().publish()


def main():
    from wagtail.models import Site

    from blog.models import ArticlePage, BlogIndexPage, SearchDocument
    from blog.search import index_article

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        translation.activate("en")
        site = Site.objects.get(is_default_site=True)
        blog_index = BlogIndexPage(title_en="Stories", slug_en="stories", title_es="Historias", slug_es="historias")
        site.root_page.add_child(instance=blog_index)
        blog_index.save_revision().publish()
        start = time.perf_counter()
        build(blog_index, count)
        seconds = time.perf_counter() - start
        print(f"database: {connection.vendor}; {count} bilingual articles published in {seconds:.0f} s")
        print(f"search documents: {SearchDocument.objects.count()}")
        page_ids = list(ArticlePage.objects.values_list("pk", flat=True)[:RUNS])
        index_ms = statistics.median(timed(lambda page_id=page_id: index_article(page_id)) for page_id in page_ids)
        print(f"index one article (both languages): {index_ms:.1f} ms")
        client = Client()
        print(f"{'search':<40} {'results':>8} {'queries':>8} {'ms':>8}")
        for url, label in QUERIES:
            response = client.get(url)
            assert response.status_code == 200, url
            found = response.content.decode().count('class="search-hit"')
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(f"{label:<40} {found:>8} {len(queries):>8} {timed(lambda url=url: client.get(url)):>8.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
