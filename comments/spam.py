"""Local defences against spam and floods: no third-party service is asked.

A signed timestamp in the form refuses submissions sent too fast (robots) or
from a page left open too long; a honeypot field catches form-filling robots;
rate limits count recent comments per client fingerprint and per article;
word lists reject or hold comments; bans silently reject a client.
"""

import dataclasses
import re
import time
import unicodedata

from django.core import signing
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import conf
from .models import ClientBan, Comment, Report, WordRule

STAMP_SALT = "comments.form-stamp"


class StampError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class RateLimited(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def min_seconds():
    return conf.min_submit_seconds()


def max_form_age():
    return conf.max_form_age()


def make_stamp(article_id, issued=None):
    """A tamper-proof record of when the form for ``article_id`` was served."""
    return signing.dumps({"a": article_id, "t": int(issued if issued is not None else time.time())}, salt=STAMP_SALT)


def read_stamp(value, article_id, now=None):
    """The time the form was served; StampError("invalid"|"too_fast"|"expired") otherwise."""
    try:
        data = signing.loads(value or "", salt=STAMP_SALT)
    except signing.BadSignature as error:
        raise StampError("invalid") from error
    if not isinstance(data, dict) or data.get("a") != article_id or not isinstance(data.get("t"), int):
        raise StampError("invalid")
    age = (now if now is not None else time.time()) - data["t"]
    if age < min_seconds():
        raise StampError("too_fast")
    if age > max_form_age():
        raise StampError("expired")
    return data["t"]


def refreshed_stamp(value, article_id):
    """The stamp to serve again with a refused form: the same one while it can
    still become valid (too fast), a fresh one when it never will."""
    try:
        read_stamp(value, article_id)
    except StampError as error:
        if error.code == "too_fast":
            return value
        return make_stamp(article_id)
    return value


def lock_client(hashes):
    """Until the transaction ends, hold a lock on this client's fingerprint.

    One client's posts are then counted one at a time, whichever article they
    go to. PostgreSQL only (an advisory lock, no row); SQLite lets one
    transaction write at a time anyway. Take it before the article's lock.
    """
    if connection.vendor != "postgresql" or not hashes:
        return
    key = int(hashes[0][:15], 16)  # 60 bits of the fingerprint: fits a bigint
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def check_rate_limits(article, hashes, now=None):
    """Raise RateLimited when this client or this article is posting too fast."""
    now = now or timezone.now()
    count, window = conf.rate_limit("client")
    if Comment.objects.filter(client_hash__in=hashes, created_at__gte=now - window).count() >= count:
        raise RateLimited(
            _("You have posted several comments in a short time. Please wait a few minutes and send it again.")
        )
    count, window = conf.rate_limit("article")
    if Comment.objects.filter(article=article, created_at__gte=now - window).count() >= count:
        raise RateLimited(
            _("This article is receiving a great many comments right now. Please try again in a few minutes.")
        )


def check_report_limit(hashes, now=None):
    now = now or timezone.now()
    count, window = conf.rate_limit("reports")
    if Report.objects.filter(client_hash__in=hashes, created_at__gte=now - window).count() >= count:
        raise RateLimited(_("You have sent many reports in a short time. Please try again later."))


def is_banned(hashes):
    return ClientBan.objects.filter(client_hash__in=hashes).exists()


def fold(text):
    """Lower case without accents, so "Pendejo", "pendejó" and "PENDEJO" match alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@dataclasses.dataclass(frozen=True)
class WordMatch:
    phrase: str
    action: str


def match_words(text, rules=None):
    """The first banned phrase in ``text``, else the first suspect one, else None.

    Phrases match whole words only, so "ass" does not catch "class".
    """
    if rules is None:
        rules = WordRule.objects.values_list("phrase", "action")
    folded = fold(text)
    found = None
    for phrase, action in rules:
        words = fold(phrase).split()
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(word) for word in words) + r"(?!\w)"
        if re.search(pattern, folded):
            if action == WordRule.Action.BANNED:
                return WordMatch(phrase, action)
            found = found or WordMatch(phrase, action)
    return found
