"""Editors create bilingual articles in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client


def article_form(author, **overrides):
    data = {
        "title_en": "",
        "title_es": "",
        "slug_en": "",
        "slug_es": "",
        "dek_en": "",
        "dek_es": "",
        "credit_line_en": "",
        "credit_line_es": "",
        "original_language": "en",
        "translator": "",
        "publication_date": "2026-11-20",
        "hero_caption_en": "",
        "hero_caption_es": "",
        "hero_credit_en": "",
        "hero_credit_es": "",
        "body_en": streamfield([]),
        "body_es": streamfield([]),
        "article_authors": inline_formset([{"author": author.pk}], min=1),
        "tags": "",
        "comments_enabled": "on",
        "seo_title_en": "",
        "seo_title_es": "",
        "search_description_en": "",
        "search_description_es": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(blog_index):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog_index.pk))


def test_article_in_both_languages_gets_two_urls(editor_client, blog_index, author):
    data = article_form(
        author,
        title_en="Water court ruling",
        slug_en="water-court-ruling",
        title_es="Fallo del tribunal del agua",
        slug_es="fallo-del-tribunal-del-agua",
        body_en=streamfield([("paragraph", rich_text("<p>The court ruled.</p>"))]),
        body_es=streamfield([("paragraph", rich_text("<p>El tribunal falló.</p>"))]),
        translation_ready="on",
        **{"action-publish": "publish"},
    )
    response = editor_client.post(add_url(blog_index), data)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug_en="water-court-ruling")
    assert article.live
    english = editor_client.get("/stories/water-court-ruling/")
    spanish = editor_client.get("/es/historias/fallo-del-tribunal-del-agua/")
    assert english.status_code == spanish.status_code == 200
    assert b'href="/es/historias/fallo-del-tribunal-del-agua/" hreflang="es" lang="es"' in english.content
    assert b'href="/stories/water-court-ruling/" hreflang="en" lang="en"' in spanish.content


def test_spanish_original_needs_no_english_title(editor_client, blog_index, author):
    data = article_form(
        author,
        original_language="es",
        title_es="La radio del barrio",
        slug_es="la-radio-del-barrio",
        body_es=streamfield([("paragraph", rich_text("<p>Sigue al aire.</p>"))]),
        **{"action-publish": "publish"},
    )
    response = editor_client.post(add_url(blog_index), data)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug_es="la-radio-del-barrio")
    assert article.title_en in ("", None)
    assert article.available_languages() == ["es"]


def test_original_language_text_is_required(editor_client, blog_index, author):
    data = article_form(author, original_language="es", title_en="Only English", slug_en="only-english")
    response = editor_client.post(add_url(blog_index), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "title_es" in errors
    assert "body_es" in errors
    assert not ArticlePage.objects.filter(slug_en="only-english").exists()


def test_translation_stays_hidden_until_marked_ready(editor_client, blog_index, author):
    """The original can be published while its translation is still in review."""
    data = article_form(
        author,
        title_en="Bridge closed",
        slug_en="bridge-closed",
        title_es="Puente cerrado",
        slug_es="puente-cerrado",
        body_en=streamfield([("paragraph", rich_text("<p>The bridge closed.</p>"))]),
        body_es=streamfield([("paragraph", rich_text("<p>Borrador sin revisar.</p>"))]),
        **{"action-publish": "publish"},
    )
    assert editor_client.post(add_url(blog_index), data).status_code == 302
    spanish = editor_client.get("/es/historias/puente-cerrado/").content.decode()
    assert "Borrador sin revisar." not in spanish
    assert "The bridge closed." in spanish
    assert "aún no se ha traducido" in spanish


@pytest.fixture
def body_image(home_page):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title="Canal", file=get_test_image_file())


def image_block(image, alt):
    return ("image", {"image": image.pk, "alt": alt, "caption": "The canal in May.", "credit": ""})


def test_a_body_image_needs_alt_text_in_the_original_language(editor_client, blog_index, author, body_image):
    fields = {
        "title_en": "The dry canal",
        "slug_en": "the-dry-canal",
        "body_es": streamfield([]),
        **{"action-publish": "publish"},
    }
    data = article_form(author, body_en=streamfield([image_block(body_image, "")]), **fields)
    response = editor_client.post(add_url(blog_index), data)
    assert response.status_code == 200
    assert "Every image in the story needs alt text in the original language" in response.content.decode()
    assert not ArticlePage.objects.exists()

    data = article_form(author, body_en=streamfield([image_block(body_image, "An empty irrigation canal")]), **fields)
    assert editor_client.post(add_url(blog_index), data).status_code == 302
    page = editor_client.get("/stories/the-dry-canal/").content.decode()
    assert 'alt="An empty irrigation canal"' in page
