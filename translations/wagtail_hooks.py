"""Admin integration: URLs, report menu item, dashboard panel, status buttons, publish guard."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button, ListingButton
from wagtail.models import Page

from core.bilingual import language_in_a_sentence

from . import admin_urls
from .models import Status
from .segments import is_translatable, target_languages
from .snippets import snippets_for
from .status import (
    all_statuses,
    machine_text_readers_would_see,
    page_status,
    snippet_statuses,
    statuses_for,
    translatable_pages,
)
from .viewsets import MemoryEntryViewSet


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(admin_urls, namespace="translations_admin"))]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_admin_viewset")
def register_memory_viewset():
    return MemoryEntryViewSet("translation_memory")


@hooks.register("insert_editor_js")
def open_on_original_language():
    """Load the scripts that show a page's original-language fields first and its translation badges."""
    return format_html(
        '<script src="{}"></script><script src="{}"></script>',
        static("translations/js/open_on_original_language.js"),
        static("translations/js/status_badges.js"),
    )


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsMenuItem(
        gettext_lazy("Translations"),
        reverse("translations_admin:report"),
        name="translations",
        icon_name="site",
        order=650,
    )


@hooks.register("register_admin_menu_item")
def register_translation_files_menu_item():
    return AdminOnlyMenuItem(
        gettext_lazy("Translator files"),
        reverse("translations_admin:import"),
        name="translator-files",
        icon_name="doc-full",
        order=450,
    )


class TranslationsPanel(Component):
    """Dashboard counts of missing and stale translations (pages and snippets) per language."""

    name = "translations"
    order = 150
    template_name = "translations/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        rows = all_statuses(user) + snippet_statuses(snippets_for(user))
        counts = {}
        for row in rows:
            entry = counts.setdefault(
                row.language, {"language": row.language_name, "code": row.language, "missing": 0, "stale": 0}
            )
            if row.status == Status.MISSING:
                entry["missing"] += 1
            elif row.status in (Status.STALE, Status.CONFLICT):
                entry["stale"] += 1
        return {"counts": list(counts.values()), "report_url": reverse("translations_admin:report")}


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(TranslationsPanel(request))


def _status_label(row):
    return _("%(language)s: %(status)s") % {"language": row.language_name, "status": row.status_label}


def _sibling_statuses(request, page):
    """Statuses of every page in ``page``'s listing, computed once per request."""
    cache = getattr(request, "_translation_statuses", None)
    if cache is None:
        cache = request._translation_statuses = {}
    parent_path = page.path[: -Page.steplen]
    if parent_path not in cache:
        siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth)
        cache[parent_path] = {}
        for row in statuses_for(translatable_pages(siblings).specific()):
            cache[parent_path].setdefault(row.page.pk, []).append(row)
    return cache[parent_path].get(page.pk, [])


@hooks.register("construct_page_listing_buttons")
def add_status_listing_buttons(buttons, page, user, context=None):
    request = (context or {}).get("request")
    if request is None or not is_translatable(page.specific_class or type(page)):
        return
    for row in _sibling_statuses(request, page):
        buttons.append(
            ListingButton(
                _status_label(row),
                reverse("translations_admin:page", args=[page.pk, row.language]),
                classname="tr-status tr-status--" + row.status,
                attrs={"data-translation-status": row.status, "data-language": row.language},
                priority=5,
            )
        )


@hooks.register("register_page_header_buttons")
def add_status_header_buttons(page, user, next_url=None, view_name=None):
    if page is None or page.pk is None or not is_translatable(page.specific_class or type(page)):
        return []
    result = []
    for language in target_languages(page.specific_deferred):
        row = page_status(page, language)
        result.append(
            Button(
                _status_label(row),
                reverse("translations_admin:page", args=[page.pk, language]),
                icon_name="site",
                attrs={"data-translation-status": row.status},
                priority=5,
            )
        )
    return result


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_unreviewed_machine_text(request, action_type, objects, action):
    """Publish none of the ticked pages while one would show readers machine text nobody reviewed.

    On a page marked ready, the ``pre_save`` guard in ``signals`` would
    otherwise untick "translation ready" without a word, and a translation
    readers had been reading would give way to the original under a "not
    translated" notice; a page without readiness would show the machine text.
    """
    if action_type != "publish":
        return None
    pages = list(objects)
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        # Wagtail then publishes the ticked pages' descendants that are not live too.
        pages += [descendant for page in objects for descendant in page.get_descendants().not_live()]
    held = []
    for page in pages:
        draft = page.specific.get_latest_revision_as_object()
        if machine_text_readers_would_see(draft):
            held.append(draft.get_admin_display_title())
    if not held:
        return None
    messages.error(
        request,
        ngettext(
            "Nothing was published: %(pages)s holds machine drafts nobody has reviewed, which readers "
            "would see. Review them (or untick “translation ready”), then publish again.",
            "Nothing was published: %(pages)s hold machine drafts nobody has reviewed, which readers "
            "would see. Review them (or untick “translation ready”), then publish again.",
            len(held),
        )
        % {"pages": ", ".join(f"“{title}”" for title in held)},
    )
    return redirect(action.next_url)


@hooks.register("before_publish_page")
def refuse_unreviewed_machine_text(request, page):
    """Say why a page cannot be published with machine text readers would see.

    The draft is already saved. Bulk publishing is refused by the hook
    above; scheduled publishing and code are held back by the ``pre_save``
    guard in ``signals`` (pages with a readiness setting only).
    """
    languages = machine_text_readers_would_see(page)
    if not languages:
        return None
    names = ", ".join(language_in_a_sentence(language) for language in languages)
    if hasattr(page, "translation_ready"):
        message = _(
            "The %(language)s text has machine drafts nobody has reviewed. Review them, or untick "
            "“translation ready”, before publishing."
        )
    else:
        message = _(
            "The %(language)s text has machine drafts nobody has reviewed, and readers would see them. "
            "Review them before publishing."
        )
    messages.error(request, message % {"language": names})
    return redirect("wagtailadmin_pages:edit", page.pk)
