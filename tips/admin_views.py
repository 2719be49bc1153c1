"""The editors' side of the tip line, inside the Wagtail admin.

Only members of the "Tip editors" group reach these views. Every response is
``no-store`` so decrypted text never lands in a browser cache, and
``no-referrer`` so a link followed from a tip tells its site nothing.
"""

import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import crypto, security
from .export import build_export
from .forms import DecryptForm, EditorReplyForm
from .permissions import require_tip_editor
from .records import Tip
from .submission import send_reply

PAGE_SIZE = 50


def key_is_configured():
    return crypto.public_key_is_configured()


def sweep_is_overdue():
    """True when tips from before yesterday were never announced: ``tips notify`` is not running."""
    before_yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return Tip.objects.filter(editors_notified=False, received_on__lt=before_yesterday).exists()


def attachment(data, filename, content_type="application/octet-stream"):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return security.protect_admin(response)


class TipEditorMixin:
    permission = "view_tip"

    def dispatch(self, request, *args, **kwargs):
        require_tip_editor(request.user, self.permission)
        return security.protect_admin(super().dispatch(request, *args, **kwargs))


class TipIndexView(TipEditorMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "tips/admin/index.html"
    page_title = gettext_lazy("Tips")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Tips")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tips = Tip.objects.select_related("source").order_by("-received_on", "-pk")
        status = self.request.GET.get("status")
        if status in Tip.Status.values:
            tips = tips.filter(status=status)
        page = Paginator(tips, PAGE_SIZE).get_page(self.request.GET.get("p"))
        with_files = set(
            Tip.objects.filter(pk__in=[tip.pk for tip in page], files__isnull=False).values_list("pk", flat=True)
        )
        for tip in page:
            tip.has_files = tip.pk in with_files
        context.update(
            {
                "tips": page,
                "statuses": Tip.Status.choices,
                "current_status": status,
                "key_configured": key_is_configured(),
                "sweep_overdue": sweep_is_overdue(),
            }
        )
        return context


class TipDetailView(TipEditorMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "tips/admin/detail.html"
    header_icon = "mail"

    def get_tip(self):
        if not hasattr(self, "tip"):
            self.tip = get_object_or_404(Tip.objects.select_related("source"), pk=self.kwargs["pk"])
        return self.tip

    def get_page_title(self):
        return str(self.get_tip())

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("tips_admin:index"), "label": _("Tips")},
            {"url": "", "label": str(self.get_tip())},
        ]

    def get(self, request, *args, **kwargs):
        tip = self.get_tip()
        if not tip.is_read and request.user.has_perm("tips.change_tip"):
            tip.is_read = True
            tip.save(update_fields=["is_read"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, text=None, decrypt_form=None, reply_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        tip = self.get_tip()
        source = tip.source
        context.update(
            {
                "tip": tip,
                "text": text if text is not None else (None if tip.is_encrypted else tip.open_text()),
                "files": list(tip.files.all()),
                "decrypt_form": decrypt_form or DecryptForm(expected_key_id=tip.key_id),
                "reply_form": reply_form or EditorReplyForm(),
                "statuses": Tip.Status.choices,
                "source": source,
                "source_tips": list(source.tips.exclude(pk=tip.pk).order_by("-received_on", "-pk")) if source else [],
                "replies": list(source.replies.all()) if source else [],
                "key_configured": key_is_configured(),
                "can_change": self.request.user.has_perm("tips.change_tip"),
                "can_delete": self.request.user.has_perm("tips.delete_tip"),
            }
        )
        return context


class TipDecryptView(TipDetailView):
    """Opens a sealed tip with a private key sent in this one request."""

    permission = "change_tip"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        tip = self.get_tip()
        form = DecryptForm(request.POST, request.FILES, expected_key_id=tip.key_id or None)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decrypt_form=form))
        key = form.cleaned_data["key"]
        try:
            file_pk = request.POST.get("file")
            if file_pk:
                tip_file = get_object_or_404(tip.files, pk=file_pk)
                return attachment(tip_file.read(key), tip_file.download_name, tip_file.content_type)
            text = tip.open_text(key) if tip.is_encrypted else tip.open_text()
            for reply in self.replies_to_open(tip):
                reply.opened = crypto.unseal(key, reply.sealed_editor_copy).decode("utf-8")
        except crypto.DecryptionFailed:
            form.add_error(None, _("This key does not open the tip."))
            return self.render_to_response(self.get_context_data(decrypt_form=form))
        context = self.get_context_data(text=text, decrypt_form=DecryptForm(expected_key_id=tip.key_id))
        context["replies"] = self.opened_replies
        return self.render_to_response(context)

    def replies_to_open(self, tip):
        self.opened_replies = list(tip.source.replies.all()) if tip.source else []
        return [reply for reply in self.opened_replies if reply.sealed_editor_copy is not None]


class TipFileDownloadView(TipEditorMixin, View):
    """A file as stored: the file itself, or its sealed box when encrypted."""

    def get(self, request, pk, file_pk):
        tip = get_object_or_404(Tip, pk=pk)
        tip_file = get_object_or_404(tip.files, pk=file_pk)
        if tip_file.is_encrypted:
            return attachment(tip_file.stored_data(), tip_file.download_name + ".sealed")
        return attachment(tip_file.read(), tip_file.download_name, tip_file.content_type)


class TipStatusView(TipEditorMixin, View):
    permission = "change_tip"

    def post(self, request, pk):
        tip = get_object_or_404(Tip, pk=pk)
        status = request.POST.get("status")
        if status in Tip.Status.values:
            tip.status = status
        if request.POST.get("read") in ("0", "1"):
            tip.is_read = request.POST["read"] == "1"
        tip.save(update_fields=["status", "is_read"])
        messages.success(request, _("The tip was updated."))
        if request.POST.get("read") == "0":
            return redirect("tips_admin:index")
        return redirect("tips_admin:detail", pk=tip.pk)


class TipReplyView(TipDetailView):
    permission = "change_tip"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        tip = self.get_tip()
        if tip.source is None:
            messages.error(request, _("This source did not ask for a codename, so a reply cannot reach them."))
            return redirect("tips_admin:detail", pk=tip.pk)
        form = EditorReplyForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(reply_form=form))
        send_reply(tip.source, form.cleaned_data["body"])
        messages.success(
            request, _("Your reply was sealed; the source will see it when they check with their codename.")
        )
        return redirect("tips_admin:detail", pk=tip.pk)


class TipDeleteView(TipEditorMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = "delete_tip"
    template_name = "tips/admin/confirm_delete.html"
    header_icon = "bin"

    @property
    def tip(self):
        # Looked up only after TipEditorMixin.dispatch has checked the user.
        if not hasattr(self, "_tip"):
            self._tip = get_object_or_404(Tip, pk=self.kwargs["pk"])
        return self._tip

    def get_page_title(self):
        return _("Delete %(tip)s") % {"tip": self.tip}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("tips_admin:index"), "label": _("Tips")},
            {"url": reverse("tips_admin:detail", args=[self.tip.pk]), "label": str(self.tip)},
            {"url": "", "label": _("Delete")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"tip": self.tip, "file_count": self.tip.files.count(), "key_configured": key_is_configured()})
        return context

    def post(self, request, pk):
        self.tip.delete_securely()
        messages.success(request, _("The tip and its files were deleted."))
        return redirect("tips_admin:index")


class TipExportView(TipEditorMixin, View):
    """A zip of one tip, or of every tip, for decryption on an editor's own machine."""

    def get(self, request, pk=None):
        tips = Tip.objects.order_by("pk").prefetch_related("files")
        if pk is not None:
            tips = tips.filter(pk=pk)
            get_object_or_404(Tip, pk=pk)
        name = f"tip-{pk}.zip" if pk is not None else "tips.zip"
        return attachment(build_export(tips), name, "application/zip")
