"""Fields that exist once per language (``<field>_en``, ``<field>_es``)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ArticlePage, Author, BlogIndexPage


@register(ArticlePage)
class ArticlePageTranslation(TranslationOptions):
    fields = ("dek", "credit_line", "hero_alt", "hero_caption", "hero_credit", "body")


@register(BlogIndexPage)
class BlogIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(Author)
class AuthorTranslation(TranslationOptions):
    fields = ("bio",)
