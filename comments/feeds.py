"""Each article's approved comments as an RSS feed, one per language."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from blog.models import ArticlePage

from .models import Comment
from .threads import visible_comment_ids

FEED_LENGTH = 50


class ArticleCommentsFeed(Feed):
    def get_object(self, request, article_id):
        return get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)

    def title(self, article):
        return gettext("Comments on “%(title)s”") % {"title": article.reader_text().title}

    def link(self, article):
        return article.get_url() + "#comments"

    def description(self, article):
        return gettext("The latest approved comments from Frontera's readers on “%(title)s”.") % {
            "title": article.reader_text().title
        }

    def items(self, article):
        # The thread's rule: a reply under a rejected comment is hidden here too.
        return (
            Comment.objects.filter(pk__in=visible_comment_ids(article))
            .select_related("article")
            .order_by("-created_at")[:FEED_LENGTH]
        )

    def item_title(self, comment):
        return gettext("%(name)s on “%(title)s”") % {
            "name": comment.isolated_name,
            "title": comment.article.reader_text().title,
        }

    def item_description(self, comment):
        return comment.body

    def item_link(self, comment):
        return f"{comment.article.get_url()}#comment-{comment.pk}"

    def item_guid(self, comment):
        return f"comment-{comment.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, comment):
        return comment.created_at

    def item_author_name(self, comment):
        return comment.isolated_name
