"""Previous, next and related articles on the article page, in the reader's language."""

import re

import pytest
from wagtail.models import PageViewRestriction

from blog.models import BlogTag
from blog.tests.test_queries import BUDGET, grow_site
from conftest import make_article

pytestmark = pytest.mark.django_db


def nav(client, url):
    html = client.get(url).content.decode()
    match = re.search(r'<nav class="article-nav".*?</nav>', html, re.S)
    if not match:
        return {"previous": None, "next": None, "related": []}
    block = match.group(0)
    previous = re.search(r'rel="prev" href="([^"]+)"', block)
    following = re.search(r'rel="next" href="([^"]+)"', block)
    related = (
        re.findall(r'<li><a href="([^"]+)">', block.split("article-nav__related")[-1])
        if "article-nav__related" in block
        else []
    )
    return {
        "previous": previous.group(1) if previous else None,
        "next": following.group(1) if following else None,
        "related": related,
    }


def story(blog_index, n, *, days_ago, tags=(), spanish=True):
    return make_article(
        blog_index,
        en={"title": f"Story {n}", "slug": f"story-{n}", "body": ["Text."]},
        es={"title": f"Historia {n}", "slug": f"historia-{n}", "body": ["Texto."]} if spanish else None,
        tags=tags,
        days_ago=days_ago,
    )


@pytest.fixture
def shelf(blog_index):
    water = BlogTag.objects.create(name="Water", name_es="Agua", slug="water")
    border = BlogTag.objects.create(name="Border", name_es="Frontera", slug="border")
    return {
        "oldest": story(blog_index, 1, days_ago=30, tags=[water, border]),
        "english_only": story(blog_index, 2, days_ago=20, tags=[water, border], spanish=False),
        "middle": story(blog_index, 3, days_ago=10, tags=[water, border]),
        "newer": story(blog_index, 4, days_ago=5, tags=[border]),
        "newest": story(blog_index, 5, days_ago=1),
    }


def test_previous_and_next_follow_the_publication_dates(client, shelf):
    links = nav(client, "/stories/story-3/")
    assert links["previous"] == "/stories/story-2/"
    assert links["next"] == "/stories/story-4/"
    assert nav(client, "/stories/story-5/")["next"] is None
    assert nav(client, "/stories/story-1/")["previous"] is None


def test_spanish_readers_skip_articles_not_in_spanish(client, shelf):
    links = nav(client, "/es/historias/historia-3/")
    assert links["previous"] == "/es/historias/historia-1/"
    assert links["next"] == "/es/historias/historia-4/"
    assert "/es/historias/story-2/" not in links["related"]
    html = client.get("/es/historias/historia-3/").content.decode()
    assert "Historia anterior" in html and "Story 2" not in html


def test_related_articles_share_the_most_tags(client, shelf):
    assert nav(client, "/stories/story-3/")["related"] == [
        "/stories/story-2/",
        "/stories/story-1/",
        "/stories/story-4/",
    ]
    assert nav(client, "/es/historias/historia-3/")["related"] == [
        "/es/historias/historia-1/",
        "/es/historias/historia-4/",
    ]
    # No shared tag, no related list.
    assert nav(client, "/stories/story-5/")["related"] == []


def test_unpublished_and_private_articles_are_left_out(client, shelf):
    shelf["newer"].unpublish()
    PageViewRestriction.objects.create(page=shelf["english_only"], restriction_type="password", password="secret-words")
    links = nav(client, "/stories/story-3/")
    assert links["previous"] == "/stories/story-1/"
    assert links["next"] == "/stories/story-5/"
    assert links["related"] == ["/stories/story-1/"]


def test_publishing_purges_the_neighbours_pages(shelf):
    from blog.cache import article_urls

    urls = article_urls(shelf["middle"])
    assert "http://localhost/stories/story-2/" in urls
    assert "http://localhost/es/historias/historia-4/" in urls


def test_article_pages_with_navigation_stay_within_the_budget(
    client, blog_index, settings, django_assert_max_num_queries
):
    """The article page (navigation included) and the new feeds keep blog/tests/test_queries.py's budget."""
    settings.CACHE_IS_SHARED = True
    settings.PAGE_CACHE_ENABLED = False
    grow_site(blog_index, 14, 20, 4)
    client.get("/stories/story-1/")
    for url in [
        "/stories/story-0/",
        "/stories/story-7/",
        "/es/historias/historia-7/",
        "/stories/atom/",
        "/es/historias/atom/",
        "/stories/tag/tag-0/atom/",
        "/es/historias/etiqueta/etiqueta-0/rss/",
        "/stories/author/writer-0/feed/",
        "/news-sitemap.xml",
    ]:
        with django_assert_max_num_queries(BUDGET):
            assert client.get(url).status_code == 200, url
