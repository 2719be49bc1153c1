"""Demo comments for ``seed_demo``: threads in both languages, a few pending, one reported."""

import datetime

from django.db import transaction
from django.utils import timezone

from comments import threads
from comments.models import Comment, Report

DEMO_REPORT_DETAILS = "Demo report: this comment insults another reader."


def comment_entries(entries, parent=None):
    """(entry, parent entry) pairs in thread order."""
    for entry in entries:
        yield entry, parent
        yield from comment_entries(entry.get("replies", []), entry)


def seed_demo_comments(articles, comments, stdout):
    """Create the demo threads; comments already there (same article and text) are kept.

    ``comments`` are nested dicts (article index, language, name, body,
    status, replies); ``articles`` the pages those indexes point into.
    """
    created = 0
    start = timezone.now() - datetime.timedelta(days=3)
    with transaction.atomic():
        for position, top in enumerate(comments):
            article = articles[top["article"]]
            saved = {}
            for offset, (entry, parent_entry) in enumerate(comment_entries([top])):
                parent = saved.get(id(parent_entry)) if parent_entry is not None else None
                comment = Comment.objects.filter(article=article, parent=parent, body=entry["body"]).first()
                if comment is None:
                    comment = Comment(
                        article=article,
                        parent=parent,
                        display_name=entry.get("name", ""),
                        body=entry["body"],
                        language=entry.get("language", top.get("language", "en")),
                        status=entry.get("status", Comment.Status.APPROVED),
                        created_at=start + datetime.timedelta(hours=position * 3, minutes=offset * 17),
                    )
                    threads.insert(comment, max_depth=threads.MAX_STORED_DEPTH)
                    created += 1
                saved[id(entry)] = comment
        reported = seed_report()
    stdout.write(f"Demo comments: {created} created, {Comment.objects.count()} in all; {reported} demo report.")
    return created


def seed_report():
    """Report the latest approved reply, once, so the Reported queue has an entry."""
    if Report.objects.filter(details=DEMO_REPORT_DETAILS).exists():
        return 1
    target = (
        Comment.objects.filter(status=Comment.Status.APPROVED, parent__isnull=False).order_by("-created_at").first()
        or Comment.objects.filter(status=Comment.Status.APPROVED).order_by("-created_at").first()
    )
    if target is None:
        return 0
    Report.objects.create(comment=target, reason=Report.Reason.ABUSE, details=DEMO_REPORT_DETAILS)
    return 1
