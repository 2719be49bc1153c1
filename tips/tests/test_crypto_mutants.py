"""The sealed-box key handling, in every form an operator may write a key.

Written against the mutants ``make mutate MODULES=tips.crypto`` left alive:
each test names the behaviour a mutant broke.
"""

import base64

import pytest
from django.core.exceptions import ImproperlyConfigured
from nacl.public import PrivateKey, PublicKey

from tips import crypto

# 32 bytes whose standard base64 needs "+" and "/", so the URL-safe form differs.
RAW = bytes([0xFB, 0xFF] * 16)
STANDARD = "+//7//v/+//7//v/+//7//v/+//7//v/+//7//v/+/8="
URL_SAFE = "-__7__v_-__7__v_-__7__v_-__7__v_-__7__v_-_8="


def test_the_fixture_key_is_what_it_claims():
    assert base64.b64encode(RAW).decode() == STANDARD
    assert base64.urlsafe_b64encode(RAW).decode() == URL_SAFE


@pytest.mark.parametrize(
    "text",
    [
        RAW.hex(),
        RAW.hex().upper(),
        STANDARD,
        STANDARD.rstrip("="),  # padding left off, as some tools print keys
        URL_SAFE,
        URL_SAFE.rstrip("="),
        f"  {STANDARD}  \n",
        f"# tip line key, made 1 December 2026\n{STANDARD}\n",
        f"   # an indented note\n\n{RAW.hex()}\n# and a closing note\n",
        f"{STANDARD[:20]}\n{STANDARD[20:]}\n",  # wrapped over two lines
        f"{RAW.hex()[:32]}\n{RAW.hex()[32:]}",
        STANDARD.encode("ascii"),
    ],
)
def test_a_key_written_any_documented_way_gives_the_same_32_bytes(text):
    assert crypto.parse_key_bytes(text) == RAW


def test_sixty_four_hex_digits_are_read_as_hex_not_base64():
    """64 hex digits are also valid base64 (of 48 bytes); hex wins, as documented."""
    raw = bytes(range(32))
    assert crypto.parse_key_bytes(raw.hex()) == raw


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a note",
        RAW.hex()[:-2],  # 31 bytes of hex
        RAW.hex() + "00",  # 33 bytes of hex
        "g" * 64,  # 64 characters, not hex, and 48 bytes as base64
        base64.b64encode(RAW[:31]).decode(),
        base64.b64encode(RAW + b"\0").decode(),
        "not a key at all!",
        "é" * 44,
        "é".encode() * 22,  # bytes that are not ASCII
        b"\xff" * 44,
    ],
)
def test_anything_but_32_bytes_is_an_invalid_key(text):
    with pytest.raises(crypto.InvalidKey, match=r"^not a 32-byte key$"):
        crypto.parse_key_bytes(text)


def test_invalid_key_is_a_value_error():
    assert issubclass(crypto.InvalidKey, ValueError)
    assert issubclass(crypto.DecryptionFailed, ValueError)


def test_encode_key_is_standard_base64_and_reads_back():
    assert crypto.encode_key(RAW) == STANDARD
    assert crypto.encode_key(PublicKey(RAW)) == STANDARD
    assert crypto.parse_key_bytes(crypto.encode_key(RAW)) == RAW


def test_parsed_keys_are_nacl_keys_of_those_bytes():
    public = crypto.parse_public_key(STANDARD)
    private = crypto.parse_private_key(RAW.hex())
    assert isinstance(public, PublicKey) and bytes(public) == RAW
    assert isinstance(private, PrivateKey) and bytes(private) == RAW


def test_key_id_is_eight_bytes_of_blake2b_known_answer():
    assert crypto.key_id(PublicKey(bytes(range(32)))) == "40f68f4ad24e575b"


def test_generated_pair_belongs_together_and_is_fresh():
    private, public = crypto.generate_keypair()
    assert len(crypto.parse_key_bytes(private)) == 32 and len(crypto.parse_key_bytes(public)) == 32
    assert bytes(crypto.parse_private_key(private).public_key) == crypto.parse_key_bytes(public)
    assert private != public
    assert crypto.generate_keypair()[0] != private


def test_sealed_data_opens_only_with_the_matching_private_key():
    private = PrivateKey.generate()
    box = crypto.seal(private.public_key, bytearray(b"Trucks at night"))
    assert b"Trucks at night" not in box
    assert crypto.unseal(private, box) == b"Trucks at night"
    assert crypto.unseal(private, memoryview(box)) == b"Trucks at night"
    with pytest.raises(crypto.DecryptionFailed, match=r"^this key does not open the box$") as refused:
        crypto.unseal(PrivateKey.generate(), box)
    assert refused.value.__cause__ is not None
    with pytest.raises(crypto.DecryptionFailed):
        crypto.unseal(private, box[:-1] + bytes([box[-1] ^ 1]))  # damaged


def test_no_public_key_configured_means_no_encryption(settings):
    for value in ("", "   ", None):
        settings.TIPS_PUBLIC_KEY = value
        assert crypto.configured_public_key() is None
        assert crypto.public_key_is_configured() is False


def test_a_configured_key_is_read_in_any_documented_form(settings):
    for value in (STANDARD, f"# newsroom key\n{RAW.hex()}\n", URL_SAFE):
        settings.TIPS_PUBLIC_KEY = value
        assert bytes(crypto.configured_public_key()) == RAW
        assert crypto.public_key_is_configured() is True


def test_a_malformed_configured_key_stops_submission_loudly(settings):
    settings.TIPS_PUBLIC_KEY = "not-a-key"
    message = r"^TIPS_PUBLIC_KEY is not a 32-byte X25519 key in base64 or hex\.$"
    with pytest.raises(ImproperlyConfigured, match=message) as stopped:
        crypto.configured_public_key()
    assert isinstance(stopped.value.__cause__, crypto.InvalidKey)
    assert crypto.public_key_is_configured() is False


def test_a_url_safe_key_the_standard_decoder_refuses_is_read_by_the_url_safe_one():
    """Dropping "-" leaves the standard decoder with bad padding: the URL-safe decoder is still tried."""
    raw = bytes([0, 62] * 16)
    text = base64.urlsafe_b64encode(raw).decode()
    with pytest.raises(ValueError):
        base64.b64decode(text)
    assert crypto.parse_key_bytes(text) == raw
