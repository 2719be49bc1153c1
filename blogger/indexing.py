"""Search and reference indexing for pages written in bulk, which send no save signals."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends

from blog.models import ArticlePage
from blog.search import index_article
from home.models import StandardPage


def index_pages(pages):
    """Add ``pages`` (specific, saved) to every auto-updated search backend and to the reference index."""
    base_type = ContentType.objects.get_for_model(Page)
    for model in (ArticlePage, StandardPage):
        rows = [page for page in pages if type(page) is model]
        if not rows:
            continue
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, rows)
        if model is ArticlePage:
            # Reader search: one document per language version (blog.search).
            for page in rows:
                index_article(page.pk)
        if not ReferenceIndex.model_is_indexable(model):
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_type,
                    object_id=page.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in rows
                # The extraction ReferenceIndex.create_or_update_for_object does for one object.
                for to_type, to_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ],
            ignore_conflicts=connection.features.supports_ignore_conflicts,
        )


def load_pages(page_ids):
    """The specific pages for ``page_ids``, with what the reference index reads prefetched."""
    articles = ArticlePage.objects.filter(pk__in=page_ids).prefetch_related("article_authors", "tagged_items")
    return [*articles, *StandardPage.objects.filter(pk__in=page_ids)]
