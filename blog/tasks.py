"""Background work of the blog, run by the task framework."""

from django_tasks import task

from .search import index_article


@task()
def update_search_documents(page_id):
    """Rewrite one article's reader-search documents from its published state."""
    return index_article(page_id)
