"""Typed app settings: each app's ``conf.py`` lists its defaults in one
``DEFAULTS`` dict and reads every value through ``setting`` at call time, so
tests and ``override_settings`` apply, with these parsers for the types."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def setting(name, defaults):
    """The setting ``name`` from the settings module, else its default."""
    return getattr(settings, name, defaults[name])


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
