"""Admin views: the Translations report, the side-by-side editor, file export and import.

Views only read requests and answer them; what a status is comes from
``status``, every write goes through ``actions`` (or ``files`` for translator
files), and the forms live in ``forms``.
"""

import datetime

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

from core.bilingual import language_in_a_sentence

from . import actions, files
from .forms import ExportForm, ImportForm, ReviewForm, TranslationsFilterSet, editable_text
from .machine import MachineTranslationError, configured_backends
from .models import Status
from .review import machine_segments, machine_suggestion, review_rows
from .segments import is_translatable, language_codes, target_languages
from .snippets import edit_url as snippet_edit_url
from .snippets import snippets_for
from .status import (
    SEGMENT_MISSING,
    all_statuses,
    editable_pages,
    language_name,
    latest_text,
    page_status,
    snippet_statuses,
)
from .tasks import machine_translate_page


def row_url(row):
    if isinstance(row.page, Page):
        return reverse("translations_admin:page", args=[row.page.pk, row.language])
    return snippet_edit_url(row.page)


class StatusColumn(StatusTagColumn):
    def get_value(self, instance):
        return instance.status_label


class TranslationsReportView(ReportView):
    """Every translatable page and language with its sync status."""

    page_title = gettext_lazy("Translations")
    header_icon = "site"
    index_url_name = "translations_admin:report"
    index_results_url_name = "translations_admin:report_results"
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
            HeaderButton(_("Export for translators"), reverse("translations_admin:export"), icon_name="download"),
            HeaderButton(_("Import translations"), reverse("translations_admin:import"), icon_name="upload"),
        ]

    def get_filename(self):
        return f"translations-report-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        user = self.request.user
        rows = all_statuses(user) + snippet_statuses(snippets_for(user))
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


class Review:
    """One request to the side-by-side editor of one page's language version.

    A button sends ``action`` as ``name`` or ``name:segment key`` (a
    segment's own Save or Suggest button).
    """

    def __init__(self, request, page, language):
        self.request = request
        self.page = page
        self.language = language
        self.status = page_status(page, language)
        self.show_all = request.GET.get("all") == "1"
        self.segments = self.status.segments if self.show_all else self.status.changed_segments()
        self.action, _sep, self.key = request.POST.get("action", "").partition(":")
        self.url = reverse("translations_admin:page", args=[page.pk, language]) + ("?all=1" if self.show_all else "")

    def form(self, data=None, only=None):
        if data is None:
            return ReviewForm(self.segments, initial={s.key: editable_text(s) for s in self.segments})
        return ReviewForm(self.segments, data, only=only)

    def typed_form(self):
        """The form showing what the translator had typed, not yet checked (nothing is being saved)."""
        post = self.request.POST
        return ReviewForm(self.segments, initial={s.key: post.get(s.key, editable_text(s)) for s in self.segments})

    def segment(self):
        return next((segment for segment in self.segments if segment.key == self.key), None)


def save_segments(review):
    """Save the changed segments of the form (the "Save translation" and "Save and publish" buttons)."""
    request = review.request
    publish = review.action == "save_publish"
    if publish and not review.page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    form = review.form(request.POST)
    if not form.is_valid():
        return {"form": form}
    values, removed = form.changed_values(), form.removed_keys()
    if not values and not removed:
        messages.info(request, _("Nothing to save."))
        return None
    held_back = actions.save_reviewed_text(
        review.page, review.language, values, user=request.user, publish=publish, removed=removed
    )
    if held_back:
        messages.error(
            request,
            _(
                "Saved, but not published: the %(language)s text has machine drafts nobody has reviewed. "
                "Review or approve them below, then publish."
            )
            % {"language": ", ".join(language_in_a_sentence(language) for language in held_back)},
        )
    elif publish:
        messages.success(request, _("Translation saved, confirmed against the current source and published."))
    else:
        messages.success(request, _("Translation saved and confirmed against the current source."))
    return None


def save_one_segment(review):
    """Save one segment, the one whose Save button (or Ctrl+Enter) sent the form; the others are kept as typed."""
    request = review.request
    if review.segment() is None:
        messages.error(request, _("This segment changed since you opened it; here it is as it is now."))
        return None
    form = review.form(request.POST, only=review.key)
    if not form.is_valid():
        # Shown again with everything the translator typed, errors by each segment.
        return {"form": ReviewForm(review.segments, request.POST)}
    values, removed = form.changed_values(), form.removed_keys()
    if not values and not removed:
        messages.info(request, _("Nothing to save."))
        return None
    actions.save_reviewed_text(review.page, review.language, values, user=request.user, removed=removed)
    if removed:
        messages.success(request, _("Taken out of the translation, as it was out of the original."))
    else:
        messages.success(request, _("Segment saved and confirmed against the current source."))
    return None


def suggest_machine_translation(review):
    """A machine suggestion for one segment, shown under it; nothing is saved until the translator saves."""
    segment = review.segment()
    backends = list(configured_backends())
    if segment is None or segment.source is None or not backends:
        return {"form": review.typed_form()}
    try:
        text = machine_suggestion(segment, review.status.source_language, review.language, backends[0])
    except MachineTranslationError as error:
        return {"form": review.typed_form(), "errors": {segment.key: [str(error)]}}
    return {"form": review.typed_form(), "suggestions": {segment.key: text}}


def mark_up_to_date(review):
    request = review.request
    if review.status.status == Status.MISSING:
        messages.error(request, _("There is no translation to confirm yet."))
        return
    left = actions.mark_up_to_date(review.page, review.language, user=request.user)
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
    missing = [s for s in page_status(review.page, review.language).segments if s.status == SEGMENT_MISSING]
    if missing:
        messages.warning(
            request,
            ngettext(
                "%(count)s segment has no translation yet: translate it below, or copy the original into it.",
                "%(count)s segments have no translation yet: translate them below, or copy the original into them.",
                len(missing),
            )
            % {"count": len(missing)},
        )
    if not left and not missing:
        messages.success(request, _("Marked as up to date."))


def approve_machine(review):
    request = review.request
    machine_count = len(machine_segments(review.status))
    # The count the reviewer saw must still be the count now, so a newer draft is never approved unseen.
    if (
        not machine_count
        or request.POST.get("machine_count") != str(machine_count)
        or request.POST.get("read_machine") != "1"
    ):
        messages.error(request, _("The machine drafts changed since you looked; review them again."))
        return
    actions.mark_up_to_date(review.page, review.language, user=request.user, approve_machine=True)
    messages.success(
        request,
        ngettext(
            "Approved %(count)s machine-drafted segment as reviewed.",
            "Approved %(count)s machine-drafted segments as reviewed.",
            machine_count,
        )
        % {"count": machine_count},
    )


def copy_source(review):
    count = actions.copy_source_into_empty(review.page, review.language, user=review.request.user)
    messages.success(
        review.request,
        ngettext(
            "Copied the source text into %(count)s empty field, as a draft to translate.",
            "Copied the source text into %(count)s empty fields, as a draft to translate.",
            count,
        )
        % {"count": count},
    )


def mark_ready(review):
    request = review.request
    try:
        published = actions.mark_ready(review.page, review.language, user=request.user)
    except actions.NotReady as error:
        messages.error(request, str(error))
        return
    if published:
        messages.success(request, _("The translation is ready and published for readers."))
    else:
        messages.success(request, _("The translation is marked ready; publish the page to show it."))


def request_machine_draft(review):
    request = review.request
    backend = request.POST.get("backend", "")
    if backend not in configured_backends():
        messages.error(request, _("Choose a configured machine translation backend."))
        return
    try:
        machine_translate_page.enqueue(review.page.pk, review.language, backend, request.user.pk)
    except MachineTranslationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Machine draft requested; review it before marking ready."))


# Each button of the editor names one handler. A handler returns None to go
# back to the editor, or what to show again (a form with errors, a suggestion).
REVIEW_ACTIONS = {
    "save": save_segments,
    "save_publish": save_segments,
    "save_segment": save_one_segment,
    "suggest": suggest_machine_translation,
    "mark_up_to_date": mark_up_to_date,
    "approve_machine": approve_machine,
    "copy_source": copy_source,
    "mark_ready": mark_ready,
    "machine": request_machine_draft,
}


def _wants_json(request):
    return request.headers.get("Accept", "").startswith("application/json")


def segment_json(review, shown):
    """The answer to the editor's script: the segment's new state, its errors or a suggestion."""
    shown = shown or {}
    errors = shown.get("errors", {}).get(review.key, [])
    if review.action == "save_segment" and "form" in shown and review.key in shown["form"].fields:
        errors = [*errors, *shown["form"].errors.get(review.key, [])]
    errors = [str(error) for error in errors]
    if errors:
        return JsonResponse({"ok": False, "errors": errors}, status=400)
    if review.action == "suggest":
        suggestion = shown.get("suggestions", {}).get(review.key)
        return JsonResponse({"ok": suggestion is not None, "suggestion": suggestion})
    status = page_status(review.page, review.language)
    segment = next((s for s in status.segments if s.key == review.key), None)
    return JsonResponse(
        {
            "ok": segment is not None,
            "segment": review.key,
            "status": segment.status if segment else "",
            "status_label": str(segment.status_label) if segment else "",
            "needs_work": bool(segment and segment.needs_work),
            "page_status": status.status,
            "page_status_label": str(status.status_label),
            "remaining": len(status.changed_segments()),
        }
    )


@require_http_methods(["GET", "POST"])
def page_view(request, page_id, language):
    """The side-by-side editor of one language version, with its actions."""
    page = _page_for(request, page_id)
    # The original language (as the latest draft has it) is never reviewed or written here.
    if language not in language_codes() or language not in target_languages(latest_text(page).page):
        raise Http404
    review = Review(request, page, language)
    shown = {}
    if request.method == "POST":
        handler = REVIEW_ACTIONS.get(review.action)
        shown = handler(review) if handler else None
        if review.key and request.headers.get("Accept", "").startswith("application/json"):
            # Messages are for the next page; the script shows the answer itself.
            list(messages.get_messages(request))
            return segment_json(review, shown)
        if shown is None:
            return redirect(review.url)
    # Text refused by the form comes back as typed, with its errors, as a bad request.
    refused = "form" in shown and bool(shown["form"].errors)
    return TemplateResponse(
        request, "translations/page.html", editor_context(review, **shown), status=400 if refused else 200
    )


def editor_context(review, form=None, errors=None, suggestions=None):
    page, status = review.page, review.status
    form = form or review.form()
    permissions = page.permissions_for_user(review.request.user)
    return {
        "page": page,
        "status": status,
        "language_name": language_name(review.language),
        "source_language_name": language_name(status.source_language),
        "rows": review_rows(status, form, review.show_all, suggestions, errors),
        "form": form,
        "show_all": review.show_all,
        "backends": list(configured_backends()),
        "can_publish": permissions.can_publish(),
        "has_readiness": hasattr(page, "translation_ready"),
        # Marked ready in the latest draft; readers see it only once that is live.
        "is_ready": getattr(page.get_latest_revision_as_object(), "translation_ready", False),
        "readers_see_it": page.live and getattr(page, "translation_ready", False),
        "machine_segments": machine_segments(status),
        "export_url": reverse("translations_admin:export") + f"?page={page.pk}&language={review.language}",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "header_title": _("Translation of %(title)s") % {"title": status.title},
    }


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
                    "url": reverse("translations_admin:page", args=[page.pk, row.language]),
                }
                for row in rows
            ]
        }
    )


def export_view(request):
    """Download a PO or XLIFF file of the chosen pages' (and snippets') segments."""
    pages = list(editable_pages(request.user))
    data = request.GET if "page" in request.GET or "snippets" in request.GET else None
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
                snippets=snippets_for(request.user) if form.cleaned_data["snippets"] else (),
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
                ids = "-".join(str(pk) for pk in form.cleaned_data["page"][:5]) or "snippets"
                response["Content-Disposition"] = f'attachment; filename="translations-{ids}.{extension}"'
                return response
    return TemplateResponse(
        request, "translations/export.html", {"form": form, "header_title": _("Export for translators")}
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
                allowed_pages=editable_pages(request.user),
                allowed_snippets=snippets_for(request.user),
            )
        except files.FileError as error:
            form.add_error("file", str(error))
        else:
            if result.revisions:
                messages.success(request, _("Translations imported as draft revisions."))
            if any(not isinstance(subject, int) for subject, _key in result.applied):
                # Snippets have no drafts: what the file changed is what readers see now.
                messages.success(
                    request, _("Biographies and tag names imported: they are live now, as snippets have no drafts.")
                )
            if not result.applied_anything and not result.ok:
                messages.error(request, _("Nothing was applied: fix the conflicts below or import them separately."))
    # Nothing written: a refused file, or entries with errors, is a bad request; entries that only
    # conflict with the source as it is now, a conflict.
    if form.errors or (result and result.errors and not result.applied_anything):
        status = 400
    elif result and not result.ok and not result.applied_anything:
        status = 409
    else:
        status = 200
    return TemplateResponse(
        request,
        "translations/import.html",
        {"form": form, "result": result, "header_title": _("Import translations")},
        status=status,
    )
