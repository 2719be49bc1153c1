"""Page behaviour every app's pages may share."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


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
