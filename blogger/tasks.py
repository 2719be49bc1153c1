"""Background work queued by import_blogger."""

from django_tasks import task

from .indexing import index_pages, load_pages


@task()
def index_imported_pages(page_ids):
    """Index a batch of imported pages for search and references, as a page save would one by one."""
    index_pages(load_pages(page_ids))
