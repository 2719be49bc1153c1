from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares and that imports none of them."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # Connects the shared cache's invalidation to page and setting changes.
        from . import fragments  # noqa: F401
        from .pages import ChildBySlugRouteMixin

        # wagtail-modeltranslation (ready before this app) sets its own
        # ``route`` on every translated page class; pages that route by a
        # database lookup take theirs back.
        for model in apps.get_models():
            if issubclass(model, ChildBySlugRouteMixin):
                model.route = ChildBySlugRouteMixin.route
