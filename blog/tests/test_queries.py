"""Query budgets: an uncached page reads a fixed number of queries, whatever
the number of articles, comments, tags and authors."""

from unittest import mock

import pytest
from wagtail.models import Page

from blog.models import Author, BlogTag
from comments.models import Comment
from comments.threads import insert
from conftest import make_article

pytestmark = pytest.mark.django_db

BUDGET = 12


def grow_site(blog_index, articles, comments, labels):
    authors = [Author.objects.create(name=f"Writer {n}", slug=f"writer-{n}") for n in range(labels)]
    tags = [BlogTag.objects.create(name=f"Tag {n}", name_es=f"Etiqueta {n}", slug=f"tag-{n}") for n in range(labels)]
    made = [
        make_article(
            blog_index,
            en={"title": f"Story {n}", "slug": f"story-{n}", "body": ["Text."]},
            es={"title": f"Historia {n}", "slug": f"historia-{n}", "body": ["Texto."]},
            authors=authors[: 1 + n % labels],
            tags=tags[: 1 + n % labels],
            days_ago=n * 20,
        )
        for n in range(articles)
    ]
    parent = None
    for n in range(comments):
        comment = Comment(article=made[0], parent=parent if n % 3 else None, body=f"Comment {n}", status="approved")
        parent = insert(comment, max_depth=3)
    return made


@pytest.mark.parametrize(("articles", "comments", "labels"), [(2, 1, 1), (14, 200, 4)])
def test_uncached_pages_stay_within_the_query_budget(
    client, blog_index, settings, django_assert_max_num_queries, articles, comments, labels
):
    """Article (200 comments), home, listing, archive, tag, author and feed pages in
    both languages: at most 12 queries each, with the page cache off."""
    settings.CACHE_IS_SHARED = True  # production: Redis keeps the site and its header links
    settings.PAGE_CACHE_ENABLED = False
    settings.BLOG_PAGE_SIZE = 10
    made = grow_site(blog_index, articles, comments, labels)
    year = made[0].publication_date.year
    urls = [
        "/stories/story-0/",
        "/es/historias/historia-0/",
        "/",
        "/es/",
        "/stories/",
        "/es/historias/",
        f"/stories/{year}/",
        "/stories/tag/tag-0/",
        "/es/historias/etiqueta/etiqueta-0/",
        "/stories/author/writer-0/",
        "/stories/feed/",
        "/es/historias/rss/",
        f"/comments/feed/{made[0].pk}/",
    ]
    # In production the shared cache is warm and the site's settings rows exist.
    client.get("/stories/story-1/")
    for url in urls:
        with django_assert_max_num_queries(BUDGET):
            response = client.get(url)
        assert response.status_code == 200, url
    if comments == 200:
        assert response.content.count(b"<item>") == 50


def test_routing_loads_only_the_requested_article(client, blog_index):
    """An article request does not build a page object for every article of the index."""
    grow_site(blog_index, 30, 0, 1)
    for url in ["/stories/story-7/", "/es/historias/historia-7/"]:
        client.get(url)
        built = []
        original = Page.from_db.__func__

        def counting(cls, db, field_names, values, built=built, original=original):
            built.append(cls)
            return original(cls, db, field_names, values)

        with mock.patch.object(Page, "from_db", classmethod(counting)):
            assert client.get(url).status_code == 200
        assert len(built) < 20, f"{len(built)} objects built for one article among 30"
