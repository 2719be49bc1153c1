"""Page behaviour every app's pages may share."""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from .bilingual import current_language


def view_restrictions(page):
    """The view restrictions on ``page`` and its ancestors, in one query.

    The same rows as ``Page.get_view_restrictions``, which needs two: an
    alias (or an alias among the ancestors) answers to its source page's
    restrictions, never to its own.
    """
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    chain = Page.objects.filter(path__in=paths)
    return PageViewRestriction.objects.filter(
        Q(page__in=chain.filter(alias_of__isnull=True).values("pk")) | Q(page__in=chain.values("alias_of"))
    )


class ViewRestrictionsInOneQueryMixin:
    def get_view_restrictions(self):
        return view_restrictions(self)


class ChildBySlugRouteMixin:
    """Find the requested child page by its slug in the database.

    wagtail-modeltranslation's ``Page.route`` loads every child of a page
    to compare translated slugs in Python: on an index of 1,000 articles,
    each article request built 1,000 page objects (about two thirds of its
    time). Here the database narrows the children to those with the slug
    in any language, and the translated slug (with its fallback) decides.
    """

    def route(self, request, path_components):
        if path_components and not self.is_own_route(path_components):
            slug, remaining = path_components[0], path_components[1:]
            in_any_language = Q()
            for code, _name in settings.LANGUAGES:
                in_any_language |= Q(**{build_localized_fieldname("slug", code): slug})
            for child in self.get_children().filter(in_any_language):
                if child.slug == slug:
                    child = child.specific
                    # The page routed through, so the child need not query for its parent.
                    child.routed_parent = self
                    return child.route(request, remaining)
            raise Http404
        return super().route(request, path_components)

    def is_own_route(self, path_components):
        """True when a routable page answers the path itself (feed, tag, archive...)."""
        if not isinstance(self, RoutablePageMixin) or not self.live:
            return False
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True


class TranslatedRoutesMixin:
    """Sub-page route words in the reader's language: ``respuestas/`` under /es/.

    ``ROUTE_LANGUAGES`` maps each route name to the language its words are
    in; a Spanish route is named like its English twin plus ``_es``. The
    other language's words still answer: a GET with a 301 to the reader's
    own words (``canonical_redirect``), a POST from a page served before as
    it always did.
    """

    ROUTE_LANGUAGES = {}

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The sub-page's path in the reader's language."""
        if current_language() == "es" and f"{name}_es" in self.ROUTE_LANGUAGES:
            name = f"{name}_es"
        return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def translated_route_kwargs(self, name, route_language, kwargs, language):
        """The route's arguments as readers of ``language`` write them; None when there are none."""
        return kwargs

    def translate_route(self, suffix, language):
        """``suffix`` (the path after this page's URL) as readers of ``language`` write it."""
        try:
            match = self.resolve_subpage("/" + suffix)
        except Http404:
            return suffix
        name = (match.url_name or "").removesuffix("_es")
        if not name:
            return suffix
        route_language = self.ROUTE_LANGUAGES.get(match.url_name, "en")
        kwargs = self.translated_route_kwargs(name, route_language, dict(match.kwargs), language)
        if kwargs is None:
            return suffix
        with translation.override(language):
            return self.reverse_subpage(name, kwargs=kwargs)

    def canonical_redirect(self, request, name, route_language, **kwargs):
        """A 301 to the reader's own route words, or None when the route already is (or for a post)."""
        if route_language == current_language() or request.method not in ("GET", "HEAD"):
            return None
        url = (self.get_url(request) or "") + self.reverse_subpage(name, kwargs=kwargs)
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(url)


class StoryIndexMixin:
    """The list of the site's stories, which the header of every page links to."""


def story_index_models():
    return [model for model in apps.get_models() if issubclass(model, StoryIndexMixin)]
