"""Forms of the translation admin: the report's filters, the review editor, export and import."""

import django_filters
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, get_page_models

from . import files
from .diff import markup_matches
from .models import Status
from .richtext import PlaceholderError, canonical_html, from_placeholders, looks_like_html, renumber, to_placeholders
from .segments import HTML, is_translatable, normalise
from .snippets import specs
from .status import SEGMENT_REMOVED


def language_choices():
    return list(settings.LANGUAGES)


def type_choices():
    pages = [model for model in get_page_models() if model is not Page and is_translatable(model)]
    return [(model._meta.label_lower, model._meta.verbose_name) for model in [*pages, *specs()]]


class TranslationsFilterSet(django_filters.FilterSet):
    """Filters applied to the report's rows (statuses are derived, not stored)."""

    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    language = django_filters.ChoiceFilter(label=gettext_lazy("Language"), choices=language_choices)
    page_type = django_filters.ChoiceFilter(label=gettext_lazy("Page type"), choices=type_choices)

    def __init__(self, data=None, request=None, **kwargs):
        # django-filter wants a queryset; the rows it filters come from filter_queryset.
        super().__init__(data, queryset=Page.objects.none(), request=request, **kwargs)

    def filter_queryset(self, rows):
        data = self.form.cleaned_data
        if data.get("status"):
            rows = [row for row in rows if row.status == data["status"]]
        if data.get("language"):
            rows = [row for row in rows if row.language == data["language"]]
        if data.get("page_type"):
            rows = [row for row in rows if type(row.page)._meta.label_lower == data["page_type"]]
        return rows


def editable_text(state):
    """A segment's translation as a translator edits it: rich text as words and the source's placeholders."""
    target = state.target
    if target is None:
        return ""
    if target.kind != HTML:
        return target.text
    if state.source is None:
        return canonical_html(target.text)
    renumbered = renumber(target.text, to_placeholders(state.source.text)[1])
    return renumbered if renumbered is not None else canonical_html(target.text)


class ReviewForm(forms.Form):
    """One text area per segment shown, named after the segment key.

    ``only`` limits the form to one segment (a per-segment save): the other
    segments' text in the same post is ignored.
    """

    def __init__(self, segments, *args, only=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.one_segment = only is not None
        if only is not None:
            segments = [segment for segment in segments if segment.key == only]
        self.segments = {segment.key: segment for segment in segments}
        for segment in segments:
            self.fields[segment.key] = forms.CharField(
                label=segment.label,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 3 if segment.kind == HTML else 2, "data-tr-target": ""}),
            )

    def clean(self):
        data = super().clean()
        for key, segment in self.segments.items():
            value = data.get(key, "")
            if segment.kind != HTML or not normalise(value) or segment.source is None:
                continue
            if looks_like_html(value):
                if not markup_matches(segment.source.text, value):
                    self.add_error(key, _("Keep exactly the markup and links of the source text."))
                continue
            try:
                data[key] = from_placeholders(value.strip(), to_placeholders(segment.source.text)[1])
            except PlaceholderError as error:
                self.add_error(
                    key,
                    _("Use each placeholder of the source once, opened and closed in order: %(code)s")
                    % {"code": str(error)},
                )
        return data

    def changed_values(self):
        """The text to save and confirm: what the translator changed.

        A segment that needs work but was left as it is counts only when its
        own Save button sent the form: that press is the translator's word
        that they read it. The whole form's buttons confirm what was edited,
        never a machine draft or a stale segment that was merely shown.
        """
        values = {}
        for key, segment in self.segments.items():
            value = self.cleaned_data.get(key, "")
            if not normalise(value):
                continue
            current = segment.target.text if segment.target else ""
            changed = normalise(value, segment.kind) != normalise(current, segment.kind)
            if changed or (self.one_segment and segment.needs_work):
                values[key] = value.strip()
        return values

    def removed_keys(self):
        """Segments the source removed whose translation the translator emptied: to take out too.

        Only a text area sent empty counts: one the form did not send (the
        segment was not on the page the translator saw) removes nothing.
        """
        return {
            key
            for key, segment in self.segments.items()
            if segment.status == SEGMENT_REMOVED
            and segment.target
            and key in self.data
            and not normalise(self.cleaned_data.get(key, ""))
        }


class ExportForm(forms.Form):
    page = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=False, label=gettext_lazy("Pages"))
    snippets = forms.BooleanField(required=False, label=gettext_lazy("Author biographies and tag names"))
    format = forms.ChoiceField(
        choices=[(files.PO, "PO (gettext)"), (files.XLIFF, "XLIFF 2.0")], initial=files.PO, label=gettext_lazy("Format")
    )
    language = forms.ChoiceField(choices=(), required=False, label=gettext_lazy("Target language"))
    all = forms.BooleanField(required=False, label=gettext_lazy("Include segments that are up to date"))

    def __init__(self, *args, pages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = [(page.pk, str(page)) for page in pages]
        self.fields["language"].choices = [("", _("Each page's translation")), *language_choices()]

    def clean(self):
        data = super().clean()
        if not data.get("page") and not data.get("snippets"):
            raise forms.ValidationError(_("Choose pages, or author biographies and tag names, to export."))
        return data


class ImportForm(forms.Form):
    # A whole site's export is a few hundred kilobytes; a parsed file takes about eight times its size.
    max_size = 10 * 1024 * 1024

    file = forms.FileField(label=gettext_lazy("PO or XLIFF file"))
    partial = forms.BooleanField(
        required=False, label=gettext_lazy("Apply the segments that still match even if others conflict")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_size:
            raise forms.ValidationError(
                _("The file is too large: a translation file can be at most %(size)s.")
                % {"size": filesizeformat(self.max_size)},
                code="size",
            )
        return upload
