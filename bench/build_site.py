"""Build the serving benchmark's database: the demo newsroom grown to 1,000
articles in both languages and 50,000 approved comments, 200 of them on the
measured article. Run by bench/serving.py with the production settings;
does nothing when the database already holds the site. Prints the measured
URLs as JSON on its last line.
"""

import datetime
import json
import os
import pathlib
import sys
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from blog.models import ArticleAuthor, ArticlePage, ArticlePageTag, Author, BlogIndexPage, BlogTag  # noqa: E402
from comments.models import Comment  # noqa: E402
from comments.threads import segment  # noqa: E402

ARTICLES = 1000
COMMENTS = 50_000
MEASURED_COMMENTS = 200
MEASURED_SLUG = "bench-story-0000"
WORDS = (
    "The water district closed the canal gates on Monday, and farmers along the river say they were not told. "
    "Officials on both sides of the border blame each other for a drought that has lasted three seasons."
)
PALABRAS = (
    "El distrito de riego cerró las compuertas del canal el lunes, y los agricultores dicen que nadie les avisó. "
    "Las autoridades de ambos lados de la frontera se culpan por una sequía que ya dura tres temporadas."
)


def paragraphs(text, count=8):
    return [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())} for _n in range(count)]


def build_articles(blog_index):
    authors = list(Author.objects.all()) or [Author.objects.create(name="Bench Writer", slug="bench-writer")]
    tags = list(BlogTag.objects.all()) or [BlogTag.objects.create(name="Water", name_es="Agua", slug="water")]
    existing = ArticlePage.objects.count()
    today = datetime.date.today()
    for number in range(ARTICLES - existing):
        # The measured article is the newest, so it leads the home page and the lists.
        published = today - datetime.timedelta(days=number // 3)
        article = ArticlePage(
            title_en=f"Bench story {number:04d}: the canal runs dry",
            title_es=f"Historia de prueba {number:04d}: el canal se queda seco",
            slug_en=f"bench-story-{number:04d}",
            slug_es=f"historia-de-prueba-{number:04d}",
            dek_en="Farmers wait for water that does not come.",
            dek_es="Los agricultores esperan un agua que no llega.",
            body_en=paragraphs(WORDS),
            body_es=paragraphs(PALABRAS),
            original_language="en" if number % 3 else "es",
            translation_ready=True,
            publication_date=published,
            first_published_at=timezone.now() - datetime.timedelta(days=number // 3, seconds=number),
            last_published_at=timezone.now(),
        )
        blog_index.add_child(instance=article)
        ArticleAuthor.objects.create(page=article, author=authors[number % len(authors)], sort_order=0)
        for tag in {tags[number % len(tags)], tags[(number + 1) % len(tags)]}:
            ArticlePageTag.objects.create(content_object=article, tag=tag)
        if number % 100 == 0:
            print(f"  {number} articles", flush=True)


def build_comments():
    if Comment.objects.filter(status=Comment.Status.APPROVED).count() >= COMMENTS:
        return
    measured = ArticlePage.objects.get(slug_en=MEASURED_SLUG)
    others = list(ArticlePage.objects.exclude(pk=measured.pk).values_list("pk", flat=True))
    Comment.objects.all().delete()
    start = timezone.now() - datetime.timedelta(days=30)

    def comment(article_id, n, path, parent=None, language="en"):
        return Comment(
            article_id=article_id,
            parent=parent,
            path=path,
            depth=len(path) // 5,
            display_name=f"Reader {n}",
            body=f"Comment number {n}: the gates were closed without notice, and the wells are drying up too.",
            language=language,
            status=Comment.Status.APPROVED,
            created_at=start + datetime.timedelta(minutes=n),
        )

    # The measured article: 100 comments, each with one reply.
    tops = Comment.objects.bulk_create(
        [comment(measured.pk, n, segment(n + 1), language="es" if n % 2 else "en") for n in range(100)]
    )
    replies = [comment(measured.pk, 100 + n, top.path + segment(1), top) for n, top in enumerate(tops)]
    Comment.objects.bulk_create(replies)
    rest = COMMENTS - MEASURED_COMMENTS
    per_article = rest // len(others) + 1
    batch = []
    made = 0
    for article_id in others:
        for position in range(per_article):
            if made == rest:
                break
            batch.append(comment(article_id, made, segment(position + 1)))
            made += 1
        if len(batch) >= 5000:
            Comment.objects.bulk_create(batch)
            batch = []
    Comment.objects.bulk_create(batch)


def main():
    call_command("seed_demo", "--if-empty", verbosity=0)
    blog_index = BlogIndexPage.objects.live().first()
    if ArticlePage.objects.count() < ARTICLES:
        print("Building 1,000 articles (a few minutes on a busy machine)…", flush=True)
        with transaction.atomic():
            build_articles(blog_index)
    with transaction.atomic():
        build_comments()
    measured = ArticlePage.objects.get(slug_en=MEASURED_SLUG)
    urls = {}
    for language in ("en", "es"):
        with translation.override(language):
            urls[f"article_{language}"] = measured.url
            urls[f"home_{language}"] = blog_index.get_parent().url
            urls[f"listing_{language}"] = blog_index.url
            urls[f"feed_{language}"] = blog_index.url + blog_index.reverse_subpage("feed")
    print(json.dumps(urls))


if __name__ == "__main__":
    main()
