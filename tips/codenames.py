"""Reply codenames: diceware words, known to the server only as a slow hash.

Like SecureDrop's source passphrases, a codename is seven words drawn with
``secrets`` from the EFF long word list (7,776 words, about 90.5 bits). The
server keeps two things derived from one scrypt run over it:

- ``lookup``: an HMAC of the scrypt output, stored to find the source again;
- a reply key pair: the public half is stored and editors' replies are
  sealed to it; the private half exists only while the source, codename in
  hand, is reading the replies.

So neither the codename nor the replies can be read from a copy of the
database. The scrypt salt is fixed (plus ``TIPS_CODENAME_PEPPER``) because a
lookup must be repeatable; with 90 bits of entropy a per-row salt would add
nothing against guessing.
"""

import functools
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from pathlib import Path

from nacl.public import PrivateKey

from . import conf

WORD_COUNT = 7
MAX_LENGTH = 128
WORDLIST_PATH = Path(__file__).resolve().parent / "wordlists" / "eff_large_wordlist.txt"

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT = b"frontera.tips.codename.v1"


class CodenameTooLong(ValueError):
    """Refused before hashing: scrypt never sees arbitrarily long input."""


@functools.cache
def word_list():
    """The 7,776 words; the file never changes while the process runs."""
    words = []
    for line in WORDLIST_PATH.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            words.append(parts[1])
    return tuple(words)


def entropy_bits(word_count=WORD_COUNT):
    return word_count * math.log2(len(word_list()))


def generate():
    words = word_list()
    return " ".join(secrets.choice(words) for _position in range(WORD_COUNT))


def normalize(codename):
    """Lower case, single spaces: a codename copied with stray spaces still works."""
    return " ".join(codename.lower().split())


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
