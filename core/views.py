import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .outage import RETRY_AFTER_SECONDS, database_is_down, kept_texts


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


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    """A refused post, explained, with nothing on the page that sends anything.

    Every reader form (comments, reports, the tip line) checks forgery
    without a cookie and never reaches this page; what does is the admin,
    whose refused post may be another site's forgery. So the page echoes
    nothing the post held and offers no form: a form with a fresh token
    would carry out the forged request on the next click.
    """
    return render(request, template_name, status=403)


def server_error(request, template_name="500.html"):
    """The 500 page in the language of the URL that failed; a 503 while the database is down.

    Django's own handler renders without a request context; this one keeps
    the language the reader was reading in, and touches no database. Django
    calls it while handling the exception, which ``sys.exc_info`` still holds.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if database_is_down(sys.exc_info()[1]):
            return unavailable(request, language)
        template = loader.get_template(template_name)
        return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))


def unavailable(request, language):
    """503, try again soon; a post's own text comes back so that nothing written is lost."""
    context = {"LANGUAGE_CODE": language, "kept_texts": kept_texts(request)}
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
