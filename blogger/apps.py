from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BloggerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blogger"
    verbose_name = _("Blogger import")
