"""``manage.py migrate`` itself repairs pages left without default-language values."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def test_migrate_fills_english_columns_without_prompting_and_the_site_answers(client):
    home = Site.objects.get(is_default_site=True).root_page
    Page.objects.filter(pk=home.pk).update(title_en=None, slug_en=None, url_path_en=None)

    out = io.StringIO()
    call_command("migrate", interactive=True, verbosity=1, stdout=out)  # a prompt would fail: pytest closes stdin
    assert "Filled 3 empty default-language field(s) on 1 page(s)." in out.getvalue()
    home.refresh_from_db()
    assert (home.title_en, home.slug_en, home.url_path_en) == ("Frontera", "home", "/home/")
    english = client.get("/")
    assert english.status_code == 200
    assert "<title>" in english.content.decode() and "Frontera" in english.content.decode()
    assert client.get("/es/").status_code == 200

    out = io.StringIO()
    call_command("migrate", verbosity=1, stdout=out)
    assert "default-language field(s)" not in out.getvalue()  # nothing left to fill, so nothing said


def test_migrate_is_quiet_at_verbosity_zero(capsys):
    home = Site.objects.get(is_default_site=True).root_page
    Page.objects.filter(pk=home.pk).update(title_en=None)
    out = io.StringIO()
    call_command("migrate", verbosity=0, stdout=out)
    assert out.getvalue() == "" and capsys.readouterr().out == ""
    home.refresh_from_db()
    assert home.title_en == "Frontera"


def test_a_missing_translation_column_is_added_without_a_prompt():
    """The column sync asks before each ALTER TABLE; deploys run without a terminal."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE wagtailcore_page DROP COLUMN search_description_es")
    out = io.StringIO()
    call_command("migrate", interactive=True, verbosity=1, stdout=out)  # pytest's stdin raises on a read
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, "wagtailcore_page")}
    assert "search_description_es" in columns
    assert "ALTER TABLE" in out.getvalue()
