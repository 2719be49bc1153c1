"""What search engines and link previews read: valid times, heading order,
descriptions, Open Graph and JSON-LD, in both languages."""

import itertools
import json
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from comments.models import Comment
from comments.threads import insert
from conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_renditions_from_other_tests():
    """Renditions are cached by image id, and ids come back after a rollback."""
    cache.clear()


# A valid HTML "global date and time string" to the second, or a date.
VALID_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?$")


class HeadParser(HTMLParser):
    """Collects meta tags, JSON-LD blocks, headings and time elements."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self.headings, self.times = [], [], [], []
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self.in_json_ld = True
            self.json_ld.append("")
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "time":
            self.times.append(attrs.get("datetime"))

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_json_ld = False

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld[-1] += data

    def property(self, name):
        return [m["content"] for m in self.meta if m.get("property") == name or m.get("name") == name]

    def objects(self, kind):
        return [data for data in map(json.loads, self.json_ld) if data["@type"] == kind]


def parse(response):
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def hero(db):
    return get_image_model().objects.create(title="Canal", file=get_test_image_file(size=(1600, 900)))


@pytest.fixture
def article(translated_article, hero):
    translated_article.hero_image = hero
    translated_article.hero_caption_en = "The canal in May."
    translated_article.save_revision().publish()
    return translated_article


def test_comment_times_have_no_fraction_of_a_second(client, translated_article):
    """A comment's <time datetime> is a valid HTML date and time: to the second."""
    comment = insert(Comment(article=translated_article, body="Seen it.", status="approved"), max_depth=3)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now().replace(microsecond=309591))
    for url in ["/stories/the-dry-canal/", "/es/historias/el-canal-seco/"]:
        times = parse(client.get(url)).times
        assert len(times) == 2, times  # the byline and the comment
        assert all(VALID_DATETIME.match(value) for value in times), times


@pytest.mark.parametrize(
    "url", ["/", "/es/", "/stories/", "/es/historias/", "/stories/tag/water/", "/stories/author/ana-sombra/"]
)
def test_headings_never_skip_a_level(client, translated_article, untranslated_article, url):
    """Listing and home pages go h1, h2, h3 without a jump (axe heading-order)."""
    headings = parse(client.get(url)).headings
    assert headings[0] == 1
    assert len(headings) > 2
    assert all(b <= a + 1 for a, b in itertools.pairwise(headings)), headings


def test_every_page_has_a_description_in_its_language(client, translated_article, home_page):
    """The home page falls back to the site's tagline, translated; an article uses its dek."""
    english = parse(client.get("/")).property("description")
    spanish = parse(client.get("/es/")).property("description")
    assert english == ["Independent reporting on organised crime along the US-Mexico border, in English and Spanish."]
    assert spanish[0].startswith("Periodismo independiente")
    assert parse(client.get("/es/historias/el-canal-seco/")).property("description") == ["Los campesinos esperan."]
    home_page.tagline_es = "Noticias de la frontera"
    home_page.save_revision().publish()
    assert parse(client.get("/es/")).property("description") == ["Noticias de la frontera"]


def test_news_article_json_ld_carries_every_field(client, article):
    """The English article's NewsArticle: headline, dates, author page, image, publisher,
    language, and its Spanish translation; the Spanish one points back."""
    english = parse(client.get("/stories/the-dry-canal/"))
    (data,) = english.objects("NewsArticle")
    url = "http://testserver/stories/the-dry-canal/"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "The dry canal"
    assert data["description"] == "Farmers wait."
    assert data["url"] == data["@id"] == url
    assert data["inLanguage"] == "en"
    assert data["isAccessibleForFree"] is True
    assert data["datePublished"].startswith(article.publication_date.isoformat())
    assert VALID_DATETIME.match(data["dateModified"])
    assert data["author"] == [
        {"@type": "Person", "name": "Ana Sombra", "url": "http://testserver/stories/author/ana-sombra/"}
    ]
    assert client.get("/stories/author/ana-sombra/").status_code == 200
    (image,) = data["image"]
    assert (image["width"], image["height"]) == (1200, 675)
    assert image["url"].startswith("http://testserver/") and image["url"].endswith(".png")
    publisher = data["publisher"]
    assert publisher["name"] == "Frontera"
    assert publisher["logo"]["url"].endswith("/icons/logo.png")
    assert (publisher["logo"]["width"], publisher["logo"]["height"]) == (512, 512)
    assert data["keywords"] == ["Water"]
    assert data["workTranslation"] == [
        {
            "@type": "NewsArticle",
            "@id": "http://testserver/es/historias/el-canal-seco/",
            "url": "http://testserver/es/historias/el-canal-seco/",
            "inLanguage": "es",
        }
    ]
    assert "translationOfWork" not in data

    (spanish,) = parse(client.get("/es/historias/el-canal-seco/")).objects("NewsArticle")
    assert spanish["@id"] == "http://testserver/es/historias/el-canal-seco/"
    assert spanish["headline"] == "El canal seco"
    assert spanish["inLanguage"] == "es"
    assert spanish["author"][0]["url"] == "http://testserver/es/historias/autor/ana-sombra/"
    assert client.get("/es/historias/autor/ana-sombra/").status_code == 200
    assert spanish["keywords"] == ["Agua"]
    assert spanish["translationOfWork"]["@id"] == data["@id"]
    assert "workTranslation" not in spanish


def test_untranslated_article_is_described_as_its_original(client, untranslated_article):
    """Read at its Spanish address, an English-only article is an English NewsArticle at its
    English URL, with no translation claimed and no Spanish locale."""
    page = parse(client.get("/es/historias/night-shift/"))
    (data,) = page.objects("NewsArticle")
    assert data["inLanguage"] == "en"
    assert data["url"] == "http://testserver/stories/night-shift/"
    assert "workTranslation" not in data and "translationOfWork" not in data
    assert page.property("og:locale") == ["en_US"]
    assert page.property("og:locale:alternate") == []
    assert page.property("og:url") == ["http://testserver/stories/night-shift/"]


def test_open_graph_and_twitter_cards_in_the_pages_language(client, article):
    english = parse(client.get("/stories/the-dry-canal/"))
    assert english.property("og:type") == ["article"]
    assert english.property("og:title") == ["The dry canal"]
    assert english.property("og:description") == ["Farmers wait."]
    assert english.property("og:locale") == ["en_US"]
    assert english.property("og:locale:alternate") == ["es_MX"]
    assert english.property("og:url") == ["http://testserver/stories/the-dry-canal/"]
    assert english.property("og:image:width") == ["1200"]
    assert english.property("og:image:height") == ["675"]
    assert english.property("og:image:alt") == ["The canal in May."]
    assert english.property("article:tag") == ["Water"]
    assert english.property("twitter:card") == ["summary_large_image"]
    assert english.property("twitter:title") == ["The dry canal"]
    spanish = parse(client.get("/es/historias/el-canal-seco/"))
    assert spanish.property("og:locale") == ["es_MX"]
    assert spanish.property("og:locale:alternate") == ["en_US"]
    assert spanish.property("og:title") == ["El canal seco"]
    assert spanish.property("article:tag") == ["Agua"]
    assert spanish.property("og:url") == ["http://testserver/es/historias/el-canal-seco/"]


def test_json_ld_cannot_be_broken_out_of(client, blog_index, author):
    """A headline holding </script> stays inside the JSON-LD block and parses back intact."""
    title = "Cartel </script><script>alert(1)</script> & <!-- them"
    make_article(blog_index, en={"title": title, "slug": "breakout", "body": ["Text."]}, authors=[author])
    response = client.get("/stories/breakout/")
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    (data,) = parse(response).objects("NewsArticle")
    assert data["headline"] == title


def test_home_page_declares_the_site_and_its_search(client, home_page):
    (english,) = parse(client.get("/")).objects("WebSite")
    (spanish,) = parse(client.get("/es/")).objects("WebSite")
    assert english["url"] == "http://testserver/"
    assert english["potentialAction"]["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    assert english["potentialAction"]["query-input"] == "required name=search_term_string"
    assert spanish["url"] == "http://testserver/es/"
    assert spanish["inLanguage"] == "es"
    assert spanish["potentialAction"]["target"]["urlTemplate"] == "http://testserver/es/buscar/?q={search_term_string}"
    assert parse(client.get("/es/")).property("og:title") == ["Frontera"]


def test_breadcrumbs_follow_the_page_in_its_language(client, article):
    (trail,) = parse(client.get("/es/historias/el-canal-seco/")).objects("BreadcrumbList")
    assert [(item["position"], item["name"], item["item"]) for item in trail["itemListElement"]] == [
        (1, "Frontera", "http://testserver/es/"),
        (2, "Historias", "http://testserver/es/historias/"),
        (3, "El canal seco", "http://testserver/es/historias/el-canal-seco/"),
    ]
    (tag_trail,) = parse(client.get("/stories/tag/water/")).objects("BreadcrumbList")
    assert [item["item"] for item in tag_trail["itemListElement"]] == [
        "http://testserver/",
        "http://testserver/stories/",
        "http://testserver/stories/tag/water/",
    ]


def test_a_description_is_never_borrowed_from_the_other_language(client, blog_index):
    """An English-only search description is not shown to Spanish readers: they get
    the Spanish introduction, else the site's tagline in Spanish."""
    blog_index.search_description_en = "Every story we published."
    blog_index.save_revision().publish()
    assert parse(client.get("/stories/")).property("description") == ["Every story we published."]
    (spanish,) = parse(client.get("/es/historias/")).property("description")
    assert spanish.startswith("Periodismo independiente")
    blog_index.intro_es = "<p>Todas nuestras <b>historias</b>.</p>"
    blog_index.save_revision().publish()
    assert parse(client.get("/es/historias/")).property("description") == ["Todas nuestras historias."]
