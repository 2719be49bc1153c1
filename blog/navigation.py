"""Previous, next and related articles, in the reader's language, in one query.

The article page is within a fixed query budget, so the neighbours by date
and the articles sharing most tags come from one query of candidates: the
few nearest older and newer articles and the best tag matches. Python then
keeps those readers of the language can read in it.
"""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import PageViewRestriction

from core.bilingual import language_codes
from core.fragments import remember

from .models import ArticlePage, ArticlePageTag

WINDOW = 3  # candidates on each side and by tags: few, since each is a page object built
RELATED_COUNT = 3


def sibling_articles(article, index):
    """Live articles of the same index, other than ``article``, not restricted themselves.

    Restrictions above the index apply to ``article`` as well, so a reader who
    sees it may see them; restrictions on a sibling itself are checked here.
    """
    return (
        ArticlePage.objects.live()
        .child_of(index)
        .exclude(pk=article.pk)
        .exclude(Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))))
    )


def candidates(article, index, language):
    siblings = sibling_articles(article, index)
    date, first = article.publication_date, article.first_published_at
    older = Q(publication_date__lt=date)
    newer = Q(publication_date__gt=date)
    if first is not None:
        older |= Q(publication_date=date, first_published_at__lt=first)
        newer |= Q(publication_date=date, first_published_at__gt=first)
    # A subquery, not a list: the page has already read the tags once.
    tag_ids = ArticlePageTag.objects.filter(content_object=article).values("tag_id")
    shared = (
        ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)
        .values("content_object")
        .annotate(count=Count("pk"))
        .values("count")
    )
    picked = Q(pk__in=siblings.filter(older).order_by("-publication_date", "-first_published_at").values("pk")[:WINDOW])
    picked |= Q(pk__in=siblings.filter(newer).order_by("publication_date", "first_published_at").values("pk")[:WINDOW])
    by_tags = (
        siblings.filter(tagged_items__tag_id__in=tag_ids)
        .annotate(shared=Coalesce(Subquery(shared, output_field=IntegerField()), 0))
        .order_by("-shared", "-publication_date")
        .values("pk")[:WINDOW]
    )
    picked |= Q(pk__in=by_tags)
    others = [code for code in language_codes() if code != language]
    return (
        ArticlePage.objects.filter(picked)
        .annotate(shared=Coalesce(Subquery(shared, output_field=IntegerField()), 0))
        .defer(*[f"body_{code}" for code in others])
    )


def sort_key(article):
    published = article.first_published_at or article.last_published_at
    return (article.publication_date, published.timestamp() if published else 0.0)


def link(article, language):
    return {"title": article.text_in(language).title, "url": article.url, "date": article.publication_date}


def build_navigation(article, language):
    index = article.blog_index
    if index is None:
        return {"previous": None, "next": None, "related": []}
    readable = [page for page in candidates(article, index, language) if page.has_language(language)]
    here = sort_key(article)
    older = sorted((page for page in readable if sort_key(page) < here), key=sort_key)
    newer = sorted((page for page in readable if sort_key(page) > here), key=sort_key)
    related = sorted(
        (page for page in readable if page.shared), key=lambda page: (page.shared, sort_key(page)), reverse=True
    )[:RELATED_COUNT]
    return {
        "previous": link(older[-1], language) if older else None,
        "next": link(newer[0], language) if newer else None,
        "related": [link(page, language) for page in related],
    }


def article_navigation(article, language):
    """Links to the previous, next and related articles readers of ``language`` can read.

    Kept in the shared cache until the next publish (core.fragments).
    """
    return remember(f"article-navigation:{article.pk}:{language}", lambda: build_navigation(article, language))
