"""The comment stream's settings, typed, with their defaults in one place.

Each value is read at call time, so tests and ``override_settings`` apply.
A setting may be given in the settings module as a number or a
``(count, seconds)`` pair, or from the environment as a string:
``"5/600"`` or ``"5,600"`` for a limit (see ``config/settings/base.py``).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Read in core, which every app shares and which imports none of them.
from core.client import trusted_proxy_count

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


def parse_number(name, value):
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        number = -1
    if number < 0:
        raise ImproperlyConfigured(f"{name} must be a whole number of zero or more, not {value!r}.")
    return number


def parse_limit(name, value):
    """``(count, seconds)`` from a pair, ``"count/seconds"`` or ``"count,seconds"``."""
    if isinstance(value, str):
        parts = value.replace("/", ",").split(",")
    else:
        parts = list(value) if isinstance(value, list | tuple) else [value]
    if len(parts) != 2:
        raise ImproperlyConfigured(f'{name} must be a count and a number of seconds, such as "5/600", not {value!r}.')
    count, seconds = (parse_number(name, part) for part in parts)
    if count < 1 or seconds < 1:
        raise ImproperlyConfigured(f"{name} needs a count and a number of seconds of at least 1, not {value!r}.")
    return count, seconds


def setting(name):
    value = getattr(settings, name, DEFAULTS[name])
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
