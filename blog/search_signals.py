"""Queue reader-search reindexing whenever what search shows of an article changes."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from core.fragments import forget

from .models import ArticlePage, Author, BlogTag, SearchDocument
from .search import backend_for
from .tasks import update_search_documents

logger = logging.getLogger(__name__)


def queue_index_update(page_ids):
    """Queue each article's reindexing.

    Queued inside the publishing transaction: with the database task backend
    the task row commits (or rolls back) with the change itself. A failure to
    queue is logged and publishing goes on.
    """
    for page_id in page_ids:
        try:
            with transaction.atomic():
                update_search_documents.enqueue(page_id)
        except Exception:
            logger.exception("Search index update for page %s could not be queued.", page_id)


@receiver(page_published)
def reindex_on_publish(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, ArticlePage):
        queue_index_update([instance.pk])


@receiver(page_unpublished)
def drop_on_unpublish(sender, instance, **kwargs):
    """A withdrawn story leaves search at once, not when a worker gets to it.

    Also sent just before a page is deleted, when the row still reads as
    live: a queued reindex run then would write its documents back.
    """
    if isinstance(instance.specific_deferred, ArticlePage):
        drop_from_index(ArticlePage, instance)
        SearchDocument.objects.filter(page_id=instance.pk).delete()


@receiver(pre_delete, sender=ArticlePage)
def drop_from_index(sender, instance, **kwargs):
    """Remove the article's documents from the search backends (the rows go by cascade)."""
    for document in SearchDocument.objects.filter(page_id=instance.pk):
        try:
            backend_for(document.language).delete(document)
        except Exception:
            logger.exception("Search document %s could not be removed from the index.", document.pk)


def indexed_articles(**lookups):
    """Ids of the indexed articles matching ``lookups`` (a renamed author's or tag's)."""
    return sorted(set(SearchDocument.objects.filter(**lookups).values_list("page_id", flat=True)))


@receiver(post_save, sender=Author)
def reindex_author_articles(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_index_update(indexed_articles(page__article_authors__author=instance))


@receiver(post_save, sender=BlogTag)
def reindex_tag_articles(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_index_update(indexed_articles(page__tagged_items__tag=instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_articles(sender, instance, raw=False, **kwargs):
    """A private article leaves search and navigation; one made public again returns."""
    if not raw:
        forget()  # cached navigation links (core.fragments) may name the article
        pages = ArticlePage.objects.descendant_of(instance.page, inclusive=True)
        queue_index_update(list(pages.values_list("pk", flat=True)))
