"""The comment thread and form under an article, and counts on article lists."""

from django import template
from django.utils.html import format_html
from wagtail.models import Site

from core.bilingual import current_language, lang_attribute
from core.fragments import remember
from core.models import NewsroomSettings

from .. import counts
from ..cache import kept_rendering
from ..forms import CommentForm
from ..models import CommentSettings
from ..rendering import render_listing
from ..text import render_body
from ..visibility import closing_date, comments_open

register = template.Library()

PAGE_PARAMETER = "comments-page"


# Pages of comments kept rendered: enough for any real thread, and a bound
# on what a crawler of ?comments-page=N can make the shared cache hold.
KEPT_PAGES = 100


def requested_page(value):
    """The page number asked for, or None for one not worth keeping."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= KEPT_PAGES else None


def policy_page(request):
    def read():
        return {"page": NewsroomSettings.for_request(request).comment_policy_page}

    site = Site.find_for_request(request)
    if site is None:
        return read()["page"]
    # Kept until a page is published or moved or a setting changes (core.fragments).
    return remember(f"comment-policy-page:{site.pk}", read, request)["page"]


def site_comment_settings(request):
    """The site's comment settings, kept in the shared cache until a setting changes."""
    site = Site.find_for_request(request)
    if site is None:
        return CommentSettings.for_request(request)
    return remember(f"comment-settings:{site.pk}", lambda: CommentSettings.for_request(request))


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comment_thread(context, article):
    """The approved thread of ``article``, one page of it, and the comment form."""
    request = context["request"]
    site_settings = site_comment_settings(request)
    is_open = comments_open(article, site_settings)
    page_number = request.GET.get(PAGE_PARAMETER, 1)

    def build():
        return render_listing(
            article,
            page_number=page_number,
            page_size=site_settings.page_size,
            max_depth=site_settings.max_depth,
            is_open=is_open,
            page_parameter=PAGE_PARAMETER,
        )

    kept_page = requested_page(page_number)
    if kept_page is None:
        listing = build()
    else:
        variant = f"{current_language()}:{kept_page}:{site_settings.page_size}:{site_settings.max_depth}:{is_open}"
        listing = kept_rendering(article.pk, variant, build)
    return {
        "article": article,
        "listing": listing,
        "is_open": is_open,
        "closing_date": closing_date(article, site_settings),
        "form": CommentForm(article=article, max_length=site_settings.max_length) if is_open else None,
        "policy_page": policy_page(request),
        "page_parameter": PAGE_PARAMETER,
        "request": request,
    }


@register.inclusion_tag("comments/includes/form.html", takes_context=True)
def comment_form(context, form, article, parent=None):
    """The comment form, as under the article and on the reply page."""
    return {
        "form": form,
        "article": article,
        "parent": parent,
        "policy_page": policy_page(context["request"]),
        "request": context["request"],
    }


@register.simple_tag
def attach_comment_counts(articles):
    """Counts the approved comments of a list's articles, in one query, for
    ``comment_count`` to show on each card; renders nothing."""
    counts.attach_comment_counts(articles)
    return ""


@register.filter
def comment_count(article):
    """``article.comment_count`` when counts were attached to the list, else None."""
    return getattr(article, "comment_count", None)


@register.filter
def bdi(name):
    """A name from a reader, isolated so bidirectional marks in it stay inside."""
    return format_html("<bdi>{}</bdi>", name)


@register.filter
def comment_html(comment):
    return render_body(comment.body)


@register.simple_tag
def comment_lang_attr(comment):
    return lang_attribute(comment.language)
