"""Structured data for articles and listings (see ``core.seo``)."""

import datetime

from django.utils import timezone, translation

from core import seo
from core.bilingual import current_language, page_url_in, raw_value


def moment(value):
    """An ISO 8601 time to the second, in the newsroom's time zone."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    return value.isoformat() if value else None


def published_moment(article):
    """When the article was published: its first publication, unless an editor
    set a different publication date, which then stands on its own."""
    first = article.first_published_at
    if first is not None and timezone.localtime(first).date() == article.publication_date:
        return moment(first)
    return moment(article.publication_date)


def author_url(index, author, language, request):
    if index is None:
        return None
    with translation.override(language):
        return page_url_in(index, language, request, full=True) + index.reverse_subpage(
            "author", kwargs={"slug": author.slug}
        )


def index_crumb(index, language, request):
    title = raw_value(index, "title", language) or index.title
    return (title, page_url_in(index, language, request, full=True))


def version_reference(article, language, request):
    url = page_url_in(article, language, request, full=True)
    return {"@type": "NewsArticle", "@id": url, "url": url, "inLanguage": language}


def article_metadata(article, request, text):
    """Open Graph fields and a ``NewsArticle`` for the text the reader is shown.

    The original names its published translations (``workTranslation``), a
    translation its original (``translationOfWork``); an untranslated article
    read in the other language is described as the original it is.
    """
    language = text.language
    url = page_url_in(article, language, request, full=True)
    index = article.blog_index
    _picture, image = article.hero_renditions
    modified = moment(article.last_published_at or article.latest_revision_created_at)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": text.title,
        "description": seo.describe(article, text, language),
        "datePublished": published_moment(article),
        "dateModified": modified,
        "inLanguage": language,
        "isAccessibleForFree": True,
        "author": [
            {"@type": "Person", "name": author.name, "url": author_url(index, author, language, request)}
            for author in article.byline_authors()
        ],
        "publisher": seo.publisher(request, language),
        "keywords": [tag.label(language) for tag in article.tag_list()],
    }
    if image is not None:
        data["image"] = [seo.image_object(image, request)]
    if language == article.original_language:
        translations = [code for code in article.available_languages() if code != language]
        if translations:
            data["workTranslation"] = [version_reference(article, code, request) for code in translations]
    else:
        data["translationOfWork"] = version_reference(article, article.original_language, request)
    trail = [index_crumb(index, language, request)] if index is not None else []
    return {
        "og_type": "article",
        "image": image,
        "image_alt": seo.plain(text.hero_caption),
        "article": {
            "published_time": data["datePublished"],
            "modified_time": modified,
            "tags": data["keywords"],
        },
        "json_ld": [data],
        "trail": [*trail, (text.title, url)],
    }


def listing_trail(index, request, url, title, is_sub_page):
    """Breadcrumbs of a listing: the index, then a tag, author or archive page."""
    language = current_language()
    crumbs = [index_crumb(index, language, request)]
    if is_sub_page:
        crumbs.append((seo.plain(title), url))
    return crumbs
