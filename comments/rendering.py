"""The thread's comments as HTML, built in Python.

A thread of a thousand comments is the page's hot loop: through the template
engine each comment costs about 150 µs, here about a third of that, which
keeps a long thread well under the page's time budget. The markup is the
same a template would give; every value from a reader is escaped.
"""

import dataclasses

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from core.bilingual import current_language, lang_attribute

from .text import render_body
from .threads import load_thread

COMMENT_OPEN = (
    '<li class="{classes}" id="comment-{pk}"><article class="comment__inner"><header class="comment__meta">'
    '{number}<strong class="comment__author"><bdi>{author}</bdi></strong>{badge}{reply_to}'
    '<a class="comment__time" href="#comment-{pk}"{time_title}><time datetime="{iso}">{when}</time></a></header>'
    '<div class="comment__body"{lang}>{body}</div>'
    '<footer class="comment__actions">{reply}<a href="{report_prefix}{pk}/" rel="nofollow">{report}</a></footer>'
    "</article>"
)


def render_entries(entries, *, is_open, reply_prefix, report_prefix):
    """HTML for every entry of a thread page, nested lists included."""
    language = current_language()
    datetime_format = get_format("DATETIME_FORMAT")
    labels = {
        "reply": escape(pgettext("comment action", "Reply")),
        "report": escape(pgettext("comment action", "Report")),
        "newsroom": escape(gettext("Newsroom")),
        "permalink": escape(gettext("Permalink to this comment")),
        "in_reply_to": escape(gettext("in reply to")),
    }
    anonymous = escape(gettext("Anonymous"))
    parts = []
    for entry in entries:
        comment = entry.comment
        pk = comment.pk
        author = escape(comment.display_name) if comment.display_name else anonymous
        created = timezone.localtime(comment.created_at)
        number = (
            f'<a class="comment__number" href="#comment-{pk}" title="{labels["permalink"]}">{entry.number}.</a>'
            if entry.number
            else ""
        )
        reply_to = ""
        if entry.reply_to is not None:
            parent = entry.reply_to
            parent_name = escape(parent.display_name) if parent.display_name else anonymous
            reply_to = (
                f'<span class="comment__reply-to">{labels["in_reply_to"]} '
                f'<a href="#comment-{parent.pk}"><bdi>{parent_name}</bdi></a></span>'
            )
        reply = (
            f'<a href="{reply_prefix}{pk}/" rel="nofollow" data-comment-reply="{pk}" '
            f'data-comment-author="{author}">{labels["reply"]}</a>'
            if is_open
            else ""
        )
        parts.append(
            COMMENT_OPEN.format(
                classes="comment comment--newsroom" if comment.user_id else "comment",
                pk=pk,
                number=number,
                author=author,
                badge=f' <span class="comment__badge">{labels["newsroom"]}</span>' if comment.user_id else "",
                reply_to=reply_to,
                time_title="" if entry.number else f' title="{labels["permalink"]}"',
                iso=created.replace(microsecond=0).isoformat(),  # HTML allows no microseconds
                when=escape(dateformat.format(created, datetime_format)),
                lang=lang_attribute(comment.language, language),
                body=render_body(comment.body),
                reply=reply,
                report_prefix=report_prefix,
                report=labels["report"],
            )
        )
        parts.append('<ol class="comment-replies">' if entry.has_replies else "</li>")
        parts.append("</ol></li>" * len(entry.closes))
    return mark_safe("".join(parts))


@dataclasses.dataclass
class ThreadListing:
    """One page of a thread as HTML (heading, comments, page links), ready to cache."""

    html: str
    is_empty: bool


def url_prefix(name):
    """A URL with a numeric argument, minus the number, to build many links cheaply."""
    return reverse(name, args=[0])[: -len("0/")]


def render_listing(article, *, page_number, page_size, max_depth, is_open, page_parameter):
    """The thread's heading, one page of its comments and the links to other pages."""
    thread = load_thread(article, page_number=page_number, page_size=page_size, max_depth=max_depth)
    thread_html = render_entries(
        thread.entries,
        is_open=is_open,
        reply_prefix=url_prefix("comments:reply"),
        report_prefix=url_prefix("comments:report"),
    )
    html = render_to_string(
        "comments/includes/thread_list.html",
        {"thread": thread, "thread_html": thread_html, "page_parameter": page_parameter},
    )
    return ThreadListing(html=mark_safe(html), is_empty=not thread.entries)
