"""hreflang="x-default" points at the version in the article's original language."""

import re

import pytest

from conftest import make_article
from core.templatetags.bilingual_tags import page_url_in

pytestmark = pytest.mark.django_db


def x_default(html):
    found = re.findall(r'<link rel="alternate" hreflang="x-default" href="([^"]+)">', html)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def translated_spanish_original(blog_index, author):
    return make_article(
        blog_index,
        es={"title": "El puente nocturno", "slug": "el-puente-nocturno", "body": ["Los camiones esperan."]},
        en={"title": "The night bridge", "slug": "the-night-bridge", "body": ["Trucks wait."]},
        original="es",
        authors=[author],
    )


def test_spanish_original_x_default_is_the_spanish_url(client, spanish_original_article):
    spanish = "http://testserver" + page_url_in(spanish_original_article, "es")
    assert spanish.endswith("/es/historias/la-radio-comunitaria/")
    for language in ("es", "en"):
        response = client.get(page_url_in(spanish_original_article, language))
        assert response.status_code == 200
        assert x_default(response.content.decode()) == spanish, language


def test_translated_spanish_original_x_default_is_still_spanish(client, translated_spanish_original):
    spanish = "http://testserver/es/historias/el-puente-nocturno/"
    for url in ("/es/historias/el-puente-nocturno/", "/stories/the-night-bridge/"):
        html = client.get(url).content.decode()
        assert x_default(html) == spanish, url
        assert '<link rel="alternate" hreflang="en" href="http://testserver/stories/the-night-bridge/">' in html


def test_english_original_x_default_is_the_english_url(client, translated_article):
    for url in ("/stories/the-dry-canal/", "/es/historias/el-canal-seco/"):
        assert x_default(client.get(url).content.decode()) == "http://testserver/stories/the-dry-canal/"


def sitemap_x_default(client, article_url):
    xml = client.get("/sitemap.xml").content.decode()
    entry = re.search(rf"<url><loc>{re.escape(article_url)}</loc>.*?</url>", xml, re.S)
    assert entry, xml
    return re.findall(r'hreflang="x-default"\s+href="([^"]+)"', entry.group(0))


def test_sitemap_x_default_is_the_original_language(client, translated_spanish_original, translated_article):
    spanish = "http://testserver/es/historias/el-puente-nocturno/"
    assert sitemap_x_default(client, spanish) == [spanish]
    assert sitemap_x_default(client, "http://testserver/stories/the-night-bridge/") == [spanish]
    english = "http://testserver/stories/the-dry-canal/"
    assert sitemap_x_default(client, "http://testserver/es/historias/el-canal-seco/") == [english]


def test_routable_pages_list_their_own_alternates(client, translated_article):
    """A tag page's alternates and switcher keep the tag route in each language."""
    page = client.get("/stories/tag/water/").content.decode()
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/historias/etiqueta/agua/">' in page
    assert '<link rel="alternate" hreflang="en" href="http://testserver/stories/tag/water/">' in page
    assert x_default(page) == "http://testserver/stories/tag/water/"


def test_home_page_x_default_is_the_english_home(client, home_page):
    for url in ("/", "/es/"):
        assert x_default(client.get(url).content.decode()) == "http://testserver/"


def test_language_versions_outside_the_pages_own_url(rf, translated_article):
    """Rendered elsewhere (an admin preview) or with no request, the versions are the page's plain URLs."""
    from core.templatetags.bilingual_tags import language_versions

    plain = {"en": "/stories/the-dry-canal/", "es": "/es/historias/el-canal-seco/"}
    preview = rf.get(f"/admin/pages/{translated_article.pk}/edit/preview/")
    versions = language_versions({"page": translated_article, "request": preview})
    assert {version["code"]: version["url"] for version in versions} == plain
    versions = language_versions({"page": translated_article})
    assert {version["code"]: version["url"] for version in versions} == plain
    assert {version["code"]: version["absolute_url"] for version in versions} == {
        code: "http://localhost" + url for code, url in plain.items()
    }


def test_with_a_second_site_a_tag_page_keeps_its_route_in_the_other_language(client, translated_article, second_site):
    """With two Wagtail sites a page's URL is only relative for the request's own site."""
    page = client.get("/stories/tag/water/").content.decode()
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/historias/etiqueta/agua/">' in page
    spanish = client.get("/es/historias/etiqueta/agua/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/stories/tag/water/">' in spanish
