"""Sealed boxes: anyone may encrypt to the newsroom, only the newsroom decrypts.

A libsodium sealed box (X25519 + XSalsa20-Poly1305, with a fresh ephemeral
key per message) needs only the recipient's public key to encrypt, so the
web server, which holds only ``TIPS_PUBLIC_KEY``, cannot read back what it
stored. Keys are written as base64 (what ``manage.py tips generate-key``
prints) or as 64 hexadecimal characters.
"""

import base64
import binascii
import hashlib

from django.core.exceptions import ImproperlyConfigured
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from . import conf

KEY_LENGTH = 32


class InvalidKey(ValueError):
    """A key that is not 32 bytes of base64 or hexadecimal."""


class DecryptionFailed(ValueError):
    """The private key does not open this box (wrong key, or damaged data)."""


def parse_key_bytes(text):
    """The 32 raw bytes of a key written as base64 or hexadecimal.

    Lines starting with ``#`` are ignored, so a key file may carry a note.
    """
    if isinstance(text, bytes):
        text = text.decode("ascii", "replace")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    candidate = "".join(lines)
    if len(candidate) == KEY_LENGTH * 2:
        try:
            return bytes.fromhex(candidate)
        except ValueError:
            pass
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            raw = decode(candidate + "=" * (-len(candidate) % 4))
        except (binascii.Error, ValueError):
            continue
        if len(raw) == KEY_LENGTH:
            return raw
    raise InvalidKey("not a 32-byte key")


def encode_key(raw):
    return base64.b64encode(bytes(raw)).decode("ascii")


def parse_public_key(text):
    return PublicKey(parse_key_bytes(text))


def parse_private_key(text):
    return PrivateKey(parse_key_bytes(text))


def configured_public_key():
    """The newsroom's public key, or None when none is configured.

    A key that is set but malformed stops the submission loudly rather than
    silently storing tips unencrypted.
    """
    text = conf.public_key_text()
    if not text:
        return None
    try:
        return parse_public_key(text)
    except InvalidKey as error:
        raise ImproperlyConfigured("TIPS_PUBLIC_KEY is not a 32-byte X25519 key in base64 or hex.") from error


def key_id(public_key):
    """A short fingerprint telling editors which key a tip was sealed to."""
    return hashlib.blake2b(bytes(public_key), digest_size=8).hexdigest()


def seal(public_key, data):
    return SealedBox(public_key).encrypt(bytes(data))


def unseal(private_key, data):
    try:
        return SealedBox(private_key).decrypt(bytes(data))
    except CryptoError as error:
        raise DecryptionFailed("this key does not open the box") from error


def generate_keypair():
    """A new (private, public) pair, both base64-encoded."""
    private = PrivateKey.generate()
    return encode_key(private), encode_key(private.public_key)


def public_key_is_configured():
    """True when a well-formed ``TIPS_PUBLIC_KEY`` is set."""
    try:
        return configured_public_key() is not None
    except ImproperlyConfigured:
        return False
