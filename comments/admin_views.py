"""The moderators' side, in the Wagtail admin: queues, one comment, history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import moderation
from .forms import HistoryFilterForm, LanguageForm, NewsroomReplyForm, QueueFilterForm
from .models import Comment

QUEUE_LABELS = {
    "pending": gettext_lazy("Pending"),
    "reported": gettext_lazy("Reported"),
    "approved": pgettext_lazy("comment queue", "Approved"),
    "rejected": pgettext_lazy("comment queue", "Rejected"),
    "spam": gettext_lazy("Spam"),
}
ACTION_LABELS = {
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
    "spam": gettext_lazy("Mark as spam"),
    "dismiss": gettext_lazy("Dismiss reports"),
}
PAGE_SIZE = 50


def can_moderate(user):
    return user.has_perm("comments.change_comment")


def require_moderator(request):
    if not can_moderate(request.user):
        raise PermissionDenied


def safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


class ModeratorView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        require_moderator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The header shows the last item: without these it would read "Home".
        return [
            *self.breadcrumbs_items,
            {"url": reverse("comments_admin:index"), "label": _("Comments")},
            {"url": "", "label": self.get_page_title()},
        ]


class QueueView(ModeratorView):
    template_name = "comments/admin/queue.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["queue"] not in moderation.QUEUES:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Comments: %(queue)s") % {"queue": QUEUE_LABELS[self.kwargs["queue"]]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        name = self.kwargs["queue"]
        filter_form = QueueFilterForm(self.request.GET or None)
        comments = moderation.filter_comments(moderation.queue(name), **filter_form.filters())
        page = Paginator(comments, PAGE_SIZE).get_page(self.request.GET.get("p"))
        actions = [key for key in ACTION_LABELS if key != "dismiss" or name == "reported"]
        actions = [key for key in actions if moderation.ACTIONS.get(key) != moderation.QUEUE_STATUSES.get(name)]
        context.update(
            {
                "queue": name,
                "queues": [(key, QUEUE_LABELS[key]) for key in moderation.QUEUES],
                "counts": moderation.queue_counts(),
                "filter_form": filter_form,
                "page_obj": page,
                "actions": [(key, ACTION_LABELS[key]) for key in actions],
                "query_string": self.query_string_without_page(),
            }
        )
        return context

    def query_string_without_page(self):
        query = self.request.GET.copy()
        query.pop("p", None)
        return query.urlencode()


def bulk_action(request):
    """Apply one action to the ticked comments, or to the one whose button was pressed."""
    require_moderator(request)
    if request.method != "POST":
        return redirect("comments_admin:queue", queue="pending")
    single = request.POST.get("single", "")
    if single:
        action, _separator, pk = single.partition(":")
        ids = [pk]
    else:
        action = request.POST.get("action", "")
        ids = request.POST.getlist("comment")
    fallback = reverse("comments_admin:queue", args=["pending"])
    if action not in ACTION_LABELS:
        messages.error(request, _("Choose what to do with the comments."))
        return redirect(safe_next(request, fallback))
    comments = list(Comment.objects.select_related("article").filter(pk__in=[pk for pk in ids if pk.isdigit()]))
    if not comments:
        messages.warning(request, _("No comments were selected."))
        return redirect(safe_next(request, fallback))
    moderation.apply_action(action, comments, request.user)
    messages.success(
        request,
        ngettext("%(action)s: %(count)d comment.", "%(action)s: %(count)d comments.", len(comments))
        % {"action": ACTION_LABELS[action], "count": len(comments)},
    )
    return redirect(safe_next(request, fallback))


class CommentDetailView(ModeratorView):
    """One comment with its context: the article, the parent, its reports and history."""

    template_name = "comments/admin/detail.html"

    def get_page_title(self):
        return _("Comment by %(name)s") % {"name": self.comment.isolated_name}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.comment = get_object_or_404(Comment.objects.select_related("article", "parent", "user"), pk=kwargs["pk"])

    def post(self, request, *args, **kwargs):
        comment = self.comment
        operation = request.POST.get("operation", "")
        here = reverse("comments_admin:detail", args=[comment.pk])
        if operation in ACTION_LABELS:
            moderation.apply_action(operation, [comment], request.user)
            messages.success(request, _("%(action)s: done.") % {"action": ACTION_LABELS[operation]})
        elif operation == "language":
            form = LanguageForm(request.POST)
            if form.is_valid() and moderation.correct_language(comment, form.cleaned_data["language"], request.user):
                messages.success(request, _("Language corrected."))
        elif operation == "reply":
            if not request.user.has_perm("comments.add_comment"):
                raise PermissionDenied
            form = NewsroomReplyForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(reply_form=form))
            reply = moderation.reply_as_newsroom(
                comment, form.cleaned_data["body"], form.cleaned_data["language"], request.user
            )
            messages.success(request, _("Your reply is published."))
            return redirect("comments_admin:detail", pk=reply.pk)
        elif operation == "ban":
            if moderation.ban_writer(comment, request.user):
                messages.success(request, _("The writer's new comments will be rejected for the next day or two."))
            else:
                messages.warning(request, _("This writer cannot be banned, or is already banned."))
        return redirect(here)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        context.update(
            {
                "comment": comment,
                "reports": comment.reports.select_related("resolved_by").order_by("-created_at"),
                "events": comment.events.select_related("user"),
                "replies": comment.replies.order_by("path"),
                "actions": [
                    (key, label)
                    for key, label in ACTION_LABELS.items()
                    if moderation.ACTIONS.get(key) != comment.status and key != "dismiss"
                ],
                "has_open_reports": comment.reports.filter(resolved_at=None).exists(),
                "language_form": LanguageForm(initial={"language": comment.language}),
                "reply_form": kwargs.get("reply_form") or NewsroomReplyForm(initial={"language": comment.language}),
                "can_reply": self.request.user.has_perm("comments.add_comment")
                and comment.status == Comment.Status.APPROVED,
            }
        )
        return context


class HistoryView(ModeratorView):
    template_name = "comments/admin/history.html"
    page_title = gettext_lazy("Moderation history")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = HistoryFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        events = moderation.search_history(filters.get("q", ""), filters.get("reason", ""))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "filter_form": form,
                "page_obj": Paginator(events, PAGE_SIZE).get_page(self.request.GET.get("p")),
                "query_string": query.urlencode(),
            }
        )
        return context


def index(request):
    require_moderator(request)
    return redirect("comments_admin:queue", queue="pending")
