"""Lets posts to the tip page past Django's cookie-based CSRF check.

Install it immediately before ``django.middleware.csrf.CsrfViewMiddleware``.
Django's check needs a CSRF cookie, which the tip page must never set, and
rejects ``Origin: null``, which browsers send on the page's own posts under
``Referrer-Policy: no-referrer``. For posts whose path belongs to a live tip
page, this marks CSRF processing as done; the page then does its own
cookieless check (``tips.security``) before it reads anything. Every other
request, the admin included, keeps Django's protection.
"""

from django.utils import translation
from wagtail.models import Site

from core.bilingual import language_codes

from .models import TipPage


def tip_page_paths(request):
    """The URL paths of the request's site's live tip pages, in every language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    paths = []
    for page in TipPage.objects.live().descendant_of(site.root_page, inclusive=True):
        for language in language_codes():
            with translation.override(language):
                parts = page.get_url_parts(request)
            if parts is not None and parts[2]:
                paths.append(parts[2])
    return paths


class TipPageCsrfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and any(request.path_info.startswith(path) for path in tip_page_paths(request)):
            request.csrf_processing_done = True
        return self.get_response(request)
