"""Codename hashing is pinned: a change would orphan every source already stored."""

import math

import pytest

from tips import codenames

CODENAME = "alpha bravo charlie delta echo foxtrot golf"
# Known answers for CODENAME (scrypt n=2**14, r=8, p=1, 32 bytes; fixed salt; no pepper).
LOOKUP = "97ca05a1ae0772238bac04d64689da349caa927ceba7b08a6e0a0fca044eba83"
REPLY_PUBLIC_KEY = "6cc2d692e2543e1404dfd7d0184c764f34b5c51d1defcfb938218a9289adbb68"
PEPPERED_LOOKUP = "cf45fd6ea8d0259f244078cbc37b3942f3832b5570af4848833ad9bad3b8fb1b"


def test_known_answer(settings):
    settings.TIPS_CODENAME_PEPPER = ""
    keys = codenames.derive(CODENAME)
    assert keys.lookup == LOOKUP
    assert keys.reply_public_key.hex() == REPLY_PUBLIC_KEY
    assert bytes(keys.reply_private_key.public_key) == keys.reply_public_key


def test_pepper_changes_the_lookup(settings):
    settings.TIPS_CODENAME_PEPPER = "pepper"
    assert codenames.derive(CODENAME).lookup == PEPPERED_LOOKUP


def test_spacing_and_case_do_not_matter_but_words_do(settings):
    settings.TIPS_CODENAME_PEPPER = ""
    assert codenames.normalize("  Alpha\tBRAVO \n charlie ") == "alpha bravo charlie"
    assert codenames.derive("  ALPHA bravo  charlie delta echo foxtrot Golf ").lookup == LOOKUP
    assert codenames.derive(CODENAME.replace("golf", "hotel")).lookup != LOOKUP


def test_length_limit_is_inclusive():
    longest = "a" * codenames.MAX_LENGTH
    assert len(codenames.derive(longest).lookup) == 64
    with pytest.raises(codenames.CodenameTooLong):
        codenames.derive(longest + "a")
    with pytest.raises(codenames.CodenameTooLong):
        codenames.derive(" " * (codenames.MAX_LENGTH + 1))  # refused before normalising


def test_word_list_and_entropy():
    words = codenames.word_list()
    assert (words[0], words[-1]) == ("abacus", "zoom")
    assert all(word.isalpha() or "-" in word for word in words)
    assert codenames.entropy_bits() == pytest.approx(7 * math.log2(7776))
    assert codenames.entropy_bits(1) == pytest.approx(math.log2(7776))
    assert len(codenames.generate().split(" ")) == 7
