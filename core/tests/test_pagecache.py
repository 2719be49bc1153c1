"""The page cache: anonymous public pages served from the shared cache."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from conftest import make_article
from core.pagecache import PageCacheMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def test_second_request_is_served_without_the_database(client, translated_article, django_assert_num_queries):
    """Anonymous GETs of a public page: rendered once, then answered from the cache."""
    for url in ["/stories/", "/es/historias/", "/", "/es/"]:
        first = client.get(url)
        assert first["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit"
        assert second.content == first.content
        assert second["Cache-Control"] == first["Cache-Control"]


def test_key_separates_encoding_host_and_page_number(client, translated_article, settings):
    settings.BLOG_PAGE_SIZE = 1
    make_article(translated_article.get_parent(), en={"title": "Second story", "slug": "second", "body": ["x"]})
    client.get("/stories/")
    assert client.get("/stories/", HTTP_ACCEPT_ENCODING="gzip")["X-Page-Cache"] == "miss"
    assert client.get("/stories/", HTTP_HOST="127.0.0.1")["X-Page-Cache"] == "miss"
    assert client.get("/stories/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/stories/?page=2")["X-Page-Cache"] == "hit"
    assert b"The dry canal" in client.get("/stories/?page=2").content


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"path": "/stories/?utm_source=x"},  # arbitrary query strings would fill the cache
        {"path": "/admin/login/"},
        {"path": "/stories/no-such-story/"},
    ],
)
def test_never_stored(client, translated_article, request_kwargs):
    request_kwargs = dict(request_kwargs)  # the parameter itself is shared by every run in the process
    path = request_kwargs.pop("path")
    for _attempt in range(2):
        response = client.get(path, **request_kwargs)
        assert response.get("X-Page-Cache") != "hit"


def test_a_request_with_a_session_cookie_is_never_served_the_stored_page(client, django_user_model, translated_article):
    """A session may belong to a signed-in editor, who must see the page as it is now, not the readers' copy."""
    assert client.get("/stories/")["X-Page-Cache"] == "miss"
    assert client.get("/stories/")["X-Page-Cache"] == "hit"
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in client.get("/stories/")
    client.force_login(django_user_model.objects.create_user("editora", password="x"))
    assert "X-Page-Cache" not in client.get("/stories/")


@pytest.mark.parametrize(("sets_cookie", "second_answer"), [(False, "hit"), (True, None)])
def test_a_response_setting_a_cookie_is_never_stored(rf, sets_cookie, second_answer):
    """A stored copy would hand one reader's cookie to every reader after them."""

    def public_page(request):
        response = HttpResponse("A public page")
        patch_cache_control(response, public=True, max_age=60, s_maxage=60)
        if sets_cookie:
            response.set_cookie("preference", "one reader's")
        return response

    middleware = PageCacheMiddleware(public_page)
    middleware(rf.get("/stories/"))
    assert middleware(rf.get("/stories/")).get("X-Page-Cache") == second_answer


def test_post_is_never_served_from_cache(client, translated_article):
    client.get("/stories/")
    assert client.post("/stories/").get("X-Page-Cache") != "hit"


def test_tip_page_is_never_stored(client, home_page):
    from demo.tip_page import seed_tip_page

    tip_page = seed_tip_page(home_page)
    for _attempt in range(2):
        response = client.get(tip_page.url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert response.get("X-Page-Cache") != "hit"


def test_cache_down_degrades_to_rendering(client, translated_article, settings):
    """Redis at a closed port: pages still answer."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    response = client.get("/stories/")
    assert response.status_code == 200
    assert b"The dry canal" in response.content


def test_unknown_host_is_refused_not_cached(client, translated_article):
    for _attempt in range(2):
        response = client.get("/stories/", HTTP_HOST="evil.example")
        assert response.status_code == 400
        assert response.get("X-Page-Cache") is None
