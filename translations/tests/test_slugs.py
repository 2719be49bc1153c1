"""A translated title brings its own address: the slug an import gives the translation."""

import polib
import pytest
from wagtail.models import Page

from conftest import make_article
from translations import files
from translations.segments import set_target_values

pytestmark = pytest.mark.django_db


def import_title(page, title):
    """Export the page as PO, translate its title as ``title``, import it; the draft it leaves."""
    content, _extension, _count = files.export(Page.objects.filter(pk=page.pk).specific(), files.PO)
    po = polib.pofile(content.decode())
    for entry in po:
        entry.msgstr = title if entry.msgctxt.endswith(":title") else "Esperan."
        entry.flags = []
    files.import_file(str(po).encode(), "t.po")
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def sibling(blog_index, author, en_slug, es_slug=""):
    es = {"title": "Otra", "slug": es_slug} if es_slug else None
    make_article(blog_index, en={"title": "Other", "slug": en_slug}, es=es, authors=[author])


def test_accents_and_punctuation_become_a_plain_ascii_slug(untranslated_article):
    draft = import_title(untranslated_article, "¿Qué pasó en Ciudad Juárez?")
    assert draft.slug_es == "que-paso-en-ciudad-juarez"


def test_the_pages_own_english_slug_does_not_count_as_taken(untranslated_article):
    """A Spanish title that slugifies like the English one keeps it: the two live under different prefixes."""
    draft = import_title(untranslated_article, "Night shift")
    assert draft.slug_es == "night-shift"


def test_a_siblings_english_slug_counts_as_taken(untranslated_article, blog_index, author):
    sibling(blog_index, author, en_slug="turno-de-noche")
    draft = import_title(untranslated_article, "Turno de noche")
    assert draft.slug_es == "turno-de-noche-2"


def test_numbering_takes_the_first_free_number(untranslated_article, blog_index, author):
    sibling(blog_index, author, en_slug="other-1", es_slug="turno-de-noche")
    sibling(blog_index, author, en_slug="other-2", es_slug="turno-de-noche-2")
    draft = import_title(untranslated_article, "Turno de noche")
    assert draft.slug_es == "turno-de-noche-3"


def test_a_long_title_is_cut_without_a_dangling_hyphen(untranslated_article):
    title = "a" * 239 + " " + "b" * 60
    draft = import_title(untranslated_article, title)
    assert draft.slug_es == "a" * 239


def test_an_empty_translated_title_gives_no_slug(untranslated_article):
    page = set_target_values(untranslated_article, "es", {"title": ""})
    assert page.slug_es == ""
