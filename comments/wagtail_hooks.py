from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_urls, moderation
from .admin_views import QUEUE_LABELS, can_moderate
from .models import WordRule


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


class WordRuleViewSet(ModelViewSet):
    model = WordRule
    icon = "warning"
    menu_label = _("Word lists")
    add_to_admin_menu = False
    list_display = ["phrase", "action", "created_at"]
    list_filter = ["action"]
    search_fields = ["phrase"]
    form_fields = ["phrase", "action"]
    url_prefix = "comments/words"
    url_namespace = "comments_admin_words"


word_rule_viewset = WordRuleViewSet("comments_admin_words")


class WordRuleMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("comments.view_wordrule") or request.user.has_perm("comments.change_wordrule")


class PendingCommentsPanel(Component):
    """The dashboard's reminder of comments waiting for a moderator."""

    name = "pending_comments"
    template_name = "comments/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        counts = moderation.queue_counts()
        return {
            "pending": counts["pending"],
            "reported": counts["reported"],
            "pending_url": reverse("comments_admin:queue", args=["pending"]),
            "reported_url": reverse("comments_admin:queue", args=["reported"]),
        }


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("comments/", include(admin_urls, namespace="comments_admin"))]


@hooks.register("register_admin_viewset")
def register_word_rule_viewset():
    return word_rule_viewset


@hooks.register("register_admin_menu_item")
def register_comments_menu():
    items = [
        ModeratorMenuItem(
            label,
            reverse_lazy("comments_admin:queue", args=[name]),
            name=f"comments-{name}",
            icon_name="comment",
            order=index,
        )
        for index, (name, label) in enumerate(QUEUE_LABELS.items())
    ]
    items += [
        WordRuleMenuItem(
            _("Word lists"),
            reverse_lazy("comments_admin_words:index"),
            name="comments-words",
            icon_name="warning",
            order=10,
        ),
        ModeratorMenuItem(
            _("Moderation history"),
            reverse_lazy("comments_admin:history"),
            name="comments-history",
            icon_name="history",
            order=11,
        ),
    ]
    return SubmenuMenuItem(_("Comments"), Menu(items=items), name="comments", icon_name="comment", order=250)


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if can_moderate(request.user):
        panels.append(PendingCommentsPanel())
