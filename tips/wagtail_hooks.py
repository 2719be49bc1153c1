"""The "Tips" area of the admin, shown to tip editors only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_urls
from .admin_views import key_is_configured
from .permissions import is_tip_editor


@hooks.register("register_admin_urls")
def register_tips_urls():
    return [path("tips/", include(admin_urls, namespace="tips_admin"))]


class TipsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_tip_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_tips_menu_item():
    return TipsMenuItem(_("Tips"), reverse("tips_admin:index"), name="tips", icon_name="mail", order=250)


class MissingKeyPanel(Component):
    """Shown on the dashboard to tip editors until TIPS_PUBLIC_KEY is set."""

    name = "tips_missing_key"
    order = 10
    template_name = "tips/admin/missing_key_panel.html"


@hooks.register("construct_homepage_panels")
def warn_about_missing_key(request, panels):
    if is_tip_editor(request.user) and not key_is_configured():
        panels.insert(0, MissingKeyPanel())
