"""Reader search at /search/ and /es/buscar/."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from .bilingual import current_language
from .models import ArticleAuthor, Author, BlogTag, SearchDocument
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
