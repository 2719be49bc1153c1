from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from wagtail.models import Page

        # Connect the purges of cached pages and the reader-search
        # reindexing to publishing and edits.
        from . import cache, search_signals  # noqa: F401

        # wagtail-modeltranslation makes the English title and slug required
        # on every page. A story reported in Spanish may have no English text
        # yet, so BilingualPageForm requires the original language's title
        # instead, and an empty English slug falls back to the Spanish one.
        for name in ("title_en", "slug_en"):
            Page._meta.get_field(name).blank = True
