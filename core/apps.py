from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares and that imports none of them."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # Connects the shared cache's invalidation to page and setting changes.
        from . import fragments  # noqa: F401
