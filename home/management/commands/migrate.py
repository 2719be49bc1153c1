"""``migrate``, plus the page translation columns, with no manual step.

wagtail-modeltranslation adds ``title_en``, ``slug_es`` and the other page
columns outside migrations; its ``migrate`` runs that step after the
migrations. Pages created before the columns existed (Wagtail's root and
default home page) are left with empty English values, which would break
their URLs, so this command then copies each untouched value into the
default language's column.
"""

import contextlib
import io

from django.db.models import F
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail_modeltranslation.management.commands.migrate_translation import Command as TranslationMigrateCommand


class Command(TranslationMigrateCommand):
    def handle(self, *args, **options):
        # The column sync would otherwise stop to ask before each ALTER TABLE,
        # and it reports with print(), so its report follows --verbosity.
        options["interactive"] = False
        report = self.stdout if options.get("verbosity", 1) > 0 else io.StringIO()
        with contextlib.redirect_stdout(report):
            super().handle(*args, **options)
        fields, pages = fill_default_language_columns()
        if fields and options.get("verbosity", 1) > 0:
            self.stdout.write(f"Filled {fields} empty default-language field(s) on {pages} page(s).")


def fill_default_language_columns():
    """Copy ``<field>`` into ``<field>_<default>`` where the latter was never set.

    Only NULL counts as never set: an empty string is an editor's choice
    (a story not yet translated into English) and is left alone. Returns
    how many fields were filled, and on how many pages.
    """
    fields = 0
    pages = set()
    for field_name in translator.get_options_for_model(Page).all_fields:
        localized = build_localized_fieldname(field_name, mt_settings.DEFAULT_LANGUAGE)
        unset = Page.objects.rewrite(False).filter(**{f"{localized}__isnull": True}).order_by()
        pages.update(unset.values_list("pk", flat=True))
        fields += unset.update(**{localized: F(field_name)})
    return fields, len(pages)
