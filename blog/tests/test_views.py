"""What readers get at / and /es/."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_article

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def test_article_is_served_in_both_languages(client, translated_article):
    english = client.get("/stories/the-dry-canal/")
    spanish = client.get("/es/historias/el-canal-seco/")
    assert english.status_code == spanish.status_code == 200
    assert '<html lang="en">' in html(english)
    assert '<html lang="es">' in html(spanish)
    assert "The canal is dry." in html(english)
    assert "El canal está seco." in html(spanish)
    assert "The canal is dry." not in html(spanish)


def test_translated_article_lists_both_hreflang_alternates(client, translated_article):
    page = html(client.get("/stories/the-dry-canal/"))
    assert '<link rel="alternate" hreflang="en" href="http://testserver/stories/the-dry-canal/">' in page
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/historias/el-canal-seco/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/stories/the-dry-canal/">' in page
    assert '<link rel="canonical" href="http://testserver/stories/the-dry-canal/">' in page
    assert "noindex" not in page


def test_switcher_lands_on_the_same_article(client, translated_article):
    page = html(client.get("/stories/the-dry-canal/"))
    assert '<a href="/es/historias/el-canal-seco/" hreflang="es" lang="es" rel="alternate">Español</a>' in page


def test_untranslated_article_shows_the_original_under_a_notice(client, untranslated_article):
    response = client.get("/es/historias/night-shift/")
    assert response.status_code == 200
    page = html(response)
    assert "Este artículo aún no se ha traducido" in page
    assert '<h1 class="article__title" lang="en">Night shift at the bridge</h1>' in page
    assert '<div class="article__body" lang="en">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<link rel="canonical" href="http://testserver/stories/night-shift/">' in page
    assert 'hreflang="es"' not in re.sub(r"<nav class=\"language-switcher\".*?</nav>", "", page, flags=re.S)


def test_spanish_original_shows_under_an_english_notice(client, spanish_original_article):
    page = html(client.get("/stories/la-radio-comunitaria/"))
    assert "has not been translated yet" in page
    assert "original language, Spanish" in page
    assert '<h1 class="article__title" lang="es">La radio comunitaria</h1>' in page
    assert '<link rel="canonical" href="http://testserver/es/historias/la-radio-comunitaria/">' in page


def test_translated_article_has_no_notice(client, translated_article):
    page = html(client.get("/es/historias/el-canal-seco/"))
    assert "aún no se ha traducido" not in page
    assert ' lang="en"' not in page.split("<main", 1)[1].split("</main>")[0]


def test_date_is_written_out_in_the_readers_language(client, blog_index, author):
    import datetime

    make_article(
        blog_index,
        en={"title": "Dated", "slug": "dated", "body": ["Text."]},
        es={"title": "Fechado", "slug": "fechado", "body": ["Texto."]},
        authors=[author],
        publication_date=datetime.date(2023, 11, 28),
    )
    assert "Tuesday, November 28, 2023" in html(client.get("/stories/dated/"))
    assert "martes 28 de noviembre de 2023" in html(client.get("/es/historias/fechado/"))


def test_interface_is_translated(client, translated_article):
    page = html(client.get("/es/historias/el-canal-seco/"))
    byline = re.search(r'<span class="byline__authors">(.*?)<a ', page, re.S)
    assert byline and byline.group(1).split() == ["Por"]
    assert "Saltar al contenido" in page and "Portada" in page
    assert "Skip to content" not in page


def test_home_page_in_both_languages(client, translated_article, untranslated_article):
    english = html(client.get("/"))
    spanish = html(client.get("/es/"))
    assert "The dry canal" in english
    assert "El canal seco" in spanish
    # An untranslated story is listed in its own language, marked as such.
    assert '<h3 class="card__title" lang="en">' in spanish


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_articles(blog_index, author, start, count):
    for number in range(start, start + count):
        make_article(
            blog_index,
            en={"title": f"Story {number}", "slug": f"story-{number}", "body": ["Text."]},
            es={"title": f"Historia {number}", "slug": f"historia-{number}", "body": ["Texto."]},
            authors=[author],
        )


@pytest.mark.parametrize("url", ["/es/", "/es/historias/", "/es/historias/etiqueta/agua/", "/sitemap.xml"])
def test_listing_queries_do_not_grow_with_articles(client, blog_index, author, water_tag, url):
    add_articles(blog_index, author, 0, 2)
    for article in blog_index.articles():
        article.tags.add(water_tag)
        article.save()
    few = count_queries(client, url)
    add_articles(blog_index, author, 2, 10)
    for article in blog_index.articles():
        article.tags.add(water_tag)
        article.save()
    assert count_queries(client, url) == few
    assert few <= 20


def test_blog_index_paginates_newest_first(client, blog_index, author, settings):
    settings.BLOG_PAGE_SIZE = 2
    for number in range(3):
        make_article(
            blog_index,
            en={"title": f"Story {number}", "slug": f"story-{number}", "body": ["Text."]},
            authors=[author],
            days_ago=number,
        )
    first = html(client.get("/stories/"))
    assert first.index("Story 0") < first.index("Story 1")
    assert "Story 2" not in first
    assert "Story 2" in html(client.get("/stories/?page=2"))
    assert client.get("/stories/?page=9").status_code == 404


def test_tag_author_and_archive_routes(client, translated_article, untranslated_article):
    year = translated_article.publication_date.year
    month = translated_article.publication_date.month
    assert "The dry canal" in html(client.get("/stories/tag/water/"))
    tagged_es = html(client.get("/es/historias/etiqueta/agua/"))
    assert "Agua" in tagged_es
    assert "Night shift" not in tagged_es
    assert "Night shift" in html(client.get("/stories/author/ana-sombra/"))
    assert "Una reportera." in html(client.get("/es/historias/autor/ana-sombra/"))
    assert "The dry canal" in html(client.get(f"/stories/{year}/"))
    assert "El canal seco" in html(client.get(f"/es/historias/{year}/{month}/"))
    assert client.get("/stories/tag/nothing/").status_code == 404
    assert client.get("/stories/author/nobody/").status_code == 404
    assert client.get(f"/stories/{year}/13/").status_code == 404
    assert client.get("/stories/1999/").status_code == 404


def test_switcher_on_a_tag_page_keeps_the_route(client, translated_article):
    page = html(client.get("/stories/tag/water/"))
    assert 'href="/es/historias/etiqueta/agua/" hreflang="es"' in page


def test_draft_articles_are_not_public(client, translated_article):
    translated_article.unpublish()
    assert client.get("/stories/the-dry-canal/").status_code == 404
    assert "The dry canal" not in html(client.get("/stories/"))


def test_not_found_page_in_both_languages(client, home_page):
    english = client.get("/no-such-page/")
    spanish = client.get("/es/no-existe/")
    assert english.status_code == spanish.status_code == 404
    assert "Page not found" in html(english)
    assert "Página no encontrada" in html(spanish)


def test_server_error_page_in_the_readers_language(rf):
    from core.views import server_error

    response = server_error(rf.get("/es/historias/algo/"))
    assert response.status_code == 500
    assert '<html lang="es">' in response.content.decode()
    assert "Algo salió mal" in response.content.decode()
    assert "Something went wrong" in server_error(rf.get("/stories/x/")).content.decode()


def test_robots_points_at_the_sitemap(client):
    assert b"Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content


def test_sitemap_lists_each_language_that_exists(client, translated_article, untranslated_article):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    xml = sitemap.content.decode()
    assert "<loc>http://testserver/stories/the-dry-canal/</loc>" in xml
    assert "<loc>http://testserver/es/historias/el-canal-seco/</loc>" in xml
    assert 'hreflang="es" href="http://testserver/es/historias/el-canal-seco/"' in xml
    assert "<loc>http://testserver/stories/night-shift/</loc>" in xml
    # The untranslated story has no Spanish version to list.
    assert "/es/historias/night-shift/" not in xml


def test_feed_per_language_lists_what_readers_can_read(client, translated_article, untranslated_article):
    english = client.get("/stories/feed/")
    spanish = client.get("/es/historias/rss/")
    assert english["Content-Type"].startswith("application/rss+xml")
    assert b"<title>The dry canal</title>" in english.content
    assert b"<title>Night shift at the bridge</title>" in english.content
    assert "<title>El canal seco</title>" in spanish.content.decode()
    assert b"http://testserver/es/historias/el-canal-seco/" in spanish.content
    assert b"Night shift" not in spanish.content
    assert b"<language>es</language>" in spanish.content
