"""Previous, next and related articles under an article, in the reader's language."""

from django import template

from blog.navigation import article_navigation
from core.bilingual import current_language

register = template.Library()


@register.inclusion_tag("blog/includes/article_navigation.html")
def article_links(article):
    return article_navigation(article, current_language())
