"""RSS feeds of the newest articles, one per language."""

import datetime

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from core.bilingual import current_language, page_url_in

FEED_LENGTH = 20


def articles_feed(blog_index, request):
    """The newest articles readers of the current language can read in it."""
    language = current_language()
    feed = feedgenerator.Rss201rev2Feed(
        title=_("Frontera: latest stories"),
        link=page_url_in(blog_index, language, request, full=True),
        description=_("Independent reporting from the border, in English and Spanish."),
        language=language,
        feed_url=request.build_absolute_uri(),
    )
    articles = [article for article in blog_index.articles()[: FEED_LENGTH * 2] if article.has_language(language)]
    for article in articles[:FEED_LENGTH]:
        text = article.text_in(language)
        published = timezone.make_aware(datetime.datetime.combine(article.publication_date, datetime.time(9)))
        url = page_url_in(article, language, request, full=True)
        feed.add_item(
            title=text.title,
            link=url,
            description=text.dek,
            unique_id=url,
            pubdate=published,
            author_name=", ".join(author.name for author in article.byline_authors()),
            categories=[tag.label(language) for tag in article.tag_list()],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
