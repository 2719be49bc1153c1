"""The cookie-free check every reader form makes against forged posts.

Public pages set no cookie (so a CDN or the page cache can serve them to
everyone), so the comment, report and tip forms cannot use Django's CSRF
cookie. They ask the browser instead: fetch metadata (``Sec-Fetch-Site``)
and ``Origin`` say whether the post came from this site. Each form adds its
own signed, short-lived token on top.
"""

from django.conf import settings


def own_origins(request):
    origins = {f"{request.scheme}://{request.get_host()}"}
    origins.update(getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
    return origins


def same_site_post(request):
    """False for a post that the browser says came from another site."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.META.get("HTTP_ORIGIN")
    # Browsers send "null" under Referrer-Policy: no-referrer; fetch metadata decides then.
    return not (origin and origin != "null" and origin not in own_origins(request))
