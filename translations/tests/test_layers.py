"""Translations in layers: status is derived without writes, PageText never changes, actions write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from translations import status as status_module
from translations.actions import mark_up_to_date
from translations.models import TranslationState
from translations.segments import PageText
from translations.status import derive, latest_text, page_status

from .conftest import edit

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def test_page_text_cannot_be_changed_after_it_is_built(long_article):
    """Segments are cut once; neither the text's attributes nor its segment maps accept changes."""
    text = PageText(long_article)
    with pytest.raises(AttributeError):
        text.source = "es"
    with pytest.raises(TypeError):
        text.segments("es")["title"] = None
    assert set(text.segments("es")) == set(text.segments("en"))


def test_derive_leaves_its_text_and_state_as_they_were(long_article):
    """Deriving with recorded block pairs uses a new PageText; the caller's text and state are untouched."""
    mark_up_to_date(long_article, "es")
    state = TranslationState.objects.get(page_id=long_article.pk, language="es")
    state.block_pairs = {"body": {"not-a-block": "nor-this"}}
    before = dict(state.source_fingerprints)
    text = PageText(long_article)
    segments = text.segments("es")
    derive(text, "es", state)
    assert text.pairs_for("es") == {}
    assert text.segments("es") is segments
    assert state.source_fingerprints == before and state.block_pairs == {"body": {"not-a-block": "nor-this"}}


def test_latest_text_is_built_with_the_recorded_block_pairs(long_article, spanish_original_article):
    """Callers get a complete text: the pairs come from the recorded state, not from a later call."""
    for article, language in ((long_article, "es"), (spanish_original_article, "en")):
        mark_up_to_date(article, language)
        TranslationState.objects.filter(page_id=article.pk).update(block_pairs={"body": {"a": "b"}})
        assert latest_text(article).pairs_for(language) == {"body": {"a": "b"}}


def test_working_out_statuses_writes_nothing(long_article, translated_article):
    """Every status function reads; only actions write."""
    edit(long_article, "en", 1, "<p>Prices rose again.</p>")
    with CaptureQueriesContext(connection) as queries:
        page_status(long_article, "es")
        status_module.all_statuses()
        status_module.languages_with_unreviewed_machine_text(long_article)
    assert queries.captured_queries
    assert not [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
