"""Template tags for a page that exists in two languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language_info, pgettext

from core.bilingual import (
    current_language,
    lang_attribute,
    language_codes,
    language_in_a_sentence,
    page_url_in,
    value_language,
)

register = template.Library()


def route_suffix(page, request):
    """The part of the path after the page's own URL (a routable sub-page)."""
    if request is None:
        return ""
    own_url = page.get_url(request) or ""
    path = request.path
    return path[len(own_url) :] if own_url and path.startswith(own_url) else ""


def route_suffix_in(page, suffix, language):
    """``suffix`` with the route words (and tag slugs) readers of ``language`` see."""
    translate = getattr(page, "translate_route", None)
    if not suffix or translate is None:
        return suffix
    return translate(suffix, language)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Every language version of the current view, as dicts for the switcher.

    Each has ``code``, ``name`` (in its own language), ``url``, ``current``
    and ``available``: false when the page has no text of its own in that
    language, so search engines are not told it exists.
    """
    request = context.get("request")
    page = context.get("page")
    current = current_language()
    versions = []
    available = page.available_languages() if hasattr(page, "available_languages") else language_codes()
    for code in language_codes():
        if page is not None and getattr(page, "pk", None):
            suffix = route_suffix(page, request)
            url = page_url_in(page, code, request) + (
                suffix if code == current else route_suffix_in(page, suffix, code)
            )
            absolute = request.build_absolute_uri(url) if request is not None else page_url_in(page, code, full=True)
        elif request is not None:
            url = translate_url(request.path, code)
            absolute = request.build_absolute_uri(url)
        else:
            continue
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": absolute,
                "current": code == current,
                "available": code in available,
            }
        )
    return versions


@register.simple_tag
def default_version(versions, page=None):
    """The version hreflang="x-default" points at: the original language's."""
    original = getattr(page, "original_language", settings.LANGUAGE_CODE)
    for version in versions:
        if version["code"] == original:
            return version
    return versions[0] if versions else None


@register.filter
def long_date(value):
    """A date written out in the reader's language.

    "Tuesday, November 28, 2023" in English, "martes, 28 de noviembre de
    2023" in Spanish: the format itself is a translatable string.
    """
    if not value:
        return ""
    return format_date(value, pgettext("long date format", "l, F j, Y"))


@register.filter
def month_year(value):
    """A month written out in the reader's language ("November 2023")."""
    if not value:
        return ""
    return format_date(value, pgettext("month and year format", "F Y"))


@register.simple_tag
def lang_attr(instance, field_name):
    """` lang="xx"` when ``instance.<field_name>`` is shown in another language.

    Fallback text stays marked with the language it is really in, so screen
    readers pronounce it correctly and nothing is silently mixed.
    """
    return lang_attribute(value_language(instance, field_name))


@register.simple_tag
def tag_lang_attr(tag):
    return lang_attribute(tag.label_language())


@register.filter
def language_name(code):
    """A language's name as it reads inside a sentence ("en inglés")."""
    return language_in_a_sentence(code)
