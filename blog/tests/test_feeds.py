"""RSS and Atom feeds per language, tag and author; discovery links in page heads."""

import io
import re

import feedparser
import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from conftest import make_article
from core.models import NewsroomSettings

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/stories/feed/", "en", "rss"),
    ("/stories/atom/", "en", "atom"),
    ("/es/historias/rss/", "es", "rss"),
    ("/es/historias/atom/", "es", "atom"),
    ("/stories/tag/water/feed/", "en", "rss"),
    ("/stories/tag/water/atom/", "en", "atom"),
    ("/es/historias/etiqueta/agua/rss/", "es", "rss"),
    ("/es/historias/etiqueta/agua/atom/", "es", "atom"),
    ("/stories/author/ana-sombra/feed/", "en", "rss"),
    ("/stories/author/ana-sombra/atom/", "en", "atom"),
    ("/es/historias/autor/ana-sombra/rss/", "es", "rss"),
    ("/es/historias/autor/ana-sombra/atom/", "es", "atom"),
]


@pytest.fixture
def hero(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (200, 120, 40)).save(buffer, "PNG")
    return Image.objects.create(title="Canal", file=ImageFile(buffer, name="canal.png"))


@pytest.fixture
def feed_articles(translated_article, untranslated_article, hero, blog_index, author, water_tag):
    translated_article.hero_image = hero
    translated_article.body_en = [
        {"type": "paragraph", "value": '<p>The canal is dry. <a href="/stories/">More stories</a>.</p>'}
    ]
    translated_article.save_revision().publish()
    spanish = make_article(
        blog_index,
        es={"title": "Solo en español", "slug": "solo", "body": ["Texto."]},
        original="es",
        authors=[author],
        tags=[water_tag],
        days_ago=2,
    )
    return translated_article, untranslated_article, spanish


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize(("url", "language", "feed_format"), FEEDS)
def test_every_feed_parses_cleanly_in_its_language(client, feed_articles, url, language, feed_format):
    response, parsed = parse(client, url)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version.startswith(feed_format)
    assert response["Content-Type"].startswith(f"application/{feed_format}+xml")
    titles = [entry.title for entry in parsed.entries]
    if language == "es":
        assert "El canal seco" in titles and "Solo en español" in titles
        assert "The dry canal" not in titles and "Night shift at the bridge" not in titles
    else:
        assert "The dry canal" in titles and "Solo en español" not in titles
    assert parsed.feed.language.startswith(language)


def test_tag_and_author_feeds_hold_only_their_articles(client, feed_articles):
    _response, parsed = parse(client, "/stories/tag/water/atom/")
    assert [entry.title for entry in parsed.entries] == ["The dry canal"]
    assert "Water" in parsed.feed.title
    _response, parsed = parse(client, "/es/historias/etiqueta/agua/rss/")
    assert [entry.title for entry in parsed.entries] == ["El canal seco", "Solo en español"]
    assert "Agua" in parsed.feed.title
    _response, parsed = parse(client, "/stories/author/ana-sombra/feed/")
    assert sorted(entry.title for entry in parsed.entries) == ["Night shift at the bridge", "The dry canal"]


def test_the_hero_image_is_an_enclosure(client, feed_articles):
    for url in ["/stories/feed/", "/stories/atom/"]:
        _response, parsed = parse(client, url)
        entry = next(entry for entry in parsed.entries if entry.title == "The dry canal")
        [enclosure] = entry.enclosures
        assert enclosure.type == "image/jpeg"
        assert enclosure.href.startswith("http://testserver/")
        # The enclosure is the hero's rendition, stored, with its real size.
        stored_name = enclosure.href.removeprefix("http://testserver" + settings.MEDIA_URL)
        assert default_storage.exists(stored_name)
        assert int(enclosure.length) == default_storage.size(stored_name)


def test_summary_or_full_text_is_a_site_setting(client, feed_articles):
    for url in ["/stories/feed/", "/stories/atom/"]:
        _response, parsed = parse(client, url)
        entry = next(entry for entry in parsed.entries if entry.title == "The dry canal")
        assert entry.summary == "Farmers wait."
        assert "content" not in entry
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.feed_full_text = True
    settings.save()
    for url in ["/stories/feed/", "/stories/atom/"]:
        _response, parsed = parse(client, url)
        assert not parsed.bozo
        entry = next(entry for entry in parsed.entries if entry.title == "The dry canal")
        content = entry.content[0].value
        assert "The canal is dry." in content
        assert 'href="http://testserver/stories/"' in content


def test_english_route_words_redirect_under_es(client, feed_articles):
    response = client.get("/es/historias/tag/agua/atom/")
    assert response.status_code == 301
    assert response["Location"] == "/es/historias/etiqueta/agua/atom/"
    assert client.get("/es/historias/author/ana-sombra/feed/")["Location"] == "/es/historias/autor/ana-sombra/rss/"
    assert client.get("/stories/tag/nope/atom/").status_code == 404
    assert client.get("/stories/author/nope/atom/").status_code == 404


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", ["/stories/feed/", "/stories/atom/"]),
        ("/es/", ["/es/historias/rss/", "/es/historias/atom/"]),
        ("/stories/", ["/stories/feed/", "/stories/atom/"]),
        ("/stories/the-dry-canal/", ["/stories/feed/", "/stories/atom/"]),
        ("/es/historias/el-canal-seco/", ["/es/historias/rss/", "/es/historias/atom/"]),
        ("/search/?q=canal", ["/stories/feed/", "/stories/atom/"]),
        (
            "/es/historias/etiqueta/agua/",
            [
                "/es/historias/rss/",
                "/es/historias/atom/",
                "/es/historias/etiqueta/agua/rss/",
                "/es/historias/etiqueta/agua/atom/",
            ],
        ),
        (
            "/stories/author/ana-sombra/",
            [
                "/stories/feed/",
                "/stories/atom/",
                "/stories/author/ana-sombra/feed/",
                "/stories/author/ana-sombra/atom/",
            ],
        ),
    ],
)
def test_pages_link_their_feeds(client, feed_articles, url, expected):
    html = client.get(url).content.decode()
    found = re.findall(
        r'<link rel="alternate" type="application/(?:rss|atom)\+xml" title="[^"]+" href="([^"]+)">', html
    )
    assert [link for link in found if "/comments/" not in link and "/comentarios/" not in link] == expected


def test_publishing_purges_the_feeds_that_list_the_article(feed_articles):
    from blog.cache import article_urls

    urls = article_urls(feed_articles[0])
    for path in [
        "/stories/atom/",
        "/es/historias/atom/",
        "/stories/tag/water/feed/",
        "/stories/tag/water/atom/",
        "/es/historias/etiqueta/agua/rss/",
        "/es/historias/etiqueta/agua/atom/",
        "/stories/author/ana-sombra/atom/",
        "/es/historias/autor/ana-sombra/rss/",
    ]:
        assert "http://localhost" + path in urls, path
