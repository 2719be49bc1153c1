from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        # Models and the modules that use them load once the app registry is ready.
        from wagtail.models import Revision

        from .signals import hold_back_unreviewed_machine_text, revision_saved, snippet_saved
        from .snippets import specs

        post_save.connect(revision_saved, sender=Revision, dispatch_uid="translations_revision_saved")
        pre_save.connect(hold_back_unreviewed_machine_text, dispatch_uid="translations_hold_back_machine_text")
        for model in specs():
            post_save.connect(
                snippet_saved, sender=model, dispatch_uid=f"translations_snippet_saved_{model._meta.label}"
            )
