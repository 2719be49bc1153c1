from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import twofactor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", twofactor.setup, name="core_two_factor_setup"),
        path("two-factor/verify/", twofactor.verify, name="core_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("core_two_factor_setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }
