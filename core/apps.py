from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares and that imports none of them."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # Models can be imported only once the app registry is ready.
        from wagtail.models import Page

        # Connects the shared cache's invalidation to page and setting changes.
        from . import fragments  # noqa: F401
        from .pages import ChildBySlugRouteMixin

        # wagtail-modeltranslation makes the English title and slug required
        # on every page. A story reported in Spanish may have no English text
        # yet, so BilingualPageForm requires the original language's title
        # instead, and an empty English slug falls back to the Spanish one.
        for name in ("title_en", "slug_en"):
            Page._meta.get_field(name).blank = True

        # wagtail-modeltranslation (ready before this app) sets its own
        # ``route`` on every translated page class; pages that route by a
        # database lookup take theirs back.
        for model in apps.get_models():
            if issubclass(model, ChildBySlugRouteMixin):
                model.route = ChildBySlugRouteMixin.route
