"""Reply codenames: diceware words, known to the server only as a slow hash.

Like SecureDrop's source passphrases, a codename is a handful of words drawn
with ``secrets`` from a public word list, in the source's language:

- English: seven words of the EFF long word list (7,776 words, about 90.5 bits);
- Spanish: eight words of the BIP-39 Spanish list (2,048 words, 88 bits),
  whose words stay distinct without their accents.

A codename is compared after case folding and stripping accents, so
"ÁRBOL" and "arbol" are the same word; the EFF words are ASCII, so English
codenames normalise as they always did. The server keeps two things derived
from one scrypt run over the normalised codename:

- ``lookup``: an HMAC of the scrypt output, stored to find the source again;
- a reply key pair: the public half is stored and editors' replies are
  sealed to it; the private half exists only while the source, codename in
  hand, is reading the replies.

So neither the codename nor the replies can be read from a copy of the
database. The scrypt salt is fixed (plus ``TIPS_CODENAME_PEPPER``) because a
lookup must be repeatable; with over 80 bits of entropy a per-row salt would
add nothing against guessing.
"""

import functools
import hashlib
import hmac
import math
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import get_language
from nacl.public import PrivateKey

from . import conf

WORD_COUNT = 7
MAX_LENGTH = 128
WORDLISTS = Path(__file__).resolve().parent / "wordlists"
WORDLIST_PATH = WORDLISTS / "eff_large_wordlist.txt"
# language: (file, words in a codename); each gives at least 80 bits.
LISTS = {
    "en": ("eff_large_wordlist.txt", WORD_COUNT),
    "es": ("bip39_spanish.txt", 8),
}

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT = b"frontera.tips.codename.v1"


class CodenameTooLong(ValueError):
    """Refused before hashing: scrypt never sees arbitrarily long input."""


def list_language(language=None):
    """The word list's language for ``language`` (the active one by default)."""
    language = (language or get_language() or "en").split("-")[0]
    return language if language in LISTS else "en"


@functools.cache
def word_list(language="en"):
    """The words of ``language``'s list; the files never change while the process runs."""
    filename = LISTS[list_language(language)][0]
    words = []
    for line in (WORDLISTS / filename).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        # The EFF list numbers its words ("11111 abacus"); the others are one word a line.
        if len(parts) in (1, 2):
            words.append(unicodedata.normalize("NFC", parts[-1]))
    return tuple(words)


def word_count(language=None):
    """How many words a codename in ``language`` has."""
    return LISTS[list_language(language)][1]


def entropy_bits(count=None, language="en"):
    """The bits of a codename of ``count`` words (the list's own count by default)."""
    count = count if count is not None else word_count(language)
    return count * math.log2(len(word_list(list_language(language))))


def generate(language=None):
    """A new codename in ``language`` (the active one by default)."""
    language = list_language(language)
    words = word_list(language)
    return " ".join(secrets.choice(words) for _position in range(word_count(language)))


def fold(text):
    """Case folded, accents stripped: "Ñandú" and "nandu" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def normalize(codename):
    """Folded, single spaces: a codename typed without accents, in capitals or
    with stray spaces still works."""
    return " ".join(fold(codename).split())


@dataclass(frozen=True)
class CodenameKeys:
    lookup: str
    reply_private_key: PrivateKey

    @property
    def reply_public_key(self):
        return bytes(self.reply_private_key.public_key)


def derive(codename):
    """The lookup hash and reply key pair of a codename (one scrypt run)."""
    if len(codename) > MAX_LENGTH:
        raise CodenameTooLong
    normalized = normalize(codename)
    if len(normalized) > MAX_LENGTH:
        raise CodenameTooLong
    master = hashlib.scrypt(
        normalized.encode("utf-8"),
        salt=SALT + conf.codename_pepper().encode("utf-8"),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )
    lookup = hmac.new(master, b"lookup", hashlib.sha256).hexdigest()
    reply_seed = hmac.new(master, b"reply-key", hashlib.sha256).digest()
    return CodenameKeys(lookup=lookup, reply_private_key=PrivateKey(reply_seed))
