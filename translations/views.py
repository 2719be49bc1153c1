"""Admin views: the Translations report, the side-by-side review, file export and import."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page

from . import files, memory
from .diff import highlight, markup_matches, show
from .machine import MachineTranslationError, configured_backends
from .models import Status
from .richtext import (
    PlaceholderError,
    canonical_html,
    describe,
    from_placeholders,
    looks_like_html,
    renumber,
    to_placeholders,
)
from .segments import HTML, is_translatable, language_codes, normalise, target_languages
from .sync import (
    SEGMENT_MACHINE,
    SEGMENT_MISSING,
    SEGMENT_NEW,
    NotReady,
    all_statuses,
    copy_source_into_empty,
    language_name,
    latest_text,
    mark_ready,
    mark_up_to_date,
    page_status,
    save_reviewed_text,
)
from .tasks import machine_translate_page


def language_choices():
    from django.conf import settings

    return [(code, name) for code, name in settings.LANGUAGES]


def type_choices():
    from wagtail.models import get_page_models

    return [
        (model._meta.label_lower, model._meta.verbose_name)
        for model in get_page_models()
        if model is not Page and is_translatable(model)
    ]


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


def row_url(row):
    return reverse("translations:page", args=[row.page.pk, row.language])


class StatusColumn(StatusTagColumn):
    def get_value(self, instance):
        return instance.status_label


class TranslationsReportView(ReportView):
    """Every translatable page and language with its sync status."""

    page_title = gettext_lazy("Translations")
    header_icon = "site"
    index_url_name = "translations:report"
    index_results_url_name = "translations:report_results"
    filterset_class = TranslationsFilterSet
    paginate_by = 50
    columns = [
        TitleColumn("title", label=gettext_lazy("Page"), get_url=row_url, accessor="title"),
        Column("page_type", label=gettext_lazy("Type")),
        Column("language_name", label=gettext_lazy("Language")),
        Column("source_language_name", label=gettext_lazy("Translated from")),
        StatusColumn("status", label=gettext_lazy("Status"), primary=lambda row: row.status != Status.UP_TO_DATE),
        Column(
            "changed_count", label=gettext_lazy("Segments to review"), accessor=lambda row: len(row.changed_segments())
        ),
        Column("machine_provenance", label=gettext_lazy("Machine drafts by")),
    ]
    list_export = [
        "page.pk",
        "title",
        "page_type",
        "language",
        "source_language",
        "status",
        "changed_count",
        "machine_provenance",
        "confirmed_at",
    ]
    export_headings = {
        "page.pk": gettext_lazy("Page ID"),
        "title": gettext_lazy("Title"),
        "page_type": gettext_lazy("Type"),
        "language": gettext_lazy("Language"),
        "source_language": gettext_lazy("Translated from"),
        "status": gettext_lazy("Status"),
        "changed_count": gettext_lazy("Segments to review"),
        "machine_provenance": gettext_lazy("Machine drafts by"),
        "confirmed_at": gettext_lazy("Last confirmed"),
    }

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Export for translators"), reverse("translations:export"), icon_name="download"),
            HeaderButton(_("Import translations"), reverse("translations:import"), icon_name="upload"),
        ]

    def get_filename(self):
        return f"translations-report-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        rows = all_statuses(self.request.user)
        for row in rows:
            row.changed_count = len(row.changed_segments())
        return rows

    def filter_queryset(self, rows):
        if self.filters and self.filters.is_valid():
            return self.filters.filter_queryset(rows)
        return rows

    def order_queryset(self, rows):
        return rows


def _page_for(request, page_id, permission="edit"):
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_translatable(type(page)):
        raise Http404
    permissions = page.permissions_for_user(request.user)
    allowed = permissions.can_edit() if permission == "edit" else permissions.can_publish()
    if not allowed:
        raise PermissionDenied
    return page


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
    """One text area per segment shown, named after the segment key."""

    def __init__(self, segments, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.segments = {segment.key: segment for segment in segments}
        for segment in segments:
            self.fields[segment.key] = forms.CharField(
                label=segment.label,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 3 if segment.kind == HTML else 2}),
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
        values = {}
        for key, segment in self.segments.items():
            value = self.cleaned_data.get(key, "")
            if not normalise(value):
                continue
            current = segment.target.text if segment.target else ""
            if normalise(value, segment.kind) != normalise(current, segment.kind) or segment.needs_work:
                values[key] = value.strip()
        return values


def _review_rows(status, form, source_language, show_all):
    shown = status.segments if show_all else status.changed_segments()
    near_wanted = [segment for segment in shown if segment.source is not None and segment.needs_work]
    exact = memory.exact_matches(source_language, status.language, [segment.source.text for segment in near_wanted])
    rows = []
    for segment in shown:
        source_now = segment.source.text if segment.source else ""
        row = {
            "segment": segment,
            "field": form[segment.key] if segment.key in form.fields else None,
            "source_then": show(segment.source_then) if segment.source_then is not None else None,
            "source_now": highlight(segment.source_then, source_now)
            if segment.source_then is not None
            else show(source_now),
            "target": show(segment.target.text if segment.target else ""),
            "exact": exact.get(source_now) if segment.status in (SEGMENT_MISSING, SEGMENT_NEW) else None,
            "near": memory.near_matches(source_language, status.language, source_now) if segment in near_wanted else [],
            "markup": describe(to_placeholders(source_now)[1]) if segment.kind == HTML and source_now else "",
        }
        rows.append(row)
    return rows


@require_http_methods(["GET", "POST"])
def page_view(request, page_id, language):
    """Side-by-side review of one language version, with its actions."""
    page = _page_for(request, page_id)
    # The original language (as the latest draft has it) is never reviewed or written here.
    if language not in language_codes() or language not in target_languages(latest_text(page).page):
        raise Http404
    status = page_status(page, language)
    show_all = request.GET.get("all") == "1"
    segments = status.segments if show_all else status.changed_segments()
    form = ReviewForm(segments, initial={s.key: editable_text(s) for s in segments})
    here = reverse("translations:page", args=[page.pk, language])
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("save", "save_publish"):
            form = ReviewForm(segments, request.POST)
            publish = action == "save_publish"
            if publish and not page.permissions_for_user(request.user).can_publish():
                raise PermissionDenied
            if form.is_valid():
                values = form.changed_values()
                if values:
                    save_reviewed_text(page, language, values, user=request.user, publish=publish)
                    messages.success(request, _("Translation saved and confirmed against the current source."))
                else:
                    messages.info(request, _("Nothing to save."))
                return redirect(here)
        elif action == "mark_up_to_date":
            if status.status == Status.MISSING:
                messages.error(request, _("There is no translation to confirm yet."))
            else:
                left = mark_up_to_date(page, language, user=request.user)
                if left:
                    messages.warning(
                        request,
                        ngettext(
                            "Marked as up to date, except %(count)s machine-drafted segment nobody has reviewed: "
                            "edit it or approve it below.",
                            "Marked as up to date, except %(count)s machine-drafted segments nobody has reviewed: "
                            "edit them or approve them below.",
                            left,
                        )
                        % {"count": left},
                    )
                else:
                    messages.success(request, _("Marked as up to date."))
            return redirect(here)
        elif action == "approve_machine":
            machine_count = len([s for s in status.segments if s.status == SEGMENT_MACHINE])
            # The count the reviewer saw must still be the count now, so a newer draft is never approved unseen.
            if (
                not machine_count
                or request.POST.get("machine_count") != str(machine_count)
                or request.POST.get("read_machine") != "1"
            ):
                messages.error(request, _("The machine drafts changed since you looked; review them again."))
            else:
                mark_up_to_date(page, language, user=request.user, approve_machine=True)
                messages.success(
                    request,
                    ngettext(
                        "Approved %(count)s machine-drafted segment as reviewed.",
                        "Approved %(count)s machine-drafted segments as reviewed.",
                        machine_count,
                    )
                    % {"count": machine_count},
                )
            return redirect(here)
        elif action == "copy_source":
            count = copy_source_into_empty(page, language, user=request.user)
            messages.success(
                request,
                ngettext(
                    "Copied the source text into %(count)s empty field, as a draft to translate.",
                    "Copied the source text into %(count)s empty fields, as a draft to translate.",
                    count,
                )
                % {"count": count},
            )
            return redirect(here)
        elif action == "mark_ready":
            try:
                published = mark_ready(page, language, user=request.user)
            except NotReady as error:
                messages.error(request, str(error))
            else:
                if published:
                    messages.success(request, _("The translation is ready and published for readers."))
                else:
                    messages.success(request, _("The translation is marked ready; publish the page to show it."))
            return redirect(here)
        elif action == "machine":
            backend = request.POST.get("backend", "")
            if backend not in configured_backends():
                messages.error(request, _("Choose a configured machine translation backend."))
            else:
                try:
                    machine_translate_page.enqueue(page.pk, language, backend, request.user.pk)
                except MachineTranslationError as error:
                    messages.error(request, str(error))
                else:
                    messages.success(request, _("Machine draft requested; review it before marking ready."))
            return redirect(here)
        else:
            return redirect(here)
    context = {
        "page": page,
        "status": status,
        "language_name": language_name(language),
        "source_language_name": language_name(status.source_language),
        "rows": _review_rows(status, form, status.source_language, show_all),
        "form": form,
        "show_all": show_all,
        "backends": list(configured_backends()),
        "can_publish": page.permissions_for_user(request.user).can_publish(),
        "has_readiness": hasattr(page, "translation_ready"),
        "is_ready": getattr(page.get_latest_revision_as_object(), "translation_ready", False),
        "machine_segments": [s for s in status.segments if s.status == SEGMENT_MACHINE],
        "export_url": reverse("translations:export") + f"?page={page.pk}&language={language}",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "header_title": _("Translation of %(title)s") % {"title": status.title},
    }
    return TemplateResponse(request, "translations/page.html", context)


def status_view(request, page_id):
    """Each translation's status of one page, for the editor's header badges."""
    page = _page_for(request, page_id)
    rows = [page_status(page, language) for language in target_languages(latest_text(page).page)]
    label = _("%(language)s: %(status)s")
    return JsonResponse(
        {
            "statuses": [
                {
                    "language": row.language,
                    "status": row.status,
                    "label": label % {"language": row.language_name, "status": row.status_label},
                    "url": reverse("translations:page", args=[page.pk, row.language]),
                }
                for row in rows
            ]
        }
    )


class ExportForm(forms.Form):
    page = forms.TypedMultipleChoiceField(coerce=int, choices=(), label=gettext_lazy("Pages"))
    format = forms.ChoiceField(
        choices=[(files.PO, "PO (gettext)"), (files.XLIFF, "XLIFF 2.0")], initial=files.PO, label=gettext_lazy("Format")
    )
    language = forms.ChoiceField(choices=(), required=False, label=gettext_lazy("Target language"))
    all = forms.BooleanField(required=False, label=gettext_lazy("Include segments that are up to date"))

    def __init__(self, *args, pages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = [(page.pk, str(page)) for page in pages]
        self.fields["language"].choices = [("", _("Each page's translation")), *language_choices()]


def _editable_pages(user):
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from .sync import translatable_pages

    return translatable_pages(PagePermissionPolicy().instances_user_has_permission_for(user, "change"))


def export_view(request):
    """Download a PO or XLIFF file of the chosen pages' segments."""
    pages = list(_editable_pages(request.user))
    data = request.GET if "page" in request.GET else None
    form = ExportForm(data, pages=pages)
    if data is not None and form.is_valid():
        chosen = Page.objects.filter(pk__in=form.cleaned_data["page"]).specific()
        try:
            content, extension, count = files.export(
                chosen,
                form.cleaned_data["format"],
                include_all=form.cleaned_data["all"],
                language=form.cleaned_data["language"] or None,
                user=request.user,
            )
        except files.FileError as error:
            messages.error(request, str(error))
        else:
            if count == 0:
                messages.info(
                    request,
                    _(
                        "Nothing needs translating in these pages; tick “Include segments that are up to date” "
                        "to export everything."
                    ),
                )
            else:
                content_type = "text/x-gettext-translation" if extension == "po" else "application/xliff+xml"
                response = HttpResponse(content, content_type=content_type + "; charset=utf-8")
                ids = "-".join(str(pk) for pk in form.cleaned_data["page"][:5])
                response["Content-Disposition"] = f'attachment; filename="translations-{ids}.{extension}"'
                return response
    return TemplateResponse(
        request, "translations/export.html", {"form": form, "header_title": _("Export for translators")}
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("PO or XLIFF file"))
    partial = forms.BooleanField(
        required=False, label=gettext_lazy("Apply the segments that still match even if others conflict")
    )


def import_view(request):
    """Upload a translated file: validate, write draft revisions and report."""
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = files.import_file(
                upload.read(),
                upload.name,
                user=request.user,
                partial=form.cleaned_data["partial"],
                allowed_pages=_editable_pages(request.user),
            )
        except files.FileError as error:
            form.add_error("file", str(error))
        else:
            if result.applied_anything:
                messages.success(request, _("Translations imported as draft revisions."))
            elif not result.ok:
                messages.error(request, _("Nothing was applied: fix the conflicts below or import them separately."))
    return TemplateResponse(
        request, "translations/import.html", {"form": form, "result": result, "header_title": _("Import translations")}
    )
