"""The tip line's page; what sources send through it is in ``records``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.bilingual import BilingualPageMixin
from core.forms import BilingualPageForm
from core.pages import TranslatedRoutesMixin

from . import security, serving
from .records import Tip, TipFile, TipReply, TipSource, today  # noqa: F401  (the app's models, and migrations' default)


class TipPage(TranslatedRoutesMixin, RoutablePageMixin, BilingualPageMixin, Page):
    """The page where sources send tips, check replies and add information.

    Its own text (the invitation) is editable in both languages; what the
    site protects and what it cannot is written in the template, so no
    edit can make the page promise more than the code keeps.
    """

    intro = RichTextField(
        _("invitation"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Why and what to send. Shown above the explanation of how the tip line protects sources."),
    )
    thank_you = models.TextField(
        _("thank-you message"), blank=True, help_text=_("Shown after a tip is received, above the codename.")
    )
    onion_address = models.CharField(
        _("onion address"),
        max_length=100,
        blank=True,
        help_text=_("This site's .onion address for Tor Browser, if it has one. Shown as plain text, not as a link."),
    )
    securedrop_address = models.CharField(
        _("SecureDrop address"),
        max_length=200,
        blank=True,
        help_text=_("The newsroom's SecureDrop address, if it has one. Shown as plain text, not as a link."),
    )

    translated_fields = ("title", "intro", "thank_you")
    required_fields = ("title",)

    base_form_class = BilingualPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("original_language"),
        FieldPanel("intro"),
        FieldPanel("thank_you"),
        MultiFieldPanel([FieldPanel("onion_address"), FieldPanel("securedrop_address")], heading=_("Safer channels")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # A post refused by the CSRF check shows the source's own text back (core.views).
    echoes_reader_text = True

    class Meta:
        verbose_name = _("tip page")

    def seo_metadata(self, request, context, **_title_and_url):
        """No JSON-LD: the tip page carries no <script> element, not even one of data."""
        return {}

    # Serving: the routes are thin; tips.serving answers them. --------------

    def serve(self, request, *args, **kwargs):
        return serving.answer(self, request, lambda: super(TipPage, self).serve(request, *args, **kwargs))

    def serve_preview(self, request, mode_name):
        return security.protect(super().serve_preview(request, mode_name))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(serving.page_context(self))
        return context

    @path("", name="form")
    def tip_form(self, request):
        return serving.tip_form(self, request)

    # Route words per language (core.pages.TranslatedRoutesMixin).
    ROUTE_LANGUAGES = {"replies": "en", "follow_up": "en", "replies_es": "es", "follow_up_es": "es"}

    @path("replies/", name="replies")
    def replies(self, request):
        return self.canonical_redirect(request, "replies", "en") or serving.replies(self, request)

    @path("respuestas/", name="replies_es")
    def replies_es(self, request):
        return self.canonical_redirect(request, "replies", "es") or serving.replies(self, request)

    @path("replies/more/", name="follow_up")
    def follow_up(self, request):
        return self.canonical_redirect(request, "follow_up", "en") or serving.follow_up(self, request)

    @path("respuestas/otro-mensaje/", name="follow_up_es")
    def follow_up_es(self, request):
        return self.canonical_redirect(request, "follow_up", "es") or serving.follow_up(self, request)
