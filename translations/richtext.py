"""Rich text reduced to what a reader sees, so editor bookkeeping never counts as a change.

Draftail rewrites stored HTML whenever a page is saved in the admin: it gives
every block a random ``data-block-key``, turns ``<strong>``/``<em>`` into
``<b>``/``<i>``, ``&nbsp;`` into the character and wraps bare text in a
paragraph. None of that is visible to a reader, so fingerprints, comparisons
and markup checks work on :func:`canonical_html` instead of the stored text.
"""

import html
import re
from html.parser import HTMLParser

# Tags Draftail writes for the same formatting under another name.
TAG_ALIASES = {"strong": "b", "em": "i"}
VOID_TAGS = {"br", "hr", "img", "embed", "wbr", "input", "meta", "link", "source", "area", "col", "base", "param"}
BLOCK_TAGS = {"p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "embed", "hr", "pre"}
TAG_RE = re.compile(r"<[a-zA-Z/!][^>]*>")


def is_editor_attribute(name):
    """Attributes the editor keeps for itself (block keys and other ``data-*``), invisible to readers."""
    return name.startswith("data-")


def canonical_tag(tag):
    tag = tag.lower()
    return TAG_ALIASES.get(tag, tag)


def visible_attributes(attrs):
    return tuple(sorted((name.lower(), value or "") for name, value in attrs if not is_editor_attribute(name.lower())))


class _Canonicaliser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.has_block = False

    def _start(self, tag, attrs):
        tag = canonical_tag(tag)
        if tag in BLOCK_TAGS:
            self.has_block = True
        rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in visible_attributes(attrs))
        self.parts.append(f"<{tag}{rendered}/>" if tag in VOID_TAGS else f"<{tag}{rendered}>")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        tag = canonical_tag(tag)
        if tag not in VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_endtag(self, tag):
        tag = canonical_tag(tag)
        if tag not in VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(html.escape(data, quote=False))


def canonical_html(text):
    """``text`` with editor-only attributes dropped, tags, entities and void tags written one way.

    Bare text (no block element) is wrapped in a paragraph, as Draftail does.
    """
    text = str(text or "")
    if not text.strip():
        return ""
    parser = _Canonicaliser()
    parser.feed(text)
    parser.close()
    result = "".join(parser.parts)
    if not parser.has_block:
        result = f"<p>{result}</p>"
    return result


def looks_like_html(text):
    return bool(TAG_RE.search(text or ""))
