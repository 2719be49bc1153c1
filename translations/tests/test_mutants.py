"""A source change a reader can see makes the translation stale, markup included."""

import pytest
from django.urls import reverse

from conftest import listing_rows
from translations.models import Status
from translations.status import page_status

from .conftest import edit

pytestmark = pytest.mark.django_db


def report_status(admin_client, page):
    rows = listing_rows(admin_client.get(reverse("translations_admin:report"), {"language": "es"}).content.decode())
    return {row[0]: row[4] for row in rows}[page.title_en]


@pytest.mark.parametrize(
    "changed",
    [
        "The wells are private.",  # bold removed
        "The wells are <i>private</i>.",  # another emphasis
        'The wells are <a href="https://x.invalid">private</a>.',  # a link added
    ],
)
def test_markup_only_change_makes_the_translation_stale(admin_client, long_article, changed):
    assert page_status(long_article, "es").status == Status.UP_TO_DATE
    page = edit(long_article, "en", 0, f"<p>{changed}</p>")
    assert page_status(page, "es").status == Status.STALE
    assert report_status(admin_client, page) == "Stale"


def test_a_changed_link_target_makes_the_translation_stale(admin_client, long_article):
    page = edit(long_article, "en", 2, '<p>Nobody <a href="https://y.invalid">answers</a>.</p>')
    status = page_status(page, "es")
    assert status.status == Status.STALE
    assert len(status.changed_segments()) == 1
    assert report_status(admin_client, page) == "Stale"


def test_whitespace_and_unicode_form_changes_are_not_changes(admin_client, long_article):
    """Runs of spaces and line breaks are not something a reader sees."""
    page = edit(long_article, "en", 1, "<p>Prices  \n rose.</p>")
    assert page_status(page, "es").status == Status.UP_TO_DATE
    page = edit(page, dek_en="A   market\ngrows.")
    assert page_status(page, "es").status == Status.UP_TO_DATE
    page = edit(page, title_en="Water for sale", dek_en="A market grows.")
    assert report_status(admin_client, page) == "Up to date"


def test_a_word_change_is_a_change(long_article):
    page = edit(long_article, "en", 1, "<p>Prices fell.</p>")
    status = page_status(page, "es")
    assert status.status == Status.STALE
    assert len(status.changed_segments()) == 1
