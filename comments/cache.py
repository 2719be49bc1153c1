"""Purging cached copies of the pages that show an article's comments, and
keeping the rendered thread between purges.

The purge map itself is blog.cache: an article says which URLs show it.

Rendering a long thread is most of an uncached article's time, and the
thread changes far less often than the page is rendered: once per approval,
rejection or edit, against every request that misses the page cache (a
page of comments other than the first, a purge of the whole site, a site
without the page cache). So each article's rendered thread is kept in the
shared cache under a *stream version*, a token that every change to the
article's visible comments deletes, in the same step that purges its pages.
A render that began before a change stores its result under the old token,
which nobody reads again, so a stale thread is never served after a purge.
"""

import secrets

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from blog.cache import article_urls
from core.fragments import fragments_enabled
from core.pagecache import page_cache_seconds, purge_urls

from .models import Comment


def comment_page_urls(article):
    """Every URL that shows the article's approved comments or their count, in
    each language: the article, its comments feed, and the lists with its card."""
    return sorted(article_urls(article, comments_only=True))


def stream_version_key(article_id):
    return f"comments:stream:{article_id}"


def forget_streams(article_ids):
    """Drop every kept rendering of these articles' threads."""
    if fragments_enabled():
        cache.delete_many([stream_version_key(article_id) for article_id in set(article_ids)])


def purge_comment_pages(articles):
    """Drop the articles' comment pages from the page cache and every front-end cache."""
    articles = list(articles)
    forget_streams(article.pk for article in articles)
    urls = set()
    for article in articles:
        urls.update(comment_page_urls(article))
    purge_urls(urls)


def kept_rendering(article_id, variant, build):
    """``build()``'s value for one variant of the article's thread (language,
    page, settings), kept in the shared cache until its comments change.

    Only with a cache every app server shares: another process's change
    could not reach a per-process cache.
    """
    if not fragments_enabled():
        return build()
    version_key = stream_version_key(article_id)
    # Read the version before the comments, so a change committed in between
    # deletes the version this rendering is stored under.
    version = cache.get(version_key)
    if version is None:
        cache.add(version_key, secrets.token_hex(8), timeout=2 * page_cache_seconds())
        version = cache.get(version_key)
        if version is None:  # the cache is down
            return build()
    key = f"comments:thread:{article_id}:{version}:{variant}"
    value = cache.get(key)
    if value is None:
        value = build()
        # No longer than a cached page: a change no purge knows of (a
        # newsroom author's account deleted) shows within the same time.
        cache.set(key, value, timeout=page_cache_seconds())
    return value


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
def forget_stream_on_comment_change(sender, instance, raw=False, created=False, **kwargs):
    # A safety net for changes made outside moderation (the shell, an
    # import, a cascade); moderation also purges the pages themselves.
    # A new comment that is not approved changes nothing readers see.
    if raw or (created and instance.status != Comment.Status.APPROVED):
        return
    article_id = instance.article_id
    transaction.on_commit(lambda: forget_streams([article_id]))
