import pytest
from django.utils import translation

from blog.models import ArticlePage, BlogIndexPage
from core.bilingual import value_language

pytestmark = pytest.mark.django_db


def test_translated_article_exists_in_both_languages(translated_article):
    assert translated_article.available_languages() == ["en", "es"]
    assert translated_article.content_language("es") == "es"


def test_untranslated_article_exists_only_in_its_original(untranslated_article):
    assert untranslated_article.available_languages() == ["en"]
    assert untranslated_article.content_language("es") == "en"


def test_spanish_original_lists_spanish_first(spanish_original_article, translated_article):
    assert spanish_original_article.available_languages() == ["es"]
    assert spanish_original_article.content_language("en") == "es"


def test_a_title_alone_is_not_a_translation(untranslated_article):
    """A translator who has only typed the headline has not translated the article."""
    untranslated_article.title_es = "Turno de noche en el puente"
    assert not untranslated_article.has_language("es")


def test_an_unreviewed_translation_does_not_count(translated_article):
    translated_article.translation_ready = False
    assert translated_article.available_languages() == ["en"]
    assert translated_article.content_language("es") == "en"


def test_text_in_reads_one_language_without_fallback(untranslated_article):
    text = untranslated_article.text_in("es")
    assert text.title == ""
    assert len(text.body) == 0
    english = untranslated_article.text_in("en")
    assert english.title == "Night shift at the bridge"


def test_value_language_reports_the_fallback(untranslated_article):
    with translation.override("es"):
        assert untranslated_article.title == "Night shift at the bridge"
        assert value_language(untranslated_article, "title") == "en"
    assert value_language(untranslated_article, "title", "en") == "en"


def test_each_language_has_its_own_url(translated_article):
    with translation.override("en"):
        assert translated_article.get_url() == "/stories/the-dry-canal/"
    with translation.override("es"):
        assert translated_article.get_url() == "/es/historias/el-canal-seco/"


def test_untranslated_article_borrows_the_original_slug(spanish_original_article):
    with translation.override("en"):
        assert spanish_original_article.get_url() == "/stories/la-radio-comunitaria/"


def test_byline_keeps_author_order(blog_index, author):
    from blog.models import Author
    from conftest import make_article

    second = Author.objects.create(name="Beto Niebla", slug="beto-niebla")
    article = make_article(
        blog_index, en={"title": "Two names", "slug": "two-names", "body": ["Text."]}, authors=[second, author]
    )
    assert [a.name for a in article.byline_authors()] == ["Beto Niebla", "Ana Sombra"]


def test_tag_label_follows_the_reader(water_tag):
    assert water_tag.label("en") == "Water"
    assert water_tag.label("es") == "Agua"
    water_tag.name_es = ""
    assert water_tag.label("es") == "Water"
    assert water_tag.label_language("es") == "en"


def test_tree_rules():
    assert ArticlePage.parent_page_types == ["blog.BlogIndexPage"]
    assert ArticlePage.subpage_types == []
    assert BlogIndexPage.subpage_types == ["blog.ArticlePage"]
    assert BlogIndexPage.parent_page_types == ["home.HomePage"]


def test_archive_months_count_articles(blog_index, translated_article, untranslated_article):
    months = blog_index.archive_months()
    assert sum(entry["count"] for entry in months) == 2
