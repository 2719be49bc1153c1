"""RSS and Atom feeds of the newest articles, per language, tag and author.

Each feed lists only articles readers of its language can read in it. The
newsroom chooses under *Settings → Newsroom settings* whether items carry
the whole article or only its standfirst; the hero image is an enclosure.
"""

import datetime
import logging
import re

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from core.bilingual import current_language, page_url_in
from core.models import NewsroomSettings

logger = logging.getLogger(__name__)

FEED_LENGTH = 20
ENCLOSURE_FILTER = "fill-1200x675|format-jpeg"
RELATIVE_URL_RE = re.compile(r'(\s(?:src|href)=")/(?!/)')


class RssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with the whole article in ``content:encoded`` when there is one."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(feedgenerator.Atom1Feed):
    """Atom with the whole article in ``<content type="html">`` when there is one."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


FEED_FORMATS = {"rss": RssFeed, "atom": AtomFeed}


def feeds_carry_full_text(request):
    return NewsroomSettings.for_request(request).feed_full_text


def absolute_html(html, request):
    """``html`` with site-relative links and images made absolute, as feed readers need."""
    return RELATIVE_URL_RE.sub(lambda match: match.group(1) + request.build_absolute_uri("/"), html)


def hero_enclosure(article, request):
    """The hero image as an enclosure, or None when there is none or it cannot be read."""
    if article.hero_image is None:
        return None
    try:
        rendition = article.hero_image.get_rendition(ENCLOSURE_FILTER)
        return feedgenerator.Enclosure(
            request.build_absolute_uri(rendition.url), str(rendition.file.size), "image/jpeg"
        )
    except Exception:
        logger.warning("No enclosure for article %s: its hero image could not be read.", article.pk, exc_info=True)
        return None


def feed_title(tag=None, author=None):
    if tag is not None:
        return _("Frontera: stories tagged “%(name)s”") % {"name": tag.label()}
    if author is not None:
        return _("Frontera: stories by %(name)s") % {"name": author.name}
    return _("Frontera: latest stories")


def articles_feed(blog_index, request, feed_format="rss", *, articles=None, tag=None, author=None, link=None):
    """The newest of ``articles`` (the index's by default) readers of the current language can read in it."""
    language = current_language()
    feed = FEED_FORMATS[feed_format](
        title=feed_title(tag, author),
        link=link or page_url_in(blog_index, language, request, full=True),
        description=_("Independent reporting from the border, in English and Spanish."),
        language=language,
        feed_url=request.build_absolute_uri(),
    )
    full_text = feeds_carry_full_text(request)
    articles = (articles if articles is not None else blog_index.articles()).prefetch_related("hero_image__renditions")
    readable = [article for article in articles[: FEED_LENGTH * 2] if article.has_language(language)]
    for article in readable[:FEED_LENGTH]:
        text = article.text_in(language)
        published = timezone.make_aware(datetime.datetime.combine(article.publication_date, datetime.time(9)))
        url = page_url_in(article, language, request, full=True)
        enclosure = hero_enclosure(article, request)
        feed.add_item(
            title=text.title,
            link=url,
            description=text.dek,
            content=absolute_html(str(text.body), request) if full_text and text.body else "",
            unique_id=url,
            pubdate=published,
            updateddate=article.last_published_at or published,
            author_name=", ".join(author.name for author in article.byline_authors()),
            categories=[tag.label(language) for tag in article.tag_list()],
            enclosures=[enclosure] if enclosure else [],
        )
    response = HttpResponse(content_type=f"{feed.content_type.split(';')[0]}; charset=utf-8")
    feed.write(response, "utf-8")
    return response
