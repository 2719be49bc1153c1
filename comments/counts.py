"""Comment counts for lists of articles, in one query."""

from django.db.models import Count

from .models import Comment


def attach_comment_counts(articles):
    """Set ``comment_count`` (approved comments) on each article; one query for all.

    ``articles`` may be a list, a queryset or a paginator page; a page's
    object list is evaluated in place so the template sees the same objects.
    Returns the articles as a list.
    """
    if hasattr(articles, "object_list"):
        articles.object_list = list(articles.object_list)
        articles = articles.object_list
    articles = [article for article in articles if article is not None]
    if not articles:
        return articles
    rows = (
        Comment.objects.filter(article_id__in={article.pk for article in articles}, status=Comment.Status.APPROVED)
        .order_by()
        .values("article_id")
        .annotate(total=Count("pk"))
        .values_list("article_id", "total")
    )
    counts = dict(rows)
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)
    return articles
