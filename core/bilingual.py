"""Which language a piece of translated text is really in.

modeltranslation falls back to the other language when a field is empty, so
``page.title`` under Spanish may return English text. Reader templates must
never show that silently: these helpers say which language a value comes
from, and let a page decide which language its whole text is shown in.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

# Spanish writes language names in lower case inside a sentence; English does not.
LANGUAGE_NAMES_IN_SENTENCE = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "es": pgettext_lazy("language name inside a sentence", "Spanish"),
}


def language_in_a_sentence(code):
    """A language's name as it reads inside a sentence ("en inglés"); an unknown code as itself."""
    return str(LANGUAGE_NAMES_IN_SENTENCE.get(code, code))


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def current_language():
    """The active language reduced to one of the site's codes ("es-mx" -> "es")."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in language_codes() else settings.LANGUAGE_CODE


def raw_value(instance, field_name, language):
    """The stored value of a translated field in one language, without fallback."""
    return getattr(instance, build_localized_fieldname(field_name, language), None)


def has_text(value):
    """True for a non-empty string, rich text or StreamField value."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return bool(value)


def value_language(instance, field_name, language=None):
    """The language whose text ``instance.<field_name>`` shows in ``language``.

    That is ``language`` itself when its field is filled, otherwise the first
    fallback language that has text, or None when no language has any.
    """
    language = language or current_language()
    candidates = [language] + [code for code in language_codes() if code != language]
    for code in candidates:
        if has_text(raw_value(instance, field_name, code)):
            return code
    return None


def lang_attribute(language, reader_language=None):
    """` lang="xx"` for an element whose text is in ``language``, when that is
    not the reader's language (``reader_language``, the active one by default);
    empty otherwise. The one place the site writes a ``lang`` attribute."""
    if language and language != (reader_language or current_language()):
        return format_html(' lang="{}"', language)
    return ""


class LanguageChoices(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


class TranslatedText:
    """A page's translated fields read in one language, with no fallback."""

    def __init__(self, instance, field_names, language):
        self.language = language
        for field_name in field_names:
            setattr(self, field_name, raw_value(instance, field_name, language))

    @property
    def is_foreign(self):
        """True when the text is not in the reader's language."""
        return self.language != current_language()

    @property
    def lang_attr(self):
        """` lang="xx"` for elements holding this text, when it is foreign."""
        return lang_attribute(self.language)


def page_url_in(page, language, request=None, full=False):
    """The URL of ``page`` as readers of ``language`` reach it.

    Full URLs are built on the host the reader asked for when there is a
    request, so links work whatever name the site is reached by.
    """
    with translation.override(language):
        if not full:
            return page.get_url(request)
        if request is None:
            return page.get_full_url()
        return request.build_absolute_uri(page.get_url(request))


class TranslatedUrlsMixin:
    """A page reachable at one URL per language, listed so in the sitemap."""

    def available_languages(self):
        return language_codes()

    def get_sitemap_urls(self, request=None):
        lastmod = self.last_published_at or self.latest_revision_created_at
        languages = self.available_languages()
        alternates = [
            {"lang_code": code, "location": page_url_in(self, code, request, full=True)} for code in languages
        ]
        if alternates:
            alternates.append({"lang_code": "x-default", "location": alternates[0]["location"]})
        return [
            {"location": alternate["location"], "lastmod": lastmod, "alternates": alternates}
            for alternate in alternates
            if alternate["lang_code"] != "x-default"
        ]


class BilingualPageMixin(TranslatedUrlsMixin, models.Model):
    """A page written in one language and, once its translation is ready, in both.

    ``translated_fields`` lists the text fields a reader sees; ``required_fields``
    those that must be filled for a language version to count as existing.
    """

    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=LanguageChoices.choices,
        default=LanguageChoices.ENGLISH,
        help_text=_("The language the text was first written in; the other one is its translation."),
    )
    translation_ready = models.BooleanField(
        _("translation ready for readers"),
        default=False,
        help_text=_(
            "Tick once the translation is reviewed. Until then readers of the other language see the original "
            "under a notice, so the original can be published before its translation."
        ),
    )

    translated_fields = ("title",)
    required_fields = ("title",)

    class Meta:
        abstract = True

    def minimal_clean(self):
        """Wagtail's cleaning of a draft, in the original language.

        It reads and writes back ``title`` in the active language; through
        modeltranslation's fallback, a Spanish original saved as a draft from
        an English admin would get its Spanish title as its English one.
        """
        with translation.override(self.original_language):
            super().minimal_clean()

    def has_language(self, language):
        """True when readers of ``language`` get the page's own text in it."""
        if language == self.original_language:
            return True
        return self.translation_ready and all(
            has_text(raw_value(self, name, language)) for name in self.required_fields
        )

    def available_languages(self):
        """The languages this page really exists in, original first."""
        others = [code for code in language_codes() if code != self.original_language]
        return [self.original_language] + [code for code in others if self.has_language(code)]

    def content_language(self, language=None):
        """The language a reader of ``language`` is shown: theirs, or the original."""
        language = language or current_language()
        return language if self.has_language(language) else self.original_language

    def text_in(self, language):
        return TranslatedText(self, self.translated_fields, language)

    def reader_text(self):
        """The page's text as the current reader is shown it."""
        return self.text_in(self.content_language())

    def get_context(self, request, *args, **kwargs):
        """Adds ``text``, the page's text in the language shown, and
        ``is_fallback``, true when that is not the reader's language."""
        context = super().get_context(request, *args, **kwargs)
        language = current_language()
        content_language = self.content_language(language)
        context["text"] = self.text_in(content_language)
        context["is_fallback"] = content_language != language
        return context
