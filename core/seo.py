"""What search engines and link previews read: descriptions, Open Graph,
Twitter cards and JSON-LD.

Pages add their own part through ``seo_metadata(request, context, title=,
url=)``, a method returning a dict with any of ``title`` (for link previews),
``og_type``, ``image`` (a rendition), ``image_alt``,
``json_ld`` (a list of objects), ``trail`` (breadcrumb ``(name, url)``
pairs after the home page) and ``article`` (Open Graph article fields).
"""

import html
import json

from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Site

# Open Graph names a locale with its region: Spanish here is Mexican/US Spanish.
OG_LOCALES = {"en": "en_US", "es": "es_MX"}

# The publisher logo: a raster image, as search engines want one.
LOGO_PATH = "icons/logo.png"
LOGO_SIZE = 512

DESCRIPTION_LENGTH = 300

# The characters that could end a <script> element or start a comment,
# written as JSON escapes (as Django's json_script does).
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``data`` as a JSON-LD ``<script>``; no value can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped above


def plain(value):
    """Text of a field for a meta tag: no markup, entities or runs of spaces."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def site_tagline():
    return gettext("Independent reporting on organised crime along the US-Mexico border, in English and Spanish.")


def own_language_value(page, field_name, language):
    """``page.<field_name>`` as written in ``language``, without modeltranslation's
    fallback to the other language; the plain field on untranslated models."""
    localized = build_localized_fieldname(field_name, language)
    if hasattr(page, localized):
        return getattr(page, localized)
    return getattr(page, field_name, None)


def describe(page, text, language):
    """The page's description in ``language``: its dek, search description or
    introduction, else the home page's tagline, else the site's own."""

    def own(name):
        return own_language_value(page, name, language) if page is not None else None

    candidates = [getattr(text, "dek", None), own("search_description"), getattr(text, "intro", None)]
    for candidate in [*candidates, own("intro"), own("tagline")]:
        description = plain(candidate)
        if description:
            return Truncator(description).chars(DESCRIPTION_LENGTH)
    with translation.override(language):
        return site_tagline()


def home_url(request, language):
    """The home page's full URL for readers of ``language``."""
    with translation.override(language):
        return request.build_absolute_uri(reverse("wagtail_serve", args=[""]))


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or "Frontera"


def publisher(request, language):
    return {
        "@type": "NewsMediaOrganization",
        "name": site_name(request),
        "url": home_url(request, language),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO_PATH)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def breadcrumb_list(request, language, trail):
    """A ``BreadcrumbList`` from the home page through ``trail``'s (name, url) pairs."""
    items = [(site_name(request), home_url(request, language)), *trail]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def image_object(rendition, request):
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


# Where readers search, per language, until the search page names its route.
SEARCH_PATHS = {"en": "/search/", "es": "/es/buscar/"}


def search_url_template(request, language):
    """The search page's full URL with the ``{search_term_string}`` placeholder."""
    with translation.override(language):
        try:
            path = reverse("search")
        except NoReverseMatch:
            path = SEARCH_PATHS.get(language, SEARCH_PATHS["en"])
    return request.build_absolute_uri(path) + "?q={search_term_string}"


def website(request, language, description):
    """A ``WebSite`` with its search box, for the home page in ``language``."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": home_url(request, language),
        "url": home_url(request, language),
        "name": site_name(request),
        "description": description,
        "inLanguage": language,
        "publisher": publisher(request, language),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url_template(request, language)},
            "query-input": "required name=search_term_string",
        },
    }
