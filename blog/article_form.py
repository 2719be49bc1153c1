from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.bilingual import has_text
from core.forms import BilingualPageForm


class ArticlePageForm(BilingualPageForm):
    """An article's form: every image needs its alt text in the article's original language.

    The hero's and the body images'. The other language's alt text is a
    translation like a caption: missing, it shows in the translation report,
    and readers of the hero get the original's.
    """

    def clean(self):
        cleaned_data = super().clean()
        original = cleaned_data.get("original_language") or getattr(self.instance, "original_language", "en")
        name = build_localized_fieldname("hero_alt", original)
        if cleaned_data.get("hero_image") and name in self.fields and not has_text(cleaned_data.get(name)):
            self.add_error(
                name,
                ValidationError(
                    _("Describe the image for readers who cannot see it; this is required in the original language."),
                    code="required",
                ),
            )
        body = build_localized_fieldname("body", original)
        images = [block for block in cleaned_data.get(body) or [] if block.block_type == "image"]
        if body in self.fields and any(not has_text(block.value.get("alt")) for block in images):
            self.add_error(
                body,
                ValidationError(
                    _("Every image in the story needs alt text in the original language: describe what it shows."),
                    code="required",
                ),
            )
        return cleaned_data
