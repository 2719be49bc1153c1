from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from wagtail.models import Revision

        from .signals import revision_saved

        post_save.connect(revision_saved, sender=Revision, dispatch_uid="translations_revision_saved")
