"""Which language a page's text is really in, at the edges.

Written against the mutants ``make mutate MODULES=core.bilingual`` left
alive; each test states the behaviour a mutant broke. The helpers are
reached through ``core.bilingual`` (as the templates and other apps reach
them) or through a page.
"""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Page

from blog.models import ArticlePage
from conftest import make_article
from core import bilingual


@pytest.mark.parametrize(
    ("active", "expected"),
    [("es", "es"), ("es-mx", "es"), ("en-us", "en"), ("fr", "en"), ("pt-br", "en")],
)
def test_current_language_is_reduced_to_a_site_language(active, expected):
    with translation.override(active):
        assert bilingual.current_language() == expected


def test_without_an_active_language_the_default_is_current(settings):
    settings.LANGUAGE_CODE = "es"
    with translation.override(None):
        assert bilingual.current_language() == "es"


def test_language_codes_follow_the_settings(settings):
    assert bilingual.language_codes() == ["en", "es"]
    settings.LANGUAGES = [("es", "Español"), ("en", "English"), ("fr", "Français")]
    assert bilingual.language_codes() == ["es", "en", "fr"]


class Sized:
    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size


class Unsized:
    def __init__(self, truth):
        self.truth = truth

    def __bool__(self):
        return self.truth


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, False),
        ("", False),
        ("  \n ", False),
        (" a ", True),
        (Sized(0), False),
        (Sized(1), True),
        (Sized(3), True),
        (Unsized(False), False),
        (Unsized(True), True),
        (0, False),
        (7, True),
    ],
)
def test_has_text(value, expected):
    assert bilingual.has_text(value) is expected


def test_lang_attribute_marks_only_foreign_text():
    with translation.override("en"):
        assert bilingual.lang_attribute("es") == ' lang="es"'
        assert bilingual.lang_attribute("en") == ""
        assert bilingual.lang_attribute(None) == ""
        assert bilingual.lang_attribute("") == ""
    with translation.override("es"):
        assert bilingual.lang_attribute("en") == ' lang="en"'
        assert bilingual.lang_attribute("es") == ""


def test_language_choices_are_the_two_site_languages():
    assert [(choice.value, str(choice.label)) for choice in bilingual.LanguageChoices] == [
        ("en", "English"),
        ("es", "Spanish"),
    ]


@pytest.mark.django_db
def test_value_language_prefers_the_asked_language_then_the_others(translated_article, untranslated_article):
    assert bilingual.value_language(translated_article, "title", "es") == "es"
    assert bilingual.value_language(translated_article, "title", "en") == "en"
    assert bilingual.value_language(untranslated_article, "title", "es") == "en"
    assert bilingual.value_language(untranslated_article, "dek", "es") is None
    with translation.override("es"):
        assert bilingual.value_language(translated_article, "title") == "es"
        assert bilingual.value_language(untranslated_article, "title") == "en"


@pytest.mark.django_db
def test_value_language_falls_back_to_a_later_language_when_the_first_is_empty(settings, spanish_original_article):
    settings.LANGUAGES = [("fr", "Français"), ("en", "English"), ("es", "Español")]
    assert bilingual.value_language(spanish_original_article, "title", "fr") == "es"


@pytest.mark.django_db
def test_raw_value_reads_one_language_without_fallback(untranslated_article):
    assert bilingual.raw_value(untranslated_article, "title", "en") == "Night shift at the bridge"
    assert bilingual.raw_value(untranslated_article, "title", "es") in ("", None)
    assert bilingual.raw_value(untranslated_article, "no_such_field", "en") is None


@pytest.mark.django_db
def test_translated_text_holds_one_language_and_knows_if_it_is_foreign(translated_article):
    with translation.override("en"):
        text = translated_article.text_in("es")
        assert (text.language, text.title, text.dek) == ("es", "El canal seco", "Los campesinos esperan.")
        assert text.is_foreign is True and text.lang_attr == ' lang="es"'
        own = translated_article.text_in("en")
        assert own.title == "The dry canal" and own.is_foreign is False and own.lang_attr == ""


@pytest.mark.django_db
def test_has_language_needs_the_translation_ready_and_every_required_field(blog_index):
    article = make_article(
        blog_index,
        en={"title": "Both", "slug": "both", "body": ["Text."]},
        es={"title": "Ambos", "slug": "ambos", "body": ["Texto."]},
    )
    assert article.has_language("en") and article.has_language("es")
    assert article.available_languages() == ["en", "es"]
    article.translation_ready = False
    assert article.has_language("en") is True and article.has_language("es") is False
    assert article.available_languages() == ["en"]
    article.translation_ready = True
    article.body_es = []
    assert article.has_language("es") is False  # the title alone is not enough
    article.body_es = article.body_en
    article.title_es = "  "
    assert article.has_language("es") is False


@pytest.mark.django_db
def test_a_spanish_original_lists_spanish_first(spanish_original_article):
    assert spanish_original_article.available_languages() == ["es"]
    spanish_original_article.title_en = "Community radio"
    spanish_original_article.body_en = spanish_original_article.body_es
    spanish_original_article.translation_ready = True
    assert spanish_original_article.available_languages() == ["es", "en"]


@pytest.mark.django_db
def test_content_language_is_the_readers_or_else_the_original(untranslated_article, spanish_original_article):
    assert untranslated_article.content_language("es") == "en"
    assert untranslated_article.content_language("en") == "en"
    assert spanish_original_article.content_language("en") == "es"
    with translation.override("es"):
        assert untranslated_article.content_language() == "en"
        assert spanish_original_article.content_language() == "es"
        assert untranslated_article.reader_text().title == "Night shift at the bridge"
    with translation.override("en"):
        assert spanish_original_article.reader_text().title == "La radio comunitaria"
        assert spanish_original_article.reader_text().is_foreign is True


@pytest.mark.django_db
def test_page_context_says_when_the_reader_gets_the_original(rf, translated_article, untranslated_article):
    request = rf.get("/")
    with translation.override("es"):
        context = untranslated_article.get_context(request)
        assert context["text"].language == "en" and context["is_fallback"] is True
        context = translated_article.get_context(request)
        assert context["text"].title == "El canal seco" and context["is_fallback"] is False
        assert context["page"] == translated_article


@pytest.mark.django_db
def test_page_url_in_each_language_relative_full_and_on_the_readers_host(settings, translated_article):
    settings.ALLOWED_HOSTS = ["frontera.example"]
    assert bilingual.page_url_in(translated_article, "en") == "/stories/the-dry-canal/"
    assert bilingual.page_url_in(translated_article, "es") == "/es/historias/el-canal-seco/"
    assert bilingual.page_url_in(translated_article, "es", full=True) == "http://localhost/es/historias/el-canal-seco/"
    request = RequestFactory().get("/", HTTP_HOST="frontera.example")
    assert (
        bilingual.page_url_in(translated_article, "es", request, full=True)
        == "http://frontera.example/es/historias/el-canal-seco/"
    )
    assert bilingual.page_url_in(translated_article, "en", request) == "/stories/the-dry-canal/"
    assert translation.get_language() == "en"  # the override ends with the call


@pytest.mark.django_db
def test_sitemap_lists_each_language_with_every_alternate_and_x_default_the_original(
    translated_article, spanish_original_article
):
    published = timezone.now() - datetime.timedelta(days=3)
    ArticlePage.objects.filter(pk=translated_article.pk).update(last_published_at=published)
    article = ArticlePage.objects.get(pk=translated_article.pk)
    english = "http://localhost/stories/the-dry-canal/"
    spanish = "http://localhost/es/historias/el-canal-seco/"
    alternates = [
        {"lang_code": "en", "location": english},
        {"lang_code": "es", "location": spanish},
        {"lang_code": "x-default", "location": english},
    ]
    assert article.get_sitemap_urls() == [
        {"location": english, "lastmod": published, "alternates": alternates},
        {"location": spanish, "lastmod": published, "alternates": alternates},
    ]
    [entry] = spanish_original_article.get_sitemap_urls()
    radio = "http://localhost/es/historias/la-radio-comunitaria/"
    assert entry["location"] == radio
    assert entry["alternates"] == [
        {"lang_code": "es", "location": radio},
        {"lang_code": "x-default", "location": radio},
    ]


@pytest.mark.django_db
def test_a_page_never_published_dates_its_sitemap_entry_by_its_last_revision(translated_article):
    ArticlePage.objects.filter(pk=translated_article.pk).update(last_published_at=None)
    article = ArticlePage.objects.get(pk=translated_article.pk)
    assert article.latest_revision_created_at is not None
    assert {entry["lastmod"] for entry in article.get_sitemap_urls()} == {article.latest_revision_created_at}


@pytest.mark.django_db
def test_pages_without_a_language_of_their_own_are_listed_in_every_site_language(blog_index):
    index = Page.objects.get(pk=blog_index.pk).specific
    urls = index.get_sitemap_urls()
    assert [entry["location"] for entry in urls] == ["http://localhost/stories/", "http://localhost/es/historias/"]
    assert urls[0]["alternates"][-1] == {"lang_code": "x-default", "location": "http://localhost/stories/"}


@pytest.mark.django_db
def test_with_a_second_site_a_pages_url_stays_on_the_readers_site(settings, translated_article, second_site):
    """Wagtail writes a relative URL only for the request's own site, so the request must reach it."""
    settings.ALLOWED_HOSTS = ["frontera.example"]
    request = RequestFactory().get("/", HTTP_HOST="frontera.example")
    assert bilingual.page_url_in(translated_article, "es", request) == "/es/historias/el-canal-seco/"
    assert (
        bilingual.page_url_in(translated_article, "es", request, full=True)
        == "http://frontera.example/es/historias/el-canal-seco/"
    )


def test_a_language_inside_a_sentence_is_named_in_the_readers_language_and_case():
    with translation.override("es"):
        assert [bilingual.language_in_a_sentence(code) for code in ("en", "es", "fr")] == ["inglés", "español", "fr"]
    assert [bilingual.language_in_a_sentence(code) for code in ("en", "es")] == ["English", "Spanish"]
