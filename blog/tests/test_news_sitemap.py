"""The Google News sitemap: the last two days' articles, one URL per language version."""

import xml.etree.ElementTree as ET

import pytest

from blog.cache import article_urls
from conftest import make_article

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def entries(client):
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own output)
    return [
        (
            url.find("s:loc", NS).text,
            url.find("news:news/news:publication/news:language", NS).text,
            url.find("news:news/news:title", NS).text,
            url.find("news:news/news:publication/news:name", NS).text,
        )
        for url in root.findall("s:url", NS)
    ]


def test_recent_articles_in_each_language_they_exist_in(client, translated_article, untranslated_article, blog_index):
    make_article(blog_index, en={"title": "Old news", "slug": "old", "body": ["Text."]}, days_ago=10)
    make_article(blog_index, es={"title": "Tom & “Jerry” <b>", "slug": "tom", "body": ["Texto."]}, original="es")
    found = entries(client)
    assert sorted(found) == sorted(
        [
            ("http://testserver/stories/the-dry-canal/", "en", "The dry canal", "Frontera"),
            ("http://testserver/es/historias/el-canal-seco/", "es", "El canal seco", "Frontera"),
            ("http://testserver/stories/night-shift/", "en", "Night shift at the bridge", "Frontera"),
            ("http://testserver/es/historias/tom/", "es", "Tom & “Jerry” <b>", "Frontera"),
        ]
    )


def test_robots_txt_names_the_news_sitemap(client, home_page):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_news_sitemap_is_public_and_purged_on_publish(client, translated_article):
    assert "public" in client.get("/news-sitemap.xml")["Cache-Control"]
    assert "http://localhost/news-sitemap.xml" in article_urls(translated_article)
