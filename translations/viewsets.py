"""Admin screens for the translation memory: editors correct or delete remembered translations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import MemoryEntry


class MemoryEntryViewSet(ModelViewSet):
    """List, correct (the translation only: the source text is the lookup key) and delete entries."""

    model = MemoryEntry
    form_fields = ["target_text"]
    icon = "doc-full-inverse"
    menu_label = _("Translation memory")
    menu_name = "translation-memory"
    menu_order = 460
    add_to_admin_menu = True
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    search_fields = ["source_text", "target_text"]
    list_filter = ["source_language", "target_language"]
    ordering = ["-updated_at"]
    list_display = [
        Column("source_text", label=_("Source text"), accessor="source_text"),
        Column("target_text", label=_("Translation"), accessor="target_text"),
        Column("target_language", label=_("Language"), accessor="target_language"),
        Column("uses", label=_("Times confirmed"), accessor="uses"),
        DateColumn("updated_at", label=_("Updated")),
    ]
