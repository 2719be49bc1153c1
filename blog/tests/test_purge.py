"""Exact purges: every change drops exactly the URLs that show it, in both languages."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import translation

from blog.models import BlogTag
from comments.models import Comment
from comments.moderation import set_status
from comments.threads import insert
from conftest import make_article

pytestmark = pytest.mark.django_db

RECORDER = "comments.tests.purge_backend.RecordingBackend"


@pytest.fixture(autouse=True)
def caches_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": RECORDER}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def purged():
    """Every URL sent to the front-end cache backend while the test runs."""
    urls = set()
    with mock.patch(f"{RECORDER}.purge_batch", side_effect=lambda batch: urls.update(batch)):
        yield urls


@pytest.fixture
def other_article(blog_index):
    """An older article with no tag or author in common; never purged by changes to the first."""
    return make_article(
        blog_index,
        en={"title": "Old bridge", "slug": "old-bridge", "body": ["Old."]},
        es={"title": "Puente viejo", "slug": "puente-viejo", "body": ["Viejo."]},
        days_ago=400,
    )


def route(index, language, name, *args):
    with translation.override(language):
        return index.get_full_url() + index.reverse_subpage(name, args=list(args))


def shown_on(article, *, comments_only=False):
    """The URLs that show ``article`` in the fixtures' small site."""
    index = article.blog_index
    date = article.publication_date
    urls = {
        "http://localhost/stories/the-dry-canal/",
        "http://localhost/es/historias/el-canal-seco/",
        f"http://localhost/comments/feed/{article.pk}/",
        f"http://localhost/es/comentarios/rss/{article.pk}/",
        "http://localhost/",
        "http://localhost/es/",
        "http://localhost/stories/",
        "http://localhost/es/historias/",
    }
    for language in ("en", "es"):
        urls |= {
            route(index, language, "year", date.year),
            route(index, language, "month", date.year, date.month),
            *(route(index, language, "tag", tag.slug_in(language)) for tag in article.tag_list()),
            route(index, language, "author", "ana-sombra"),
        }
        if not comments_only:
            urls |= {route(index, language, "feed"), route(index, language, "atom")}
            for tag in article.tag_list():
                urls |= {route(index, language, name, tag.slug_in(language)) for name in ("tag_feed", "tag_atom")}
            urls |= {route(index, language, name, "ana-sombra") for name in ("author_feed", "author_atom")}
    if not comments_only:
        urls |= {"http://localhost/sitemap.xml", "http://localhost/news-sitemap.xml"}
    return urls


# The older article links to the first as "next": it shows its title.
NEIGHBOUR = {"http://localhost/stories/old-bridge/", "http://localhost/es/historias/puente-viejo/"}


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url).get("X-Page-Cache") == "hit", url


def test_edited_title_appears_at_once_in_both_languages(
    client, translated_article, other_article, purged, django_capture_on_commit_callbacks
):
    lists = ["/stories/", "/es/historias/", "/", "/es/"]
    warm(client, *lists)
    translated_article.title_en = "The canal runs dry"
    translated_article.title_es = "El canal se queda seco"
    with django_capture_on_commit_callbacks(execute=True):
        translated_article.save_revision().publish()
    for url in ["/stories/", "/", "/stories/the-dry-canal/"]:
        assert "The canal runs dry" in client.get(url).content.decode(), url
    for url in ["/es/historias/", "/es/", "/es/historias/el-canal-seco/"]:
        assert "El canal se queda seco" in client.get(url).content.decode(), url
    assert purged == shown_on(translated_article) | NEIGHBOUR
    assert "The canal runs dry" in client.get("/stories/old-bridge/").content.decode()


def test_approved_comment_appears_at_once_in_both_languages(
    client, translated_article, other_article, purged, django_capture_on_commit_callbacks, django_user_model
):
    warm(client, "/stories/", "/es/historias/")
    moderator = django_user_model.objects.create_user("mod", "m@frontera.invalid", "pw")
    comment = insert(
        Comment(article=translated_article, body="The pumps stopped in May.", status="pending", language="en"),
        max_depth=3,
    )
    with django_capture_on_commit_callbacks(execute=True):
        set_status([comment], Comment.Status.APPROVED, moderator)
    assert "1 comment" in client.get("/stories/").content.decode()
    assert "1 comentario" in client.get("/es/historias/").content.decode()
    for url in ["/stories/the-dry-canal/", "/es/historias/el-canal-seco/"]:
        assert "The pumps stopped in May." in client.get(url).content.decode(), url
    assert purged == shown_on(translated_article, comments_only=True)


def test_unpublished_article_disappears_from_lists(
    client, translated_article, other_article, purged, django_capture_on_commit_callbacks
):
    warm(client, "/stories/", "/es/historias/")
    with django_capture_on_commit_callbacks(execute=True):
        translated_article.unpublish()
    assert "The dry canal" not in client.get("/stories/").content.decode()
    assert "El canal seco" not in client.get("/es/historias/").content.decode()
    assert purged == shown_on(translated_article) | NEIGHBOUR


def test_other_pages_stay_cached(client, translated_article, other_article, django_capture_on_commit_callbacks):
    """An edit to one article keeps the pages that do not show it in the cache."""
    bridges = BlogTag.objects.create(name="Bridges", name_es="Puentes", slug="bridges")
    other_article.tags.set([bridges])
    other_article.save_revision().publish()
    index = translated_article.blog_index
    others = [route(index, "en", "tag", "bridges"), route(index, "es", "tag", "puentes")]
    warm(client, *others, "/stories/")
    translated_article.title_en = "The canal runs dry"
    with django_capture_on_commit_callbacks(execute=True):
        translated_article.save_revision().publish()
    assert client.get("/stories/").get("X-Page-Cache") == "miss"
    for url in others:
        assert client.get(url).get("X-Page-Cache") == "hit", url


def test_renamed_tag_purges_its_pages_and_articles(
    client, translated_article, other_article, water_tag, purged, django_capture_on_commit_callbacks
):
    warm(client, "/stories/", "/es/historias/")
    water_tag.name_es = "Agua potable"
    with django_capture_on_commit_callbacks(execute=True):
        water_tag.save()
    assert "http://localhost/stories/the-dry-canal/" in purged
    assert "http://localhost/es/historias/el-canal-seco/" in purged
    index = translated_article.blog_index
    assert {route(index, "en", "tag", "water"), route(index, "es", "tag", "agua")} <= purged
    assert not any("old-bridge" in url or "puente-viejo" in url for url in purged)
    assert client.get("/es/historias/").get("X-Page-Cache") == "miss"


def test_site_settings_purge_the_whole_site(client, translated_article, purged, django_capture_on_commit_callbacks):
    from wagtail.models import Site

    from core.models import NewsroomSettings

    warm(client, "/stories/", "/es/historias/")
    settings_row = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.about_page = translated_article
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.save()
    assert client.get("/stories/").get("X-Page-Cache") == "miss"
    assert client.get("/es/historias/").get("X-Page-Cache") == "miss"
    assert shown_on(translated_article) <= purged
