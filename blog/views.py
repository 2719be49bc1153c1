"""Reader search at /search/ and /es/buscar/, and the Google News sitemap."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from core.bilingual import current_language, page_url_in
from core.middleware import public_cache_control

from .models import ArticleAuthor, ArticlePage, Author, BlogTag, SearchDocument
from .search import (
    SearchFilters,
    SearchOutcome,
    SearchUnavailable,
    attach_articles,
    attach_excerpts,
    candidate_documents,
    clean_query,
    search,
)

BYLINE = [Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author"))]


def read_filters(params, language):
    """The tag, author and year the reader chose, ignoring anything unknown."""
    filters = SearchFilters()
    tag_slug = params.get("tag", "")[:100]
    if tag_slug:
        filters.tag = BlogTag.objects.filter(Q(slug=tag_slug) | Q(slug_es=tag_slug)).first()
    author_slug = params.get("author", "")[:100]
    if author_slug:
        filters.author = Author.objects.filter(slug=author_slug).first()
    year = params.get("year", "")
    if year.isdigit() and len(year) == 4:
        filters.year = int(year)
    return filters


def filter_choices(language):
    """Tags, authors and years that have articles in ``language``, for the filter form."""
    documents = SearchDocument.objects.filter(language=language)
    tags = BlogTag.objects.filter(tagged_articles__content_object__search_documents__language=language).distinct()
    authors = Author.objects.filter(pk__in=documents.values("page__article_authors__author"))
    years = documents.dates("publication_date", "year", order="DESC")
    return {"tags": tags, "authors": authors, "years": [day.year for day in years]}


def search_page(request):
    language = current_language()
    query = clean_query(request.GET.get("q", ""))
    filters = read_filters(request.GET, language)
    unavailable = False
    try:
        outcome = search(query, language, filters)
    except SearchUnavailable:
        outcome, unavailable = SearchOutcome(query=query), True
    results = outcome.results
    if results is None and not unavailable and (filters.tag or filters.author or filters.year):
        results = candidate_documents(language, filters).order_by("-publication_date", "-pk")
    results_page = None
    hits = others = []
    if results is not None:
        results_page = Paginator(results, settings.SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        # One query for the articles of both lists, one per language for excerpts.
        found = attach_excerpts(attach_articles([*results_page.object_list, *outcome.others], BYLINE), query)
        hits = [hit for hit in found if hit.language == language]
        others = [hit for hit in found if hit.language != language]
    context = {
        "query": query,
        "filters": filters,
        "choices": filter_choices(language),
        "results_page": results_page,
        "hits": hits,
        "others": others,
        "unavailable": unavailable,
    }
    response = TemplateResponse(request, "blog/search.html", context, status=503 if unavailable else 200)
    if unavailable:
        response["Cache-Control"] = "no-store"
    else:
        seconds = settings.SEARCH_CACHE_SECONDS
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
    return response


NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most this many URLs


def news_items(request):
    """Each language version of the site's articles from the last two days, newest first."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    since = timezone.localdate() - datetime.timedelta(days=NEWS_SITEMAP_DAYS)
    articles = (
        ArticlePage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(publication_date__gte=since, publication_date__lte=timezone.localdate())
        .order_by("-publication_date", "-first_published_at")
    )
    items = []
    for article in articles[:NEWS_SITEMAP_LIMIT]:
        for language in article.available_languages():
            items.append(
                {
                    "location": page_url_in(article, language, request, full=True),
                    "language": language,
                    "title": article.text_in(language).title,
                    "date": article.publication_date,
                }
            )
    return items[:NEWS_SITEMAP_LIMIT]


def news_sitemap(request):
    """A Google News sitemap: the last two days' articles, each language version its own URL."""
    context = {"items": news_items(request), "publication_name": settings.WAGTAIL_SITE_NAME}
    response = TemplateResponse(
        request, "blog/news_sitemap.xml", context, content_type="application/xml; charset=utf-8"
    )
    # The same for everyone and purged on every publish (blog.cache).
    patch_cache_control(response, **public_cache_control())
    return response
