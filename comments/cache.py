"""Purging cached copies of the pages that show an article's comments."""

from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from blog.bilingual import language_codes


def comment_page_urls(article):
    """Every URL that shows the article's approved comments, in each language:
    the article, its comments feed, and the lists that show its comment count."""
    urls = set()
    pages = [article]
    blog_index = article.blog_index
    if blog_index is not None:
        pages += [blog_index, blog_index.get_parent().specific]
    for language in language_codes():
        with translation.override(language):
            for page in pages:
                url = page.get_full_url()
                if url:
                    urls.add(url)
            article_url = article.get_full_url()
            if article_url:
                site_root = article.get_site().root_url
                urls.add(site_root + reverse("comments:feed", args=[article.pk]))
    return sorted(urls)


def purge_comment_pages(articles):
    """Ask every configured front-end cache to drop the articles' pages."""
    batch = PurgeBatch()
    for article in articles:
        batch.add_urls(comment_page_urls(article))
    batch.purge()
