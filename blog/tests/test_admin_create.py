"""Articles created in the Wagtail editor keep each language's text where the editor typed it."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import ArticlePage

pytestmark = pytest.mark.django_db


def new_article_form(original, title, slug, paragraph, author, **extra):
    return nested_form_data(
        {
            "original_language": original,
            "publication_date": "2026-11-30",
            f"title_{original}": title,
            f"slug_{original}": slug,
            "body_en": streamfield([]),
            "body_es": streamfield([]),
            f"body_{original}": streamfield([("paragraph", rich_text(paragraph))]),
            "article_authors": inline_formset([{"author": author.pk}]),
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.mark.parametrize("action", [{}, {"action-publish": "publish"}], ids=["save draft", "publish"])
def test_a_spanish_original_created_in_an_english_admin_has_no_english_title(admin_client, blog_index, author, action):
    """Saved as a draft, a new page's title is cleaned by Wagtail in the admin's language,
    which reads the Spanish one through modeltranslation's fallback: the Spanish title must
    not be written into the empty English one, where the translation tools would take it for
    a translation. Published at once, the page is cleaned another way; that is checked too."""
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    form = new_article_form(
        "es", "La radio comunitaria", "la-radio-comunitaria", "<p>Sigue al aire.</p>", author, **action
    )
    response = admin_client.post(url, form)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug_es="la-radio-comunitaria")
    assert not article.title_en
    assert article.title_es == "La radio comunitaria"
    revision = article.get_latest_revision_as_object()
    assert not revision.title_en
    assert revision.title_es == "La radio comunitaria"
