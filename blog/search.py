"""Reader search: one document per article and language, searched in one language.

Each language version of an article is indexed as its own SearchDocument
with the stemming and stop words of its language (PostgreSQL's ``spanish``
and ``english`` text search configurations, through Wagtail's database
backend), so ``asesinatos`` finds ``asesinato`` and an English word never
matches a Spanish article. On SQLite the same backend uses FTS5 without
stemming.

The backend options per language come from ``SEARCH_LANGUAGE_BACKENDS``;
an OpenSearch or Elasticsearch backend can be given one index and analyzer
per language there (see README).
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.backends import get_search_backend

from core.bilingual import has_text, language_codes, raw_value

from .models import ArticlePage, SearchDocument

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
WORD_RE = re.compile(r"[^\W_]+")
EXCERPT_WORDS = 40
# Private-use characters mark matches inside a headline, so the text can be
# escaped first and the marks turned into <mark> afterwards.
MARK_START, MARK_END = "\ue000", "\ue001"


class SearchUnavailable(Exception):
    """The search backend failed; the page says so instead of erroring."""


def backend_for(language):
    """The search backend configured for ``language``."""
    options = dict(getattr(settings, "SEARCH_LANGUAGE_BACKENDS", {}).get(language, {}))
    name = options.pop("NAME", "default")
    return get_search_backend(name, **options)


# Indexing


def plain_text(article, language):
    """The article's searchable text in ``language``: standfirst, body, byline and tags."""
    body_field = ArticlePage._meta.get_field(f"body_{language}")
    parts = [raw_value(article, "dek", language) or ""]
    parts += body_field.get_searchable_content(raw_value(article, "body", language))
    parts += [author.name for author in article.byline_authors()]
    parts += [tag.label(language) for tag in article.tag_list()]
    return "\n".join(part.strip() for part in parts if has_text(part))


def build_documents(article):
    """Unsaved SearchDocuments for every language ``article`` exists in."""
    languages = [code for code in language_codes() if article.has_language(code)]
    return [
        SearchDocument(
            page=article,
            language=language,
            title=raw_value(article, "title", language) or "",
            text=plain_text(article, language),
            is_only_version=len(languages) == 1,
            publication_date=article.publication_date,
        )
        for language in languages
    ]


def index_article(page_id):
    """Rewrite the search documents of one article from its published state.

    An article that is not live or not public has none, so a withdrawn or
    private story stops being found.
    """
    # A savepoint: with the immediate task backend this runs inside the
    # publishing transaction, which a failing index must not break.
    with transaction.atomic():
        article = ArticlePage.objects.live().public().filter(pk=page_id).first()
        for document in SearchDocument.objects.filter(page_id=page_id):
            backend_for(document.language).delete(document)
        SearchDocument.objects.filter(page_id=page_id).delete()
        if article is None:
            return 0
        documents = build_documents(article)
        for document in documents:
            document.save()
            backend_for(document.language).add(document)
        return len(documents)


# Querying


@dataclass
class SearchFilters:
    tag: object = None
    author: object = None
    year: int | None = None


@dataclass
class Hit:
    document: SearchDocument
    article: ArticlePage
    excerpt: str = ""
    language: str = ""


@dataclass
class SearchOutcome:
    query: str
    results: object = None  # the backend's lazy results, for the paginator
    others: list = field(default_factory=list)  # found only in the other language


def clean_query(raw):
    """The reader's query as plain words, short enough for any backend.

    Only letters and digits reach the backend: SQLite's FTS5 reads quotes,
    ``=``, ``*`` and the like as syntax and would fail on them.
    """
    words = WORD_RE.findall(raw or "")[:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def candidate_documents(language, filters, *, only_versions=False):
    documents = SearchDocument.objects.filter(language=language)
    if only_versions:
        documents = documents.filter(is_only_version=True)
    if filters.year:
        documents = documents.filter(publication_date__year=filters.year)
    pages = None
    if filters.tag is not None:
        pages = ArticlePage.objects.filter(tagged_items__tag=filters.tag)
    if filters.author is not None:
        pages = (pages or ArticlePage.objects.all()).filter(article_authors__author=filters.author)
    if pages is not None:
        documents = documents.filter(page_id__in=list(pages.values_list("pk", flat=True)[:10000]))
    return documents


def run_search(query, language, filters, backend=None):
    """The backend's results for ``query`` among documents in ``language``."""
    backend = backend or backend_for(language)
    return backend.search(query, candidate_documents(language, filters), operator="and")


def search(query, language, filters, *, other_language_limit=5):
    """Documents in ``language`` matching ``query``, best first, and up to
    ``other_language_limit`` articles that exist only in another language."""
    outcome = SearchOutcome(query=query)
    if not query:
        return outcome
    try:
        outcome.results = run_search(query, language, filters)
        outcome.results.count()  # fail here, not while the template renders
        for other in language_codes():
            if other == language:
                continue
            documents = candidate_documents(other, filters, only_versions=True)
            outcome.others += list(backend_for(other).search(query, documents, operator="and")[:other_language_limit])
    except Exception as error:
        logger.exception("Search backend failed for a reader search.")
        raise SearchUnavailable from error
    return outcome


def attach_articles(documents, prefetches):
    """Hits for ``documents`` with their articles loaded in one query."""
    documents = list(documents)
    pages = ArticlePage.objects.live().public().filter(pk__in=[d.page_id for d in documents])
    by_id = {page.pk: page for page in pages.select_related("hero_image").prefetch_related(*prefetches)}
    return [Hit(document=d, article=by_id[d.page_id], language=d.language) for d in documents if d.page_id in by_id]


# Excerpts


def render_marked(text):
    """Headline text with MARK_START/MARK_END turned into <mark>, everything else escaped."""
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # Escaped above; only the marks added here are markup.
    return mark_safe(html)


def postgres_config(language):
    options = getattr(settings, "SEARCH_LANGUAGE_BACKENDS", {}).get(language, {})
    return options.get("SEARCH_CONFIG") or "simple"


def attach_excerpts(hits, query):
    """Give each hit an excerpt of its text with the query's words marked."""
    if not hits:
        return hits
    if connection.vendor == "postgresql":
        postgres_excerpts(hits, query)
    else:
        for hit in hits:
            hit.excerpt = render_marked(python_headline(hit.document.text, query))
    return hits


def postgres_excerpts(hits, query):
    """ts_headline in the document's own language, one query per language on the page."""
    for language in {hit.language for hit in hits}:
        config = postgres_config(language)
        ids = [hit.document.pk for hit in hits if hit.language == language]
        rows = SearchDocument.objects.filter(pk__in=ids).annotate(
            headline=SearchHeadline(
                "text",
                SearchQuery(query, config=config, search_type="plain"),
                config=config,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=EXCERPT_WORDS,
                min_words=EXCERPT_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        headlines = dict(rows.values_list("pk", "headline"))
        for hit in hits:
            if hit.document.pk in headlines:
                hit.excerpt = render_marked(headlines[hit.document.pk])


def fold(text):
    """Lower case without accents, for matching words ("Asesinato" ~ "asesinato")."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def python_headline(text, query):
    """A window of ``text`` around the first word of ``query`` it contains, words marked.

    Used where the database has no ts_headline (SQLite). A text word matches
    a query word when one starts with the other, accents and case aside.
    """
    terms = [fold(term) for term in re.findall(r"\w+", query) if len(term) > 1]
    words = text.split()
    if not words:
        return ""

    def matches(word):
        folded = fold(WORD_RE.search(word).group(0)) if WORD_RE.search(word) else ""
        return bool(folded) and any(folded.startswith(term) or term.startswith(folded) for term in terms)

    def mark(word):
        # Only the letters: punctuation around the word stays outside the mark.
        return WORD_RE.sub(lambda found: f"{MARK_START}{found.group(0)}{MARK_END}", word, count=1)

    first = next((n for n, word in enumerate(words) if matches(word)), 0)
    start = max(0, first - EXCERPT_WORDS // 4)
    window = words[start : start + EXCERPT_WORDS]
    marked = [mark(word) if matches(word) else word for word in window]
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_WORDS < len(words) else ""
    return prefix + " ".join(marked) + suffix
