"""What happens when a reader sends a comment, after the form is valid."""

from django.db import transaction

from core.bilingual import current_language
from core.client import client_hashes

from . import threads
from .cache import purge_comment_pages
from .language import detect_language
from .models import Comment, ModerationEvent, WordRule
from .spam import check_rate_limits, is_banned, lock_client, match_words
from .tasks import notify_moderators


def initial_status(body, hashes, site_settings):
    """The status a new comment starts in, the word that decided it, and why
    (a ModerationEvent reason, or None when no rule decided)."""
    if is_banned(hashes):
        return Comment.Status.REJECTED, "", ModerationEvent.Reason.BANNED_CLIENT
    match = match_words(body)
    if match is not None and match.action == WordRule.Action.BANNED:
        return Comment.Status.REJECTED, match.phrase, ModerationEvent.Reason.BANNED_WORD
    if match is not None:
        return Comment.Status.PENDING, match.phrase, ModerationEvent.Reason.SUSPECT_WORD
    if site_settings.premoderation:
        return Comment.Status.PENDING, "", None
    return Comment.Status.APPROVED, "", None


def submit_comment(request, article, cleaned_data, site_settings):
    """Store a reader's comment; RateLimited when the client or article is flooding.

    Returns the saved comment. Nothing here rewrites other comments' rows.
    """
    hashes = client_hashes(request)
    body = cleaned_data["body"]
    status, matched_word, reason = initial_status(body, hashes, site_settings)
    comment = Comment(
        article=article,
        parent=cleaned_data.get("parent_comment"),
        display_name=cleaned_data.get("name", ""),
        email=cleaned_data.get("email", ""),
        body=body,
        language=detect_language(body, fallback=current_language()),
        status=status,
        matched_word=matched_word,
        client_hash=hashes[0],
    )
    with transaction.atomic():
        # Counted under the client's and the thread's locks, so concurrent
        # posts cannot all slip under a limit.
        lock_client(hashes)
        threads.lock_thread(article.pk)
        check_rate_limits(article, hashes)
        threads.insert(comment, site_settings.max_depth)
        if reason:
            ModerationEvent.record([comment], reason, note=matched_word, new=True)
    after_posting(comment)
    return comment


def after_posting(comment):
    """Notify moderators of a pending comment, or refresh pages for a published one."""
    if comment.status == Comment.Status.PENDING:
        transaction.on_commit(lambda: notify_moderators.enqueue(comment.pk))
    elif comment.status == Comment.Status.APPROVED:
        transaction.on_commit(lambda: purge_comment_pages([comment.article]))
