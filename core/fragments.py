"""What every page shows, kept in the shared cache between requests.

Each public page needs the site, its home page and the pages its header and
footer link to. Read from the database, that is several queries on every
page; here they are read once and kept in the shared cache until any page
is published, unpublished or moved, or a site or site setting changes.
Only with a cache every app server shares (CACHE_IS_SHARED): a per-process
cache could not be told about changes made in another process.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "fragments:generation"


def fragments_enabled():
    return getattr(settings, "CACHE_IS_SHARED", False)


def remember(name, build, request=None):
    """``build()``'s value, kept in the shared cache until the next change.

    The value is stored with the generation it was built under, and both
    are read in one round trip; a value from an older generation (built
    before a change, or stored after it by a render that began before it)
    is rebuilt. With ``request``, a value read twice in one request (the
    header and the footer) costs one round trip.
    """
    if request is not None:
        seen = request.__dict__.setdefault("_remembered_fragments", {})
        if name not in seen:
            seen[name] = remember(name, build)
        return seen[name]
    if not fragments_enabled():
        return build()
    key = f"fragments:{name}"
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        stored = found.get(key)
        if generation is not None and stored is not None and stored[0] == generation:
            return stored[1]
        if generation is None:
            cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
            generation = cache.get(GENERATION_KEY)
    except Exception:
        logger.warning("Shared cache unavailable; reading from the database.", exc_info=True)
        return build()
    value = build()
    if generation is not None:
        try:
            cache.set(key, (generation, value), timeout=getattr(settings, "FRAGMENT_CACHE_SECONDS", 3600))
        except Exception:
            logger.warning("Shared cache unavailable; value not kept.", exc_info=True)
    return value


def forget():
    if not fragments_enabled():
        return

    def drop():
        try:
            cache.delete(GENERATION_KEY)
        except Exception:
            logger.warning("Shared cache unavailable; fragments not dropped.", exc_info=True)

    transaction.on_commit(drop)


def site_with_home(request):
    """The request's Site with its root page and the root page's specific object loaded."""
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 (loaded now, so kept with the site)
    return site


class SharedSiteMiddleware:
    """Give Wagtail the request's Site (and home page) from the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if fragments_enabled() and not request.path.startswith("/admin/"):
            try:
                host = request.get_host()
            except DisallowedHost:
                host = None
            if host:
                site = remember(f"site:{host}", lambda: site_with_home(request))
                if site is not None:
                    request._wagtail_site = site
        return self.get_response(request)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_on_page_change(sender, **kwargs):
    forget()


@receiver(post_save)
@receiver(post_delete)
def forget_on_site_change(sender, instance, raw=False, created=False, **kwargs):
    # Settings are created with their defaults on first read: nothing shown changes.
    if raw or (created and isinstance(instance, BaseSiteSetting)):
        return
    if isinstance(instance, (Site, BaseSiteSetting)):
        forget()
