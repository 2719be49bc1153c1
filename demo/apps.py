from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The fictional demo newsroom, as data files, and the command that seeds it."""

    name = "demo"
    verbose_name = _("Demo newsroom")
