"""Word-level diffs of source text, safe to show in the admin, and markup checks."""

import difflib
import html as html_lib
import re
from collections import Counter
from html.parser import HTMLParser

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .richtext import canonical_html, canonical_tag, looks_like_html, visible_attributes

TOKEN_RE = re.compile(r"<[^>]+>|\s+|[^\s<]+")
HIDDEN_MARKUP_RE = re.compile(r"<[!?]")


def tokens(text):
    """Words, spaces and tags of ``text``; rich text in its canonical form, entities decoded."""
    if not looks_like_html(text):
        return TOKEN_RE.findall(text or "")
    return [
        token if token.startswith("<") else html_lib.unescape(token) for token in TOKEN_RE.findall(canonical_html(text))
    ]


def _render(token, tag=None):
    is_markup = token.startswith("<")
    html = format_html('<span class="tr-markup">{}</span>', token) if is_markup else escape(token)
    if tag and token.strip():
        return format_html("<{}>{}</{}>", tag, html, tag)
    return html


def highlight(old, new):
    """``new`` with words added since ``old`` in <ins> and removed ones in <del>.

    Everything is escaped: markup shows as visible, muted tags, so a change
    of link target is as visible as a change of word.
    """
    old_tokens, new_tokens = tokens(old), tokens(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.extend(_render(token) for token in new_tokens[new_start:new_end])
            continue
        if operation in ("delete", "replace"):
            parts.extend(_render(token, "del") for token in old_tokens[old_start:old_end])
        if operation in ("insert", "replace"):
            parts.extend(_render(token, "ins") for token in new_tokens[new_start:new_end])
    return mark_safe("".join(str(part) for part in parts))


def show(text):
    """Text with markup shown as muted, escaped tags."""
    return mark_safe("".join(str(_render(token)) for token in tokens(text)))


LINK_SCHEMES = {"", "http", "https", "mailto", "tel"}


def is_web_address(href):
    """True for a relative, web, mail or phone address; false for ``javascript:``, ``data:`` and the like.

    Browsers ignore control characters and spaces inside a scheme
    (``java\tscript:``), so they are dropped before it is read.
    """
    compact = re.sub(r"[\x00-\x20\x7f]", "", href or "").lower()
    scheme, colon, _rest = compact.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True  # no scheme: a relative address
    return scheme in LINK_SCHEMES


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()

    def handle_starttag(self, tag, attrs):
        tag = canonical_tag(tag)
        attributes = visible_attributes(attrs)
        names = {name for name, _value in attributes}
        if tag == "a" and "linktype" not in names:
            # An external link may point at the target language's version of the other site,
            # by web, mail or phone address: never a script.
            attributes = tuple(
                (name, "" if name == "href" and is_web_address(value) else value) for name, value in attributes
            )
        self.tags[(tag, attributes)] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.tags[("/" + canonical_tag(tag), ())] += 1


def markup(text):
    collector = _TagCollector()
    collector.feed(canonical_html(text))
    collector.close()
    return collector.tags


def markup_matches(source, target):
    """True when ``target`` uses the tags, links and attributes of ``source`` a reader would see.

    Internal links (``linktype="page" id=…``) must stay as they are: Wagtail
    renders them as the reader's language's URL of the page. External links
    may change address (a localised version of the same document).

    A comment, CDATA section or other declaration is never accepted: parsers
    disagree on where some end (``<!-->``, ``<![CDATA[``), so markup hidden
    in one from this check could reach readers as real tags.
    """
    if HIDDEN_MARKUP_RE.search(target or ""):
        return False
    return markup(source) == markup(target)
