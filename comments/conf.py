"""The comment stream's settings, typed, with their defaults in one place.

Each value is read at call time, so tests and ``override_settings`` apply.
A setting may be given in the settings module as a number or a
``(count, seconds)`` pair, or from the environment as a string:
``"5/600"`` or ``"5,600"`` for a limit (see ``config/settings/base.py``).
"""

import datetime

# Read in core, which every app shares and which imports none of them.
from core.client import trusted_proxy_count
from core.conf import parse_limit, parse_number
from core.conf import setting as app_setting

DEFAULTS = {
    "COMMENTS_TRUSTED_PROXY_COUNT": 0,
    "COMMENTS_MIN_SUBMIT_SECONDS": 3,
    "COMMENTS_MAX_FORM_AGE": 60 * 60 * 24 * 2,
    "COMMENTS_RATE_LIMIT_CLIENT": (5, 600),
    "COMMENTS_RATE_LIMIT_ARTICLE": (60, 600),
    "COMMENTS_RATE_LIMIT_REPORTS": (10, 3600),
}
NUMBERS = ("COMMENTS_TRUSTED_PROXY_COUNT", "COMMENTS_MIN_SUBMIT_SECONDS", "COMMENTS_MAX_FORM_AGE")
LIMITS = ("COMMENTS_RATE_LIMIT_CLIENT", "COMMENTS_RATE_LIMIT_ARTICLE", "COMMENTS_RATE_LIMIT_REPORTS")


def setting(name):
    value = app_setting(name, DEFAULTS)
    if name == "COMMENTS_TRUSTED_PROXY_COUNT":
        return trusted_proxy_count()
    if name in LIMITS:
        return parse_limit(name, value)
    return parse_number(name, value)


def min_submit_seconds():
    return setting("COMMENTS_MIN_SUBMIT_SECONDS")


def max_form_age():
    return setting("COMMENTS_MAX_FORM_AGE")


def rate_limit(kind):
    """``(count, window)`` for "client", "article" or "reports"."""
    count, seconds = setting(f"COMMENTS_RATE_LIMIT_{kind.upper()}")
    return count, datetime.timedelta(seconds=seconds)
