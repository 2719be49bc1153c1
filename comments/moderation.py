"""What moderators do to comments: decide, answer, correct, dismiss, ban.

Every step is recorded as a ModerationEvent, and any change to what readers
see purges the cached pages of the articles concerned once the transaction
commits.
"""

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from . import threads
from .cache import purge_comment_pages
from .models import ClientBan, Comment, CommentSettings, ModerationEvent, Report

QUEUE_STATUSES = {
    "pending": Comment.Status.PENDING,
    "approved": Comment.Status.APPROVED,
    "rejected": Comment.Status.REJECTED,
    "spam": Comment.Status.SPAM,
}
QUEUES = ["pending", "reported", "approved", "rejected", "spam"]
ACTIONS = {
    "approve": Comment.Status.APPROVED,
    "reject": Comment.Status.REJECTED,
    "spam": Comment.Status.SPAM,
}


def purge_on_commit(articles):
    articles = {article.pk: article for article in articles}
    if articles:
        transaction.on_commit(lambda: purge_comment_pages(articles.values()))


def set_status(comments, status, user, reason=ModerationEvent.Reason.MODERATOR):
    """Move ``comments`` to ``status``, resolving their open reports.

    Returns how many comments changed. Comments already in ``status`` only
    have their reports resolved.
    """
    comments = list(comments)
    changed = [comment for comment in comments if comment.status != status]
    now = timezone.now()
    with transaction.atomic():
        if changed:
            ModerationEvent.record(changed, reason, user=user, to_status=status)
            Comment.objects.filter(pk__in=[comment.pk for comment in changed]).update(status=status)
        Report.objects.filter(comment__in=comments, resolved_at=None).update(resolved_at=now, resolved_by=user)
        visible_change = [comment.article for comment in changed if Comment.Status.APPROVED in (comment.status, status)]
        purge_on_commit(visible_change)
    for comment in changed:
        comment.status = status
    return len(changed)


def dismiss_reports(comments, user):
    """Close the open reports on ``comments`` and leave them as they are."""
    comments = list(comments)
    with transaction.atomic():
        reports = Report.objects.filter(comment__in=comments, resolved_at=None)
        reported = set(reports.values_list("comment_id", flat=True))
        reports.filter(comment__in=comments, resolved_at=None).update(resolved_at=timezone.now(), resolved_by=user)
        ModerationEvent.record(
            [comment for comment in comments if comment.pk in reported],
            ModerationEvent.Reason.REPORTS_DISMISSED,
            user=user,
        )
    return len(reported)


def apply_action(action, comments, user):
    if action == "dismiss":
        return dismiss_reports(comments, user)
    return set_status(comments, ACTIONS[action], user)


def correct_language(comment, language, user):
    if language == comment.language:
        return False
    with transaction.atomic():
        ModerationEvent.record(
            [comment], ModerationEvent.Reason.LANGUAGE, user=user, note=f"{comment.language} → {language}"
        )
        comment.language = language
        comment.save(update_fields=["language"])
        if comment.status == Comment.Status.APPROVED:
            purge_on_commit([comment.article])
    return True


def reply_as_newsroom(parent, body, language, user):
    """Publish the newsroom's answer to ``parent`` at once."""
    site_settings = CommentSettings.for_site(parent.article.get_site())
    reply = Comment(
        article=parent.article,
        parent=parent,
        display_name=site_settings.newsroom_name,
        body=body,
        language=language,
        status=Comment.Status.APPROVED,
        user=user,
    )
    with transaction.atomic():
        threads.insert(reply, site_settings.max_depth)
        ModerationEvent.record([reply], ModerationEvent.Reason.NEWSROOM, user=user, new=True)
        purge_on_commit([reply.article])
    return reply


def ban_writer(comment, user):
    """Reject whatever the comment's writer sends while the fingerprint lasts."""
    if not comment.client_hash:
        return False
    with transaction.atomic():
        _ban, created = ClientBan.objects.get_or_create(
            client_hash=comment.client_hash, defaults={"comment": comment, "created_by": user}
        )
        if created:
            ModerationEvent.record([comment], ModerationEvent.Reason.BAN, user=user)
    return created


def open_reports():
    return Report.objects.filter(resolved_at=None).order_by("created_at")


def has_open_report():
    """A condition on comments: at least one report is still open.

    ``filter(reports__resolved_at=None)`` would also match comments that
    were never reported, through the outer join.
    """
    return Exists(Report.objects.filter(comment=OuterRef("pk"), resolved_at=None))


def queue(name):
    """The comments in one moderation queue, ready for the admin listing."""
    comments = Comment.objects.select_related("article", "parent", "user").prefetch_related(
        Prefetch("reports", queryset=open_reports(), to_attr="open_reports")
    )
    if name == "reported":
        return (
            comments.filter(has_open_report())
            .annotate(open_report_count=Count("reports", filter=Q(reports__resolved_at=None)))
            .order_by("-open_report_count", "-created_at")
        )
    return comments.filter(status=QUEUE_STATUSES[name]).order_by("-created_at", "-pk")


def filter_comments(comments, *, q="", article=None, language="", date_from=None, date_to=None):
    if q:
        comments = comments.filter(Q(body__icontains=q) | Q(display_name__icontains=q) | Q(matched_word__icontains=q))
    if article is not None:
        comments = comments.filter(article=article)
    if language:
        comments = comments.filter(language=language)
    if date_from:
        comments = comments.filter(created_at__date__gte=date_from)
    if date_to:
        comments = comments.filter(created_at__date__lte=date_to)
    return comments


def queue_counts():
    """How many comments wait in the pending queue and under open reports."""
    return {
        "pending": Comment.objects.filter(status=Comment.Status.PENDING).count(),
        "reported": Comment.objects.filter(has_open_report()).count(),
    }


def search_history(q="", reason=""):
    events = ModerationEvent.objects.select_related("comment", "comment__article", "user")
    if q:
        events = events.filter(
            Q(comment__body__icontains=q)
            | Q(comment__display_name__icontains=q)
            | Q(user__username__icontains=q)
            | Q(user__first_name__icontains=q)
            | Q(user__last_name__icontains=q)
            | Q(note__icontains=q)
        )
    if reason:
        events = events.filter(reason=reason)
    return events
