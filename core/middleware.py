"""Cache headers and compression for public pages.

A public page is the same HTML for every anonymous reader, so a CDN, a
proxy or the site's own page cache may keep it. Anything personal (the
admin, previews, a signed-in editor's view of the site) says ``private,
no-store`` instead. Views that set their own ``Cache-Control`` (the tip
page, the comment pages with a reader's text) are left as they are.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.deprecation import MiddlewareMixin

PRIVATE = "private, no-store"


def public_cache_control():
    """The public Cache-Control directives, read from settings at call time."""
    return {
        "public": True,
        "max_age": getattr(settings, "CACHE_PUBLIC_MAX_AGE", 60),
        "s_maxage": getattr(settings, "CACHE_PUBLIC_S_MAXAGE", 600),
        "stale_while_revalidate": getattr(settings, "CACHE_STALE_WHILE_REVALIDATE", 60),
    }


def is_private_path(path):
    return any(path.startswith(prefix) for prefix in getattr(settings, "CACHE_PRIVATE_PATH_PREFIXES", ("/admin/",)))


def is_signed_in(request):
    """True for a request from a signed-in user; never touches the session without a cookie."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def vary_fields(response):
    if not response.has_header("Vary"):
        return []
    return [field.strip() for field in cc_delim_re.split(response["Vary"]) if field.strip()]


def drop_vary(response, name):
    fields = [field for field in vary_fields(response) if field.lower() != name.lower()]
    if fields:
        response["Vary"] = ", ".join(fields)
    elif response.has_header("Vary"):
        del response["Vary"]


def language_never_negotiated(request):
    """True when the language comes from the URL alone.

    With ``i18n_patterns(prefix_default_language=False)`` Django serves
    every unprefixed URL in LANGUAGE_CODE whatever the browser asks for, yet
    LocaleMiddleware still adds ``Vary: Accept-Language``; that header would
    split every cached page into one copy per browser language for nothing.
    """
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    used, prefix_default_language = is_language_prefix_patterns_used(urlconf)
    return used and not prefix_default_language


def is_public_response(response):
    cache_control = response.get("Cache-Control", "")
    return "public" in cache_control and "s-maxage" in cache_control


class CacheHeadersMiddleware(MiddlewareMixin):
    """``public, max-age, s-maxage, stale-while-revalidate`` on anonymous public
    pages; ``private, no-store`` on the admin and on signed-in views."""

    def process_response(self, request, response):
        if language_never_negotiated(request):
            drop_vary(response, "Accept-Language")
        if response.has_header("Cache-Control"):
            return response
        if is_private_path(request.path) or getattr(request, "is_preview", False) or is_signed_in(request):
            response["Cache-Control"] = PRIVATE
            return response
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and "cookie" not in (field.lower() for field in vary_fields(response))
        ):
            patch_cache_control(response, **public_cache_control())
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Gzip only public pages.

    Compressing a page that holds a secret (a CSRF token in the admin, a
    signed token on the tip line) next to text an attacker controls leaks
    the secret byte by byte (BREACH). Public pages hold no secret.
    """

    def process_response(self, request, response):
        if not is_public_response(response):
            return response
        return super().process_response(request, response)
