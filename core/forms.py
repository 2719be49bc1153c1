from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminPageForm

from .bilingual import has_text


class BilingualPageForm(WagtailAdminPageForm):
    """Page form that asks for the text of the page's original language.

    Either language may be the original, so neither language's title is
    required on its own; the original language's title (and, for articles,
    body) is.
    """

    def clean(self):
        cleaned_data = super().clean()
        original = cleaned_data.get("original_language") or getattr(self.instance, "original_language", "en")
        for field_name in getattr(self.instance, "required_fields", ("title",)):
            localized = build_localized_fieldname(field_name, original)
            if localized in self.fields and not has_text(cleaned_data.get(localized)):
                self.add_error(
                    localized,
                    ValidationError(_("This field is required in the original language."), code="required"),
                )
        return cleaned_data
