"""A page cache for operators without a CDN.

Anonymous GETs of public pages are answered from the shared cache (Redis)
before the session, the URL resolver or the database are touched. Only a
response that CacheHeadersMiddleware marked public (``public`` and
``s-maxage``: a 200 to an anonymous GET, with no cookie) is stored, so the
admin, previews, the tip line, the comment pages with a reader's text and
anything that sets a cookie are never kept.

Entries are keyed by host, path, query string, language and encoding, plus
two generation tokens: one per path and one for the whole cache. Purging a
URL deletes its path's token, which drops every query string (``?page=2``)
and host of that path at once; purging the site deletes the global token.
A render that started before a purge stores its result under the token it
read when it started, so a stale page can never be stored after a purge.
"""

import hashlib
import logging
import re
import secrets
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language_from_path
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache

from .middleware import is_public_response, vary_fields

logger = logging.getLogger(__name__)

accepts_gzip = re.compile(r"\bgzip\b")
SITE_GENERATION_KEY = "pagecache:site"
CACHEABLE_QUERY_KEYS = {"page"}
HIT_HEADER = "X-Page-Cache"


def page_cache_enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", getattr(settings, "CACHE_PUBLIC_S_MAXAGE", 600))


def token_seconds():
    return 2 * page_cache_seconds()


def path_token_key(path):
    return "pagecache:path:" + hashlib.sha256(path.encode()).hexdigest()


def entry_key(request, path, tokens):
    encoding = "gzip" if accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    parts = [request.get_host(), path, request.META.get("QUERY_STRING", ""), language, encoding, *tokens]
    return "pagecache:entry:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False  # Django answers 400 further in
    # A session cookie may belong to a signed-in editor; serve them fresh pages.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if any(request.path.startswith(prefix) for prefix in getattr(settings, "PAGE_CACHE_EXCLUDED_PREFIXES", ())):
        return False
    # Other query strings are rendered but not kept, so random ones cannot fill the cache.
    query = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return all(key in CACHEABLE_QUERY_KEYS and value.isdigit() for key, value in query)


def current_tokens(cache, path, create):
    """The site and path tokens, created when missing if ``create``; None if absent."""
    keys = [SITE_GENERATION_KEY, path_token_key(path)]
    found = cache.get_many(keys)
    if create:
        # Path tokens expire (so requests for random paths cannot fill the
        # cache); each store renews its path's token.
        for key, timeout in zip(keys, [None, token_seconds()], strict=True):
            if key not in found:
                cache.add(key, secrets.token_hex(8), timeout=timeout)
        found = cache.get_many(keys)
    if len(found) < len(keys):
        return None
    return [found[key] for key in keys]


def response_from_entry(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serve and store anonymous public pages in the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache_enabled() or not is_cacheable_request(request):
            return self.get_response(request)
        try:
            cache = page_cache()
            path = request.path
            tokens = current_tokens(cache, path, create=False)
            key = entry_key(request, path, tokens) if tokens else None
            entry = cache.get(key) if key else None
            if entry is not None:
                return response_from_entry(entry)
            if tokens is None:
                tokens = current_tokens(cache, path, create=True)
                key = entry_key(request, path, tokens) if tokens else None
        except Exception:
            # A cache that is down degrades to rendering every page.
            logger.warning("Page cache unavailable; rendering without it.", exc_info=True)
            return self.get_response(request)
        response = self.get_response(request)
        if key and request.method == "GET" and self.should_store(response):
            entry = (response.status_code, list(response.items()), response.content)
            try:
                cache.set(key, entry, timeout=page_cache_seconds())
                cache.touch(path_token_key(path), timeout=token_seconds())
            except Exception:
                logger.warning("Page cache unavailable; page not stored.", exc_info=True)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def should_store(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and is_public_response(response)
            and all(field.lower() == "accept-encoding" for field in vary_fields(response))
        )


def purge_paths_now(paths):
    """Drop every cached copy of these paths (all hosts, query strings, encodings)."""
    if not page_cache_enabled() or not paths:
        return
    try:
        page_cache().delete_many([path_token_key(path) for path in paths])
    except Exception:
        logger.warning("Page cache unavailable; purge skipped.", exc_info=True)


def purge_frontend_caches(urls):
    """Queue a purge of ``urls`` in every configured front-end cache (none: no task)."""
    if urls and get_backends():
        purge_urls_from_cache(urls)


def purge_urls(urls):
    """Purge full URLs from the page cache and every front-end cache
    (WAGTAILFRONTENDCACHE), once the current transaction commits."""
    urls = sorted(set(urls))
    if not urls:
        return

    def purge():
        purge_paths_now({urlsplit(url).path for url in urls})
        purge_frontend_caches(urls)

    transaction.on_commit(purge)


def purge_site(urls=()):
    """Drop the whole page cache, and ``urls`` from the front-end caches."""
    urls = sorted(set(urls))

    def purge():
        if page_cache_enabled():
            try:
                page_cache().delete(SITE_GENERATION_KEY)
            except Exception:
                logger.warning("Page cache unavailable; purge skipped.", exc_info=True)
        purge_frontend_caches(urls)

    transaction.on_commit(purge)
