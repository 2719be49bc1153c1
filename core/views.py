from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

# The only fields shown back after a failed CSRF check: what a reader typed
# into a comment, reply, report or tip. Never names, addresses, codenames or
# passwords, and never as form fields.
READER_TEXT_FIELDS = ("body", "message", "details")
MAX_RETURNED_FIELD_LENGTH = 20000
COMMENT_FORM_VIEWS = ("post", "reply", "report")


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = ["User-agent: *"]
    # A custom ADMIN_URL is kept out of robots.txt: naming it would publish it.
    if settings.ADMIN_URL == "admin/":
        lines.append("Disallow: /admin/")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def reader_form_page(request):
    """The address of a fresh copy of the reader form a failed post came from.

    None for every path that is not a reader's comment, reply, report or tip
    form: the admin and everything else get nothing back.
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.namespace == "comments":
        if match.url_name == "post":
            article = Page.objects.live().public().filter(pk=match.kwargs.get("article_id")).first()
            return article.specific.get_url(request) if article else None
        if match.url_name in COMMENT_FORM_VIEWS:
            return request.path
        return None
    if match.url_name != "wagtail_serve":
        return None
    page = Page.find_for_request(request, request.path_info)
    if page is not None and getattr(page.specific_class or Page, "echoes_reader_text", False):
        return request.path
    return None


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    """A refused post, explained; the reader's own text shown to copy.

    The check fails when a page stayed open across a cookie change or a
    browser dropped the cookie, and when another site forged the post. So
    this page never offers to send anything again (a form with a fresh token
    would carry out the forged request on the next click): for the reader
    forms it shows what the reader typed as plain text with a link to a fresh
    form; for any other path, the admin included, it echoes nothing.
    """
    form_page = reader_form_page(request)
    texts = []
    if form_page is not None:
        texts = [
            value
            for name in READER_TEXT_FIELDS
            for value in request.POST.getlist(name)
            if value.strip() and len(value) <= MAX_RETURNED_FIELD_LENGTH
        ]
    context = {"form_page": form_page, "texts": texts}
    return render(request, template_name, context, status=403)


def server_error(request, template_name="500.html"):
    """The 500 page in the language of the URL that failed.

    Django's own handler renders without a request context; this one keeps
    the language the reader was reading in, and touches no database.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        template = loader.get_template(template_name)
        return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))
