from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blog.models import ArticlePage, BlogIndexPage, newest_with_cards
from comments.counts import attach_comment_counts
from core import seo
from core.bilingual import BilingualPageMixin, TranslatedUrlsMixin, current_language
from core.blocks import BodyBlock
from core.forms import BilingualPageForm
from core.pages import ChildBySlugRouteMixin, ViewRestrictionsInOneQueryMixin

LATEST_ARTICLE_COUNT = 9


class HomePage(ChildBySlugRouteMixin, ViewRestrictionsInOneQueryMixin, TranslatedUrlsMixin, Page):
    """The front page: the lead story, the latest articles and the tagline."""

    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    lead_story = models.ForeignKey(
        "blog.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown first and largest. Defaults to the newest article."),
    )

    base_form_class = BilingualPageForm
    content_panels = [*Page.content_panels, FieldPanel("tagline"), PageChooserPanel("lead_story", "blog.ArticlePage")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = list(
            newest_with_cards(ArticlePage.objects.live().public().descendant_of(self))[: LATEST_ARTICLE_COUNT + 1]
        )
        lead = self.lead_story if self.lead_story and self.lead_story.live else None
        if lead is None and articles:
            lead = articles[0]
        attach_comment_counts([*articles, lead])
        context["lead"] = lead
        context["latest"] = [article for article in articles if lead is None or article.pk != lead.pk][
            :LATEST_ARTICLE_COUNT
        ]
        context["blog_index"] = BlogIndexPage.objects.live().descendant_of(self).first()
        return context

    def seo_metadata(self, request, context, **_title_and_url):
        language = current_language()
        # Shared, the front page is the newsroom itself, not "Front page".
        return {
            "title": seo.site_name(request),
            "json_ld": [seo.website(request, language, seo.describe(self, None, language))],
        }

    def shows_article(self, article, newer_count):
        """Whether this page shows ``article``, which ``newer_count`` live articles precede."""
        return self.lead_story_id == article.pk or newer_count <= LATEST_ARTICLE_COUNT


class StandardPage(BilingualPageMixin, Page):
    """A plain page of text, such as About or the comment policy."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    translated_fields = ("title", "intro", "body")
    required_fields = ("title", "body")

    base_form_class = BilingualPageForm
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("original_language"), FieldPanel("translation_ready")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
