"""migrate leaves the page tree usable in both languages with no manual step."""

import pytest
from django.db import connection
from wagtail.models import Page, Site

from home.management.commands.migrate import fill_default_language_columns

pytestmark = pytest.mark.django_db


def test_translation_columns_exist():
    columns = {
        column.name
        for column in connection.introspection.get_table_description(connection.cursor(), "wagtailcore_page")
    }
    assert {"title_en", "title_es", "slug_en", "slug_es", "url_path_en", "url_path_es"} <= columns


def test_pages_created_by_migrations_have_english_values():
    root = Page.objects.get(depth=1)
    home = Site.objects.get(is_default_site=True).root_page
    assert root.title_en == "Root"
    assert home.title_en == "Frontera"
    assert home.slug_en == "home"
    assert home.url_path_en == "/home/"


def test_the_home_page_answers_in_both_languages(client):
    assert client.get("/").status_code == 200
    assert client.get("/es/").status_code == 200


def test_fill_copies_only_values_never_set():
    home = Site.objects.get(is_default_site=True).root_page
    Page.objects.filter(pk=home.pk).update(title_en=None, seo_title_en="")
    fill_default_language_columns()
    home.refresh_from_db()
    assert home.title_en == "Frontera"
    assert home.seo_title_en == ""
