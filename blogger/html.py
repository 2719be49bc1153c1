"""Blogger's HTML turned into the body's StreamField blocks, and comments into text.

Blogger stores what its editor produced: text separated by ``<br />``,
images wrapped in ``<div class="separator">``, inline styles, ``<span>``
soup, provider iframes. Only what the body blocks can hold survives: each
paragraph's inline markup is rebuilt from bold, italic and links and then
passed through nh3 (Ammonia), so no style, script or handler gets through.
"""

import dataclasses
import html
import re
import uuid
from urllib.parse import parse_qs, urlparse

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

INLINE_TAGS = {"b", "i", "a", "br"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite"}
UNWRAP = {"span", "font", "u", "small", "big", "sub", "sup", "abbr", "code", "tt", "strike", "s", "del", "ins", "mark"}
DROP = {"script", "style", "noscript", "object", "embed", "form", "input", "button", "select", "textarea", "head"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LINK_SCHEMES = {"http", "https", "mailto"}
HEADING_LENGTH = 120
CAPTION_LENGTH = 300
SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
EMPTY_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)


@dataclasses.dataclass
class ImageRef:
    """An image in the original body, linked until it is fetched."""

    block_id: str
    url: str
    caption: str


def new_id():
    return str(uuid.uuid4())


def clean_inline(fragment):
    """The fragment with only bold, italic, line breaks and safe links left."""
    return nh3.clean(
        fragment,
        tags=INLINE_TAGS,
        attributes={"a": {"href"}},
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    ).strip()


def embed_url(src):
    """The page address of a provider's player, or None when it is not one."""
    if src.startswith("//"):
        src = "https:" + src
    parsed = urlparse(src)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    host = parsed.netloc.lower()
    if host.endswith(("youtube.com", "youtube-nocookie.com")):
        if parsed.path.startswith("/embed/"):
            video = parsed.path.split("/")[2]
            return f"https://www.youtube.com/watch?v={video}" if video else None
        if parsed.path == "/watch" and parse_qs(parsed.query).get("v"):
            return src
    if host == "player.vimeo.com" and parsed.path.startswith("/video/"):
        return f"https://vimeo.com/{parsed.path.split('/')[2]}"
    return src


class BodyConverter:
    """Walks one Blogger body and collects blocks in reading order."""

    def __init__(self):
        self.blocks = []
        self.images = []
        self.inline = []

    def convert(self, source):
        soup = BeautifulSoup(source or "", "html.parser")
        self.walk(soup)
        self.flush()
        return self.blocks, self.images

    def add(self, block_type, value):
        block_id = new_id()
        self.blocks.append({"type": block_type, "value": value, "id": block_id})
        return block_id

    def flush(self):
        fragment = "".join(self.inline)
        self.inline = []
        # Blogger separates paragraphs with two or more line breaks.
        for part in re.split(r"(?:<br/>\s*){2,}", fragment):
            cleaned = clean_inline(part)
            cleaned = re.sub(r"^(?:<br>\s*)+|(?:\s*<br>)+$", "", cleaned).strip()
            cleaned = EMPTY_LINK.sub(r"\1", cleaned.replace("<br>", "<br/>"))
            if SPACE.sub("", html.unescape(re.sub(r"<[^>]+>", "", cleaned))):
                self.add("paragraph", f"<p>{cleaned}</p>")

    def walk(self, node):
        for child in list(node.children):
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.inline.append(html.escape(SPACE.sub(" ", str(child)), quote=False))
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag):
        name = tag.name.lower()
        if name in DROP:
            return
        if name == "br":
            self.inline.append("<br/>")
        elif name in BOLD or (name == "span" and "bold" in tag.get("style", "").replace(" ", "")):
            self.wrap(tag, "b")
        elif name in ITALIC:
            self.wrap(tag, "i")
        elif name == "a":
            self.link(tag)
        elif name == "img":
            self.image(tag.get("src", ""), tag.get("alt", "") or tag.get("title", ""))
        elif name == "iframe":
            self.embed(tag.get("src", ""))
        elif name in HEADINGS:
            self.heading(tag)
        elif name == "blockquote":
            self.quote(tag)
        elif name in ("ul", "ol"):
            self.listing(tag)
        elif name == "table" and "tr-caption-container" in tag.get("class", []):
            self.captioned_image(tag)
        elif name in UNWRAP:
            self.walk(tag)
        else:
            # div, p, center, table and anything unknown: a block boundary.
            self.flush()
            self.walk(tag)
            self.flush()

    def wrap(self, tag, inline_tag):
        self.inline.append(f"<{inline_tag}>")
        self.walk(tag)
        self.inline.append(f"</{inline_tag}>")

    def link(self, tag):
        images = tag.find_all("img")
        if images and not tag.get_text(strip=True):
            # Blogger wraps each image in a link to its full-size file.
            for image in images:
                self.image(tag.get("href", "") or image.get("src", ""), image.get("alt", ""))
            return
        href = tag.get("href", "").strip()
        if href:
            self.inline.append(f'<a href="{html.escape(href)}">')
        self.walk(tag)
        if href:
            self.inline.append("</a>")

    def image(self, url, caption):
        url = url.strip()
        if url.startswith("//"):
            url = "https:" + url
        if urlparse(url).scheme not in ("http", "https"):
            return
        self.flush()
        caption = SPACE.sub(" ", caption).strip()[:CAPTION_LENGTH]
        label = html.escape(caption or url.rsplit("/", 1)[-1] or url, quote=False)
        block_id = self.add("paragraph", f'<p><a href="{html.escape(url)}">{label}</a></p>')
        self.images.append(ImageRef(block_id=block_id, url=url, caption=caption))

    def captioned_image(self, table):
        caption_cell = table.find(class_="tr-caption")
        caption = caption_cell.get_text(" ", strip=True) if caption_cell else ""
        image = table.find("img")
        if image is None:
            self.flush()
            self.walk(table)
            self.flush()
            return
        link = image.find_parent("a")
        self.image(link.get("href", "") if link is not None else image.get("src", ""), caption or image.get("alt", ""))

    def embed(self, src):
        url = embed_url(src.strip())
        if url:
            self.flush()
            self.add("embed", url)

    def heading(self, tag):
        self.flush()
        title = SPACE.sub(" ", tag.get_text(" ")).strip()
        if not title:
            return
        if len(title) <= HEADING_LENGTH:
            self.add("heading", title)
        else:
            self.add("paragraph", f"<p><b>{html.escape(title, quote=False)}</b></p>")

    def quote(self, tag):
        self.flush()
        quotation = plain_text(str(tag))
        if quotation:
            self.add("quote", {"text": quotation, "attribution": ""})

    def listing(self, tag):
        self.flush()
        markup = nh3.clean(
            str(tag),
            tags=INLINE_TAGS | {"ul", "ol", "li", "strong", "em"},
            attributes={"a": {"href"}},
            url_schemes=LINK_SCHEMES,
            link_rel=None,
            strip_comments=True,
        )
        markup = re.sub(r"<(/?)strong>", r"<\1b>", markup)
        markup = EMPTY_LINK.sub(r"\1", re.sub(r"<(/?)em>", r"<\1i>", markup))
        if BeautifulSoup(markup, "html.parser").get_text(strip=True):
            self.add("paragraph", SPACE.sub(" ", markup).strip())


def body_blocks(source):
    """``(blocks, images)``: the StreamField data for a Blogger body, and its images."""
    return BodyConverter().convert(source)


DROPPED_CONTENT = re.compile(r"<(script|style|noscript|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
LINE_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
BLOCK_END = re.compile(
    r"</(?:p|div|blockquote|li|h[1-6]|tr)\s*>|<(?:p|div|blockquote|li|h[1-6]|tr)\b[^>]*>", re.IGNORECASE
)
LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)</a\s*>""", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")


def link_text(match):
    href, label = html.unescape(match[2]).strip(), match[3]
    shown = TAG.sub("", label).strip()
    if href.startswith(("http://", "https://")) and href.rstrip("/") != html.unescape(shown).rstrip("/"):
        return f"{label} ({href})" if shown else href
    return label


def plain_text(source):
    """Blogger HTML (a comment, a quotation) as plain text with its line breaks.

    The result is text, never markup: every tag is removed and entities are
    decoded, so it is stored and escaped like anything a reader types.
    Regular expressions suffice for that and are much faster than a parser,
    which matters for a hundred thousand comments.
    """
    if "<" not in (source or "") and "&" not in (source or ""):
        text = source or ""
    else:
        text = DROPPED_CONTENT.sub("", source)
        text = LINE_BREAK.sub("\n", text)
        text = BLOCK_END.sub("\n\n", text)
        text = LINK.sub(link_text, text)
        text = html.unescape(TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
