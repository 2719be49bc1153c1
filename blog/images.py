"""The renditions an article's hero is shown in, read in one query."""

from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

# WebP for browsers that take it, JPEG for the rest, at widths for phones to
# wide screens at twice their pixel density.
HERO_SPECS = "format-{webp,jpeg} width-{480,800,1200,1600}"
# How wide the hero is shown (site/static/css/frontera.css: .article, .article__hero).
HERO_SIZES = "(min-width: 76rem) 58rem, (min-width: 44rem) 42rem, 100vw"
# The hero's shape in link previews and search results (16:9, as the lead card).
SHARE_IMAGE_SPEC = "fill-1200x675"


def hero_renditions(image):
    """``(picture, share_rendition)`` for a hero image, from one lookup.

    The picture is the ``<picture>`` element of the article's header; the
    share rendition is what Open Graph and JSON-LD name.
    """
    specs = Filter.expand_spec(HERO_SPECS)
    renditions = get_renditions_or_not_found(image, [*specs, SHARE_IMAGE_SPEC])
    share = renditions.pop(SHARE_IMAGE_SPEC)
    picture = Picture(renditions, {"sizes": HERO_SIZES, "fetchpriority": "high", "alt": ""})
    return picture, share
