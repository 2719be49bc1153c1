"""The header and footer that every public page shares."""

from django import template
from wagtail.models import Page, Site

from core.fragments import remember
from core.models import NewsroomSettings
from core.pages import story_index_models

register = template.Library()


@register.inclusion_tag("includes/header.html", takes_context=True)
def site_header(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    home = site.root_page.specific if site else None
    links = newsroom_links(request)
    return {
        "request": request,
        "home": home,
        "blog_index": links["blog_index"],
        "about_page": links["about_page"],
        "tip_page": links["tip_page"],
        "page": context.get("page"),
    }


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    return {"request": request, **newsroom_links(request)}


def newsroom_links(request):
    """The blog index and the pages named in the site's newsroom settings, live
    ones only; kept in the shared cache, since every page shows them."""
    if request is None:
        return {"blog_index": None, "about_page": None, "comment_policy_page": None, "tip_page": None}
    site = Site.find_for_request(request)
    if site is None:
        return read_newsroom_links(request, None)
    return remember(f"newsroom-links:{site.pk}", lambda: read_newsroom_links(request, site), request)


def read_newsroom_links(request, site):
    settings = NewsroomSettings.for_request(request)
    pages = {"blog_index": story_index(site)}
    for name in ("about_page", "comment_policy_page", "tip_page"):
        page = getattr(settings, name)
        pages[name] = page if page is not None and page.live else None
    return pages


def story_index(site):
    """The site's first live story index, or None."""
    models = story_index_models()
    if site is None or not models:
        return None
    return Page.objects.live().descendant_of(site.root_page).type(*models).specific().first()
