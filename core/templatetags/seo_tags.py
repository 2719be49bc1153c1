"""The head metadata every public page carries (description, Open Graph,
Twitter card, JSON-LD, image preloads), and ``capture`` to reuse a block's output."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import seo

register = template.Library()


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        output = self.nodelist.render(context)
        context[self.name] = mark_safe(" ".join(output.split()))  # rendered with escaping
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render once, use the output twice
    (the title block in ``<title>`` and in Open Graph)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.inclusion_tag("core/seo_head.html", takes_context=True)
def seo_head(context, title):
    """Description, Open Graph, Twitter card and JSON-LD for the page shown.

    Everything describes the text the reader sees: an untranslated article
    read at its Spanish address is described in English, at its English URL.
    """
    request = context.get("request")
    page = context.get("page")
    text = context.get("text")
    versions = context.get("versions") or []
    current = next((version for version in versions if version["current"]), None)
    language = getattr(text, "language", None) or (current["code"] if current else "en")
    own = next((version for version in versions if version["code"] == language), current)
    if own is not None:
        url = own["absolute_url"]
    else:
        url = request.build_absolute_uri(request.path) if request is not None else ""
    plain_title = seo.plain(title)
    extra = {}
    if request is not None and hasattr(page, "seo_metadata"):
        extra = page.seo_metadata(request, context, title=plain_title, url=url) or {}
    elif page is not None and page.depth > 2:
        extra = {"trail": [(plain_title, url)]}
    json_ld = list(extra.get("json_ld", []))
    if request is not None and page is not None and "trail" in extra:
        json_ld.append(seo.breadcrumb_list(request, language, extra["trail"]))
    alternates = [
        seo.OG_LOCALES.get(version["code"], version["code"])
        for version in versions
        if version["available"] and version["code"] != language
    ]
    return {
        "title": extra.get("title", title),
        "description": seo.describe(page, text, language),
        "url": url,
        "site_name": seo.site_name(request) if request is not None else "Frontera",
        "og_type": extra.get("og_type", "website"),
        "og_locale": seo.OG_LOCALES.get(language, language),
        "og_locale_alternates": alternates,
        "image": extra.get("image"),
        "image_alt": extra.get("image_alt", ""),
        "image_url": request.build_absolute_uri(extra["image"].url) if extra.get("image") else "",
        "article": extra.get("article"),
        "json_ld": [seo.json_ld_script(data) for data in json_ld],
    }


@register.simple_tag
def preload_picture(picture, sizes):
    """A ``<link rel=preload>`` for the first source of a ``{% picture … as name %}``,
    so the browser fetches the page's main image before it lays the page out."""
    if not picture:
        return ""
    formats = picture.formats or {"": picture.renditions}
    name, renditions = next(iter(formats.items()))
    mime_type = next((fmt.mime_type for fmt in picture.source_format_order if fmt.name == name), "")
    return format_html(
        '<link rel="preload" as="image" imagesrcset="{}" imagesizes="{}"{}>',
        picture.get_width_srcset(renditions),
        sizes,
        format_html(' type="{}"', mime_type) if mime_type else "",
    )
