from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, BlogTag


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class BlogTagViewSet(SnippetViewSet):
    model = BlogTag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "name_es", "slug", "slug_es"]
    search_fields = ["name", "name_es"]


class BlogViewSetGroup(SnippetViewSetGroup):
    items = (AuthorViewSet, BlogTagViewSet)
    menu_icon = "doc-full"
    menu_label = _("Newsroom")
    menu_name = "newsroom"


register_snippet(BlogViewSetGroup)
