"""Spanish codenames for sources on /es/, typed back with or without accents, in any case."""

import unicodedata
from unittest import mock

import pytest
from django.utils import translation

from tips import codenames
from tips.models import TipSource
from tips.submission import create_source, send_reply

from .conftest import form_url, token_for

pytestmark = pytest.mark.django_db


def without_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_spanish_list_is_the_licensed_bip39_list_with_80_bits():
    words = codenames.word_list("es")
    assert len(words) == 2048 and len(set(words)) == 2048
    assert "ábaco" in words and "zurdo" in words
    assert codenames.entropy_bits(language="es") >= 80
    assert codenames.entropy_bits(language="en") >= 80
    # Folded, the words stay distinct: a codename typed without accents is unambiguous.
    assert len({codenames.fold(word) for word in words}) == 2048
    assert all(unicodedata.is_normalized("NFC", word) for word in words)
    assert (codenames.WORDLISTS / "bip39_spanish.LICENSE").read_text().startswith("The MIT License")


def test_codename_follows_the_readers_language():
    with translation.override("es"):
        spanish = codenames.generate()
    with translation.override("en"):
        english = codenames.generate()
    assert len(spanish.split()) == 8 and set(spanish.split()) <= set(codenames.word_list("es"))
    assert len(english.split()) == 7 and set(english.split()) <= set(codenames.word_list("en"))


def test_a_codename_asked_for_in_a_language_uses_that_language_whatever_the_active_one():
    with translation.override("en"):
        spanish = codenames.generate("es")
    with translation.override("es"):
        english = codenames.generate("en")
    assert len(spanish.split()) == 8 and set(spanish.split()) <= set(codenames.word_list("es"))
    assert len(english.split()) == 7 and set(english.split()) <= set(codenames.word_list("en"))


def test_english_codenames_made_before_folding_still_match():
    """Lookups stored with the old rule (lower case, single spaces) are unchanged."""
    for word in codenames.word_list("en"):
        assert codenames.normalize(word.upper()) == word.lower()
    codename = "Abacus  drop-down YO-YO"
    assert codenames.normalize(codename) == " ".join(codename.lower().split())


@pytest.mark.parametrize(
    ("typed", "same"),
    [("Ñandú ÁRBOL", True), ("nandu arbol", True), ("ÑANDU Árbol", True), ("nandu arboles", False)],
)
def test_accents_and_case_do_not_matter(typed, same):
    assert (codenames.derive(typed).lookup == codenames.derive("ñandú árbol").lookup) is same


def test_spanish_source_receives_a_spanish_codename_and_reads_replies_typed_any_way(client, tip_page):
    # Accented words are drawn, so typing them without accents means something.
    drawn = iter(["ábaco", "cañón", "acción", "águila", "búho", "añejo", "cariño", "zurdo"])
    with mock.patch("tips.codenames.secrets.choice", side_effect=lambda words: next(drawn)):
        response = client.post(
            form_url(tip_page, "es"),
            {"message": "Vi camiones sin placas.", "reply": "codename", "token": token_for(tip_page)},
        )
    page = response.content.decode()
    codename = response.context["codename"]
    assert codename == "ábaco cañón acción águila búho añejo cariño zurdo"
    assert codename in page
    assert "Estas 8 palabras son la única forma de leer nuestras respuestas." in page
    assert set(codename.split()) <= set(codenames.word_list("es"))
    send_reply(TipSource.objects.get(), "Gracias. ¿Puedes decirnos qué día fue?")

    typed_ways = [codename, without_accents(codename), codename.upper(), "  " + without_accents(codename).upper()]
    for typed in typed_ways:
        answer = client.post(form_url(tip_page, "es") + "replies/", {"codename": typed, "token": token_for(tip_page)})
        assert "¿Puedes decirnos qué día fue?" in answer.content.decode(), typed
    replies_url = form_url(tip_page, "es") + "replies/"
    wrong = client.post(replies_url, {"codename": codename.replace("zurdo", "zumo"), "token": token_for(tip_page)})
    assert "No encontramos nada con ese nombre clave" in wrong.content.decode()


def test_english_codename_still_opens_replies_on_the_spanish_page(client, tip_page):
    with translation.override("en"):
        codename = codenames.generate()
    source = create_source(codename)
    send_reply(source, "We read it.")
    replies_url = form_url(tip_page, "es") + "replies/"
    answer = client.post(replies_url, {"codename": codename.upper(), "token": token_for(tip_page)})
    assert "We read it." in answer.content.decode()


def test_a_regional_language_code_uses_its_languages_list():
    """A browser's "es-MX" gets the Spanish list; a language without a list, the English one."""
    assert codenames.list_language("es-mx") == "es"
    assert codenames.list_language("fr") == "en"
