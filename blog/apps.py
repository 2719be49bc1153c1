from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        # Connects the purges of cached pages and the reader-search
        # reindexing to publishing and edits.
        from . import cache, search_signals  # noqa: F401
