"""Cache-Control, Vary and compression on public and personal responses."""

import gzip

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/es/", "/stories/", "/es/historias/", "/stories/feed/", "/es/historias/rss/", "/sitemap.xml"]


def assert_public(response):
    assert response.status_code == 200
    assert not response.cookies, f"sets {list(response.cookies)}"
    assert "Set-Cookie" not in response
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=600" in cache_control, cache_control
    assert "max-age=60" in cache_control and "stale-while-revalidate=60" in cache_control, cache_control
    # The language is in the URL, never negotiated: no copy per browser language or cookie.
    vary = response.get("Vary", "").lower()
    assert "accept-language" not in vary and "cookie" not in vary, vary


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_are_cacheable_in_both_languages(client, translated_article, url):
    """Home, listing, feeds and sitemap carry no cookie and a public Cache-Control with s-maxage."""
    assert_public(client.get(url, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9"))


@pytest.mark.parametrize("url", ["/stories/the-dry-canal/", "/es/historias/el-canal-seco/"])
def test_article_is_cacheable_in_both_languages(client, translated_article, url):
    """A public article, English and Spanish: no Set-Cookie, Cache-Control with s-maxage."""
    assert_public(client.get(url))


def test_cache_lifetimes_come_from_settings(client, translated_article, settings):
    settings.CACHE_PUBLIC_MAX_AGE = 5
    settings.CACHE_PUBLIC_S_MAXAGE = 3600
    settings.CACHE_STALE_WHILE_REVALIDATE = 30
    cache_control = client.get("/stories/")["Cache-Control"]
    assert set(cache_control.split(", ")) == {"public", "max-age=5", "s-maxage=3600", "stale-while-revalidate=30"}


def test_signed_in_editor_gets_private_pages(client, translated_article, django_user_model):
    """An editor's view of the site (with the Wagtail user bar) is never shared."""
    client.force_login(django_user_model.objects.create_superuser("editor", "e@frontera.invalid", "pw-12345-xyz"))
    for url in ["/", "/stories/", "/admin/"]:
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url
        assert "public" not in response["Cache-Control"]


def test_admin_login_is_private(client, home_page):
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]


def test_errors_and_posts_are_not_marked_public(client, translated_article):
    assert "public" not in client.get("/stories/no-such-story/").get("Cache-Control", "")
    assert "public" not in client.post("/stories/").get("Cache-Control", "")


def test_public_pages_are_gzipped(client, translated_article):
    response = client.get("/stories/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "accept-encoding" in response["Vary"].lower()
    assert "The dry canal" in gzip.decompress(response.content).decode()
    assert "Content-Encoding" not in client.get("/stories/")


def test_pages_with_secrets_are_not_gzipped(client, home_page):
    """The admin's login form holds a CSRF token: no compression there (BREACH)."""
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
