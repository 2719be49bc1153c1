"""Feed discovery: the <link rel="alternate"> tags of a page's feeds, in the reader's language."""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage
from core.fragments import remember

register = template.Library()


def feeds_index(context):
    """The blog index whose feeds the page offers, without a query where the page already knows it."""
    page = context.get("page")
    if isinstance(page, BlogIndexPage):
        return page
    if isinstance(context.get("blog_index"), BlogIndexPage):
        return context["blog_index"]
    if isinstance(page, ArticlePage):
        return page.blog_index
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return remember(
        f"feeds-index:{site.pk}", lambda: BlogIndexPage.objects.live().descendant_of(site.root_page).first()
    )


@register.inclusion_tag("blog/includes/feed_links.html", takes_context=True)
def feed_links(context):
    """The site's RSS and Atom feeds, and on a tag or author listing that listing's feeds too."""
    request = context.get("request")
    index = feeds_index(context)
    if index is None or request is None:
        return {"feeds": []}
    base = index.get_url(request) or ""
    title = _("Frontera: latest stories")
    feeds = [
        {"type": "application/rss+xml", "title": title, "url": base + index.reverse_subpage("feed")},
        {"type": "application/atom+xml", "title": title, "url": base + index.reverse_subpage("atom")},
    ]
    page = context.get("page")
    tag, author = context.get("tag"), context.get("author")
    if page is index and tag is not None:
        title = _("Frontera: stories tagged “%(name)s”") % {"name": tag.label()}
        names, kwargs = ("tag_feed", "tag_atom"), {"slug": tag.url_slug}
    elif page is index and author is not None:
        title = _("Frontera: stories by %(name)s") % {"name": author.name}
        names, kwargs = ("author_feed", "author_atom"), {"slug": author.slug}
    else:
        names = ()
    for name, feed_type in zip(names, ("application/rss+xml", "application/atom+xml"), strict=False):
        feeds.append({"type": feed_type, "title": title, "url": base + index.reverse_subpage(name, kwargs=kwargs)})
    return {"feeds": feeds}
