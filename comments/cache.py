"""Purging cached copies of the pages that show an article's comments.

The purge map itself is blog.cache: an article says which URLs show it.
"""

from blog.cache import article_urls
from core.pagecache import purge_urls


def comment_page_urls(article):
    """Every URL that shows the article's approved comments or their count, in
    each language: the article, its comments feed, and the lists with its card."""
    return sorted(article_urls(article, comments_only=True))


def purge_comment_pages(articles):
    """Drop the articles' comment pages from the page cache and every front-end cache."""
    urls = set()
    for article in articles:
        urls.update(comment_page_urls(article))
    purge_urls(urls)
