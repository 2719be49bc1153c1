"""Reply codenames: random words, kept only as a slow hash, refused when too long."""

import hashlib
from unittest import mock

import pytest

from tips import codenames, security
from tips.models import TipSource
from tips.submission import create_source, send_reply

from .conftest import form_url, token_for

pytestmark = pytest.mark.django_db


def test_codename_has_at_least_80_bits():
    words = codenames.word_list()
    assert len(words) == 7776 and len(set(words)) == 7776
    assert codenames.entropy_bits() >= 80
    codename = codenames.generate()
    assert len(codename.split()) == codenames.WORD_COUNT
    assert all(word in words for word in codename.split())
    assert codenames.generate() != codename


def test_codename_is_stored_only_as_a_scrypt_hash(client, tip_page):
    with mock.patch("tips.codenames.hashlib.scrypt", wraps=hashlib.scrypt) as scrypt:
        response = client.post(form_url(tip_page), {"message": "Hi", "reply": "codename", "token": token_for(tip_page)})
    codename = response.context["codename"]
    assert codename and codename in response.content.decode()
    assert scrypt.call_args.kwargs["n"] >= 2**14
    source = TipSource.objects.get()
    assert codename not in source.lookup and len(source.lookup) == 64
    assert source.tips.count() == 1
    # A stray space or capital letter still finds the source.
    assert codenames.derive("  " + codename.upper()).lookup == source.lookup


def test_over_long_codename_is_refused_before_hashing(client, tip_page):
    with mock.patch("tips.codenames.hashlib.scrypt") as scrypt:
        response = client.post(
            form_url(tip_page) + "replies/", {"codename": "word " * 5000, "token": token_for(tip_page)}
        )
        with pytest.raises(codenames.CodenameTooLong):
            codenames.derive("x" * (codenames.MAX_LENGTH + 1))
    assert scrypt.call_count == 0
    assert "longer than any codename" in response.content.decode()


def test_wrong_codename_finds_nothing(client, tip_page):
    create_source(codenames.generate())
    response = client.post(
        form_url(tip_page) + "replies/", {"codename": codenames.generate(), "token": token_for(tip_page)}
    )
    assert "Nothing was found for that codename" in response.content.decode()


def test_replies_are_sealed_and_open_only_with_the_codename(client, tip_page):
    codename = codenames.generate()
    source = create_source(codename)
    reply = send_reply(source, "We read it. Can you send the invoice?")
    assert b"invoice" not in bytes(reply.sealed_for_source)
    response = client.post(form_url(tip_page) + "replies/", {"codename": codename, "token": token_for(tip_page)})
    assert "Can you send the invoice?" in response.content.decode()


def test_follow_up_joins_the_same_source(client, tip_page):
    codename = codenames.generate()
    source = create_source(codename)
    response = client.post(
        form_url(tip_page) + "replies/more/",
        {"message": "Here is more.", "links": "", "source_token": security.source_token(source)},
    )
    assert "We received your information" in response.content.decode()
    tip = source.tips.get()
    assert tip.is_follow_up and tip.message == "Here is more."


def test_follow_up_without_a_valid_token_keeps_the_text(client, tip_page):
    response = client.post(form_url(tip_page) + "replies/more/", {"message": "Do not lose me", "source_token": "x"})
    page = response.content.decode()
    assert "Do not lose me</textarea>" in page
    assert TipSource.objects.count() == 0
