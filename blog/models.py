import copy
import datetime

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.bilingual import (
    BilingualPageMixin,
    LanguageChoices,
    TranslatedUrlsMixin,
    current_language,
    has_text,
    raw_value,
)
from core.blocks import BodyBlock
from core.forms import BilingualPageForm
from core.fragments import remember
from core.pages import ChildBySlugRouteMixin, StoryIndexMixin, TranslatedRoutesMixin, ViewRestrictionsInOneQueryMixin

from .article_form import ArticlePageForm
from .feeds import articles_feed
from .images import HERO_SIZES, hero_renditions
from .seo import article_metadata, listing_trail


class Author(index.Indexed, models.Model):
    """A byline: usually a pseudonym, since writers on this beat are at risk."""

    name = models.CharField(_("name"), max_length=100, help_text=_("The name readers see, usually a pseudonym."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("Used in the author's page address."))
    bio = models.TextField(_("biography"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; never a photograph that could identify the writer."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio"), FieldPanel("image")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


# A tag's second language is a column of its own (``name_es``, ``slug_es``).
SPANISH = LanguageChoices.SPANISH.value


class BlogTag(TagBase):
    """A Blogger-style label; ``name`` is English, ``name_es`` its Spanish label.

    Each language has its own slug, so a Spanish reader's address reads
    ``/es/historias/etiqueta/agua/``, not ``…/water/``.
    """

    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    slug_es = models.SlugField(
        _("slug in Spanish"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Used in the tag's Spanish address. Filled from the Spanish name when left empty."),
    )

    panels = [FieldPanel("name"), FieldPanel("name_es"), FieldPanel("slug"), FieldPanel("slug_es")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def save(self, *args, **kwargs):
        if not self.slug_es and self.name_es:
            self.slug_es = self.free_spanish_slug(slugify(self.name_es))
        self.slug_es = self.slug_es or None
        super().save(*args, **kwargs)

    def free_spanish_slug(self, base):
        """``base``, or ``base-2``, ``base-3``… when another tag already has it."""
        if not base:
            return None
        others = BlogTag.objects.exclude(pk=self.pk)
        candidate, number = base, 1
        while others.filter(slug_es=candidate).exists():
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    @property
    def url_slug(self):
        """The slug in the reader's language, for links."""
        return self.slug_in(current_language())

    def slug_in(self, language):
        """The slug readers of ``language`` see in the tag's address."""
        if language == SPANISH and self.slug_es:
            return self.slug_es
        return self.slug

    def label(self, language=None):
        """The tag's label in ``language`` (the reader's by default)."""
        if (language or current_language()) == SPANISH and self.name_es:
            return self.name_es
        return self.name

    def label_language(self, language=None):
        language = language or current_language()
        return SPANISH if language == SPANISH and self.name_es else LanguageChoices.ENGLISH.value


class ArticlePageTag(ItemBase):
    tag = models.ForeignKey(BlogTag, related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey("blog.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticleAuthor(Orderable):
    """One name in an article's byline, in byline order."""

    page = ParentalKey("blog.ArticlePage", related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(Author, verbose_name=_("author"), related_name="+", on_delete=models.CASCADE)

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline author")
        verbose_name_plural = _("byline authors")


class ArticlePage(ViewRestrictionsInOneQueryMixin, BilingualPageMixin, Page):
    """A news story in English and Spanish: one tree node, one URL per language."""

    dek = models.TextField(_("standfirst"), blank=True, help_text=_("One or two sentences under the headline."))
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    credit_line = models.CharField(
        _("credit line"), max_length=120, blank=True, help_text=_("Shown after the byline, e.g. “for Frontera”.")
    )
    translator = models.CharField(
        _("translator"), max_length=100, blank=True, help_text=_("Who translated the article, if anyone.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required in the original language."),
    )
    hero_caption = models.CharField(_("hero caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=120, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    comments_enabled = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Readers may post comments. Approved comments stay visible when this is off."),
    )

    translated_fields = ("title", "dek", "credit_line", "hero_alt", "hero_caption", "hero_credit", "body")
    required_fields = ("title", "body")

    base_form_class = ArticlePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("dek"),
        MultiFieldPanel(
            [
                InlinePanel("article_authors", label=_("Author"), min_num=1),
                FieldPanel("credit_line"),
            ],
            heading=_("Byline"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("original_language"), FieldPanel("translator")]),
                FieldPanel("translation_ready"),
            ],
            heading=_("Translation"),
        ),
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("comments_enabled")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("dek"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def byline_authors(self):
        """The byline's authors in order, using prefetched rows when present.

        Read once per page object: the byline and the structured data both ask.
        """
        if "_byline_authors" not in self.__dict__:
            items = self.article_authors.all()
            if "article_authors" not in getattr(self, "_prefetched_objects_cache", {}):
                items = items.select_related("author")
            self._byline_authors = [item.author for item in items]
        return self._byline_authors

    def tag_list(self):
        """The article's tags, using prefetched rows when present (read once per page object)."""
        if "_tag_list" not in self.__dict__:
            items = self.tagged_items.all()
            if "tagged_items" not in getattr(self, "_prefetched_objects_cache", {}):
                items = items.select_related("tag")
            self._tag_list = [item.tag for item in items]
        return self._tag_list

    @cached_property
    def hero_renditions(self):
        """``(picture, share_rendition)`` of the hero image, or ``(None, None)``."""
        if self.hero_image is None:
            return None, None
        return hero_renditions(self.hero_image)

    def get_context(self, request, *args, **kwargs):
        """Adds the hero's picture with its alt text: the reader's, or the original's (so marked) until translated."""
        context = super().get_context(request, *args, **kwargs)
        context["hero_alt"], context["hero_alt_language"] = "", context["text"].language
        for language in (context["text"].language, self.original_language):
            if has_text(raw_value(self, "hero_alt", language)):
                context["hero_alt"], context["hero_alt_language"] = raw_value(self, "hero_alt", language), language
                break
        picture, _share = self.hero_renditions
        if picture is not None:
            # The renditions are shared by both languages; the alt text is this reader's.
            picture = copy.copy(picture)
            picture.attrs = {**picture.attrs, "alt": context["hero_alt"], "lang": context["hero_alt_language"]}
        context["hero"] = picture
        context["hero_sizes"] = HERO_SIZES
        return context

    def seo_metadata(self, request, context, **_title_and_url):
        return article_metadata(self, request, context.get("text") or self.reader_text())

    @cached_property
    def blog_index(self):
        # An article's parent is its only index (parent_page_types). When the
        # request was routed through it there is no need to read it again;
        # otherwise it is kept in the shared cache until the next publish.
        parent = getattr(self, "routed_parent", None)
        if isinstance(parent, BlogIndexPage):
            return parent if parent.live else None
        parent_path = self.path[: -self.steplen]
        return remember(f"blog-index:{parent_path}", lambda: BlogIndexPage.objects.ancestor_of(self).live().first())


def newest_with_cards(articles):
    """``articles`` newest first, with what each card shows: the one listing query."""
    return (
        articles.order_by("-publication_date", "-first_published_at")
        .select_related("hero_image")
        .prefetch_related(*card_prefetches())
    )


def card_prefetches():
    """What an article's card shows (byline, tags, image renditions), in one query each.

    The queryset must ``select_related("hero_image")``.
    """
    return [
        Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")),
        Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
        "hero_image__renditions",
    ]


class BlogIndexPage(
    StoryIndexMixin,
    TranslatedRoutesMixin,
    ChildBySlugRouteMixin,
    ViewRestrictionsInOneQueryMixin,
    TranslatedUrlsMixin,
    RoutablePageMixin,
    Page,
):
    """The list of articles, with archive, tag and author pages."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = BilingualPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]

    class Meta:
        verbose_name = _("blog index")

    def seo_metadata(self, request, context, *, title, url):
        is_sub_page = any(context.get(name) for name in ("tag", "author", "year"))
        return {"trail": listing_trail(self, request, url, title, is_sub_page)}

    def articles(self):
        """Live articles under this index, newest first, ready for a list."""
        return newest_with_cards(self.public_articles)

    @cached_property
    def public_articles(self):
        # public() reads every view restriction when called: once per request.
        return ArticlePage.objects.live().public().descendant_of(self)

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, getattr(settings, "BLOG_PAGE_SIZE", 10))
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage as error:
            raise Http404 from error

    def render_list(self, request, queryset, **extra):
        # The template attaches comment counts (comments' attach_comment_counts tag).
        articles = self.paginate(request, queryset)
        context = {"articles": articles, "archive": self.archive_months(), **extra}
        return self.render(request, context_overrides=context)

    def archive_months(self):
        """(year, month, count) for every month that has articles, newest first."""
        rows = (
            self.public_articles.annotate(year=ExtractYear("publication_date"), month=ExtractMonth("publication_date"))
            .values("year", "month")
            .annotate(count=models.Count("pk"))
            .order_by("-year", "-month")
        )
        return [{"month": datetime.date(row["year"], row["month"], 1), "count": row["count"]} for row in rows]

    # Route words per language: the English words answer under /es/ with a
    # redirect to the Spanish ones, and the other way round.
    ROUTE_LANGUAGES = {
        "feed": "en",
        "tag": "en",
        "author": "en",
        "tag_feed": "en",
        "tag_atom": "en",
        "author_feed": "en",
        "author_atom": "en",
        "feed_es": "es",
        "tag_es": "es",
        "author_es": "es",
        "tag_feed_es": "es",
        "tag_atom_es": "es",
        "author_feed_es": "es",
        "author_atom_es": "es",
    }

    def translated_route_kwargs(self, name, route_language, kwargs, language):
        """A tag's slug in the other language's addresses (``agua`` for ``water``)."""
        if name.startswith("tag"):
            tag = self.find_tag(kwargs["slug"], route_language)
            if tag is None:
                return None
            kwargs["slug"] = tag.slug_in(language)
        return kwargs

    def find_tag(self, slug, language):
        """The tag whose slug in ``language`` is ``slug``, else whose slug in the other one is.

        One query per slug while this page object serves the request: the
        language switcher asks again for the tag the view already found.
        """
        found = self.__dict__.setdefault("_tags_by_slug", {})
        if slug not in found:
            found[slug] = list(BlogTag.objects.filter(models.Q(slug=slug) | models.Q(slug_es=slug)))
        field = "slug_es" if language == "es" else "slug"
        matches = sorted(found[slug], key=lambda tag: getattr(tag, field) != slug)
        return matches[0] if matches else None

    @path("")
    def index(self, request):
        return self.render_list(request, self.articles())

    @path("feed/", name="feed")
    def feed(self, request):
        return self.canonical_redirect(request, "feed", "en") or articles_feed(self, request)

    @path("rss/", name="feed_es")
    def feed_es(self, request):
        return self.canonical_redirect(request, "feed", "es") or articles_feed(self, request)

    @path("atom/", name="atom")
    def atom(self, request):
        return articles_feed(self, request, "atom")

    @path("tag/<slug:slug>/feed/", name="tag_feed")
    def tag_feed(self, request, slug):
        return self.serve_tag_feed(request, slug, "en", "rss")

    @path("etiqueta/<slug:slug>/rss/", name="tag_feed_es")
    def tag_feed_es(self, request, slug):
        return self.serve_tag_feed(request, slug, "es", "rss")

    @path("tag/<slug:slug>/atom/", name="tag_atom")
    def tag_atom(self, request, slug):
        return self.serve_tag_feed(request, slug, "en", "atom")

    @path("etiqueta/<slug:slug>/atom/", name="tag_atom_es")
    def tag_atom_es(self, request, slug):
        return self.serve_tag_feed(request, slug, "es", "atom")

    def serve_tag_feed(self, request, slug, route_language, feed_format):
        tag = self.find_tag(slug, current_language())
        if tag is None:
            raise Http404
        name = "tag_feed" if feed_format == "rss" else "tag_atom"
        wanted = tag.slug_in(current_language())
        redirect = self.canonical_redirect(request, name, None if wanted != slug else route_language, slug=wanted)
        if redirect:
            return redirect
        link = request.build_absolute_uri(
            (self.get_url(request) or "") + self.reverse_subpage("tag", kwargs={"slug": wanted})
        )
        return articles_feed(self, request, feed_format, articles=self.articles().filter(tags=tag), tag=tag, link=link)

    @path("author/<slug:slug>/feed/", name="author_feed")
    def author_feed(self, request, slug):
        return self.serve_author_feed(request, slug, "en", "rss")

    @path("autor/<slug:slug>/rss/", name="author_feed_es")
    def author_feed_es(self, request, slug):
        return self.serve_author_feed(request, slug, "es", "rss")

    @path("author/<slug:slug>/atom/", name="author_atom")
    def author_atom(self, request, slug):
        return self.serve_author_feed(request, slug, "en", "atom")

    @path("autor/<slug:slug>/atom/", name="author_atom_es")
    def author_atom_es(self, request, slug):
        return self.serve_author_feed(request, slug, "es", "atom")

    def serve_author_feed(self, request, slug, route_language, feed_format):
        author = get_object_or_404(Author, slug=slug)
        name = "author_feed" if feed_format == "rss" else "author_atom"
        redirect = self.canonical_redirect(request, name, route_language, slug=slug)
        if redirect:
            return redirect
        link = request.build_absolute_uri(
            (self.get_url(request) or "") + self.reverse_subpage("author", kwargs={"slug": slug})
        )
        articles = self.articles().filter(article_authors__author=author)
        return articles_feed(self, request, feed_format, articles=articles, author=author, link=link)

    @path("<int:year>/", name="year")
    def by_year(self, request, year):
        articles = self.articles().filter(publication_date__year=year)
        if not articles.exists():
            raise Http404
        return self.render_list(request, articles, year=year)

    @path("<int:year>/<int:month>/", name="month")
    def by_month(self, request, year, month):
        if not 1 <= month <= 12:
            raise Http404
        articles = self.articles().filter(publication_date__year=year, publication_date__month=month)
        if not articles.exists():
            raise Http404
        return self.render_list(request, articles, year=year, month=month)

    @path("tag/<slug:slug>/", name="tag")
    def by_tag(self, request, slug):
        return self.serve_tag(request, slug, "en")

    @path("etiqueta/<slug:slug>/", name="tag_es")
    def by_tag_es(self, request, slug):
        return self.serve_tag(request, slug, "es")

    def serve_tag(self, request, slug, route_language):
        language = current_language()
        tag = self.find_tag(slug, language)
        if tag is None:
            raise Http404
        wanted = tag.slug_in(language)
        if wanted != slug:
            return self.canonical_redirect(request, "tag", None, slug=wanted)
        redirect = self.canonical_redirect(request, "tag", route_language, slug=wanted)
        return redirect or self.render_list(request, self.articles().filter(tags=tag), tag=tag)

    @path("author/<slug:slug>/", name="author")
    def by_author(self, request, slug):
        return self.serve_author(request, slug, "en")

    @path("autor/<slug:slug>/", name="author_es")
    def by_author_es(self, request, slug):
        return self.serve_author(request, slug, "es")

    def serve_author(self, request, slug, route_language):
        author = get_object_or_404(Author, slug=slug)
        redirect = self.canonical_redirect(request, "author", route_language, slug=slug)
        return redirect or self.render_list(
            request, self.articles().filter(article_authors__author=author), author=author
        )


class SearchDocument(index.Indexed, models.Model):
    """An article's text in one language, as reader search finds it.

    An article is one row with both languages' columns, so indexing it as it
    is would mix the languages in one entry (wagtail-modeltranslation's
    issue #308). Each language version an article really exists in gets its
    own document instead, indexed with that language's stemming and stop
    words (blog/search.py), and searches only ever look at one language.
    """

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="search_documents")
    language = models.CharField(max_length=2)
    title = models.TextField()
    text = models.TextField(help_text="Standfirst, body, byline and tags as plain text.")
    is_only_version = models.BooleanField(
        default=False, help_text="The article exists in this language only (no translation yet)."
    )
    publication_date = models.DateField()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("text"),
        index.FilterField("language"),
        index.FilterField("is_only_version"),
        index.FilterField("page_id"),
        index.FilterField("publication_date"),
    ]
    # Indexed by blog.search with the document's own language configuration;
    # Wagtail's generic signal handlers and update_index would use the
    # backend's single configuration for every language.
    search_auto_update = False

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="one_search_document_per_language")]

    def __str__(self):
        return f"{self.title} ({self.language})"

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.none()
