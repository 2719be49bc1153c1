"""Fields that exist once per language (``<field>_en``, ``<field>_es``)."""

from modeltranslation.translator import TranslationOptions, register

from .models import TipPage


@register(TipPage)
class TipPageTranslation(TranslationOptions):
    fields = ("intro", "thank_you")
