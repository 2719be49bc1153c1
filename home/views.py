from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Fields a reader typed, shown again for editing; the rest are passed through.
VISIBLE_FIELDS = ("body", "message", "details")
MAX_RETURNED_FIELD_LENGTH = 20000


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    """A form that failed the CSRF check, shown again with what the reader typed.

    The check fails when a page stayed open across a cookie change or a
    browser dropped the cookie; the reader's text must not be lost for that.
    The fields come back in a form with a fresh token, so sending again works.
    """
    fields = [
        (name, value)
        for name, value in request.POST.items()
        if name != "csrfmiddlewaretoken" and len(value) <= MAX_RETURNED_FIELD_LENGTH
    ]
    context = {
        "action": request.path,
        "visible_fields": [(name, value) for name, value in fields if name in VISIBLE_FIELDS],
        "hidden_fields": [(name, value) for name, value in fields if name not in VISIBLE_FIELDS],
    }
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
