"""The comment thread and form under an article, and counts on article lists."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from core.bilingual import lang_attribute
from core.models import NewsroomSettings

from .. import counts
from ..forms import CommentForm
from ..models import CommentSettings
from ..rendering import render_entries
from ..text import render_body
from ..threads import load_thread
from ..visibility import closing_date, comments_open

register = template.Library()

PAGE_PARAMETER = "comments-page"


def url_prefix(name):
    """A URL with a numeric argument, minus the number, to build many links cheaply."""
    return reverse(name, args=[0])[: -len("0/")]


def policy_page(request):
    return NewsroomSettings.for_request(request).comment_policy_page


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comment_thread(context, article):
    """The approved thread of ``article``, one page of it, and the comment form."""
    request = context["request"]
    site_settings = CommentSettings.for_request(request)
    thread = load_thread(
        article,
        page_number=request.GET.get(PAGE_PARAMETER, 1),
        page_size=site_settings.page_size,
        max_depth=site_settings.max_depth,
    )
    is_open = comments_open(article, site_settings)
    thread_html = render_entries(
        thread.entries,
        is_open=is_open,
        reply_prefix=url_prefix("comments:reply"),
        report_prefix=url_prefix("comments:report"),
    )
    return {
        "article": article,
        "thread": thread,
        "thread_html": thread_html,
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
