"""Snippets as translatable text: author biographies and tag names, segment by segment like pages.

Which snippet models and fields count is data (``snippets.json``): each
field names its column in every language. A snippet is written in the
site's default language; the other languages are its translations.
"""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from .segments import TEXT, Segment, language_codes, normalise

SPEC_FILE = Path(__file__).with_name("snippets.json")
REFERENCE_SEPARATOR = "."


def specs():
    """``{model class: {field: {language: column}}}`` of the snippets whose text is translated."""
    data = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    result = {}
    for entry in data["snippets"]:
        try:
            model = apps.get_model(entry["model"])
        except LookupError:
            continue
        result[model] = entry["fields"]
    return result


def is_translatable_snippet(obj):
    return type(obj) in specs()


class SnippetText:
    """A snippet's translatable text in every language, with the same reading interface as ``PageText``."""

    def __init__(self, obj, fields=None):
        self.page = obj
        self.model = type(obj)
        self.columns = fields if fields is not None else specs()[self.model]
        self.fields = tuple(self.columns)
        self.source = settings.LANGUAGE_CODE
        self._segments = {
            language: {name: Segment(name, name, TEXT, str(self.raw(name, language) or "")) for name in self.fields}
            for language in language_codes()
        }

    def raw(self, field, language):
        if field == "title":
            return str(self.page)
        column = self.columns.get(field, {}).get(language)
        return getattr(self.page, column, "") if column else ""

    def segments(self, language):
        return dict(self._segments[language])

    def using_pairs(self, language, pairs):
        return self  # snippets have no blocks to pair

    def block_pairs(self, language):
        return {}

    def has_required(self, language):
        """Every field with text in the original has text in ``language``."""
        return all(
            normalise(self.raw(name, language)) for name in self.fields if normalise(self.raw(name, self.source))
        )

    def has_any(self, language):
        return any(normalise(self.raw(name, language)) for name in self.fields)

    def has_source_text(self):
        return self.has_any(self.source)


def set_target_values(obj, language, values):
    """Write ``{field: text}`` into ``obj``'s ``language`` columns (never the original's)."""
    if language == settings.LANGUAGE_CODE:
        raise ValueError(f"{language} is the original language of snippet {obj.pk}")
    columns = specs()[type(obj)]
    for name, value in values.items():
        setattr(obj, columns[name][language], value)
    return obj


def reference(obj):
    """``app.model.id``: how a translator file names a snippet (a page is named by its id alone)."""
    return REFERENCE_SEPARATOR.join([obj._meta.app_label, obj._meta.model_name, str(obj.pk)])


def from_references(references):
    """``{reference: snippet}`` for the references that name a translatable snippet that exists."""
    wanted = {}
    for ref in references:
        app_label, _sep, rest = ref.partition(REFERENCE_SEPARATOR)
        model_name, _sep, pk = rest.partition(REFERENCE_SEPARATOR)
        if pk.isdigit():
            wanted.setdefault((app_label, model_name), set()).add(int(pk))
    known = specs()
    found = {}
    for (app_label, model_name), pks in wanted.items():
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        if model in known:
            for obj in model._default_manager.filter(pk__in=pks):
                found[reference(obj)] = obj
    return found


def snippets_for(user=None):
    """Every translatable snippet with text in its original language (that ``user`` may change)."""
    result = []
    for model, fields in specs().items():
        if user is not None and not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            continue
        for obj in model._default_manager.order_by("pk"):
            if SnippetText(obj, fields).has_source_text():
                result.append(obj)
    return result


def content_type_of(obj):
    return ContentType.objects.get_for_model(obj)


def edit_url(obj):
    try:
        return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk])
    except NoReverseMatch:
        return ""
