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
    return text is not None and TAG_RE.search(text) is not None


PLACEHOLDER_RE = re.compile(r"\{(/?)(\d+)(/?)\}")


class _Coder(HTMLParser):
    """Canonical rich text as text with numbered placeholders for its inline markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.codes, self.stack, self.next_id = [], {}, [], 1

    def handle_starttag(self, tag, attrs):
        rendered = _render_start(tag, attrs)
        number = str(self.next_id)
        self.next_id += 1
        if canonical_tag(tag) in VOID_TAGS:
            self.codes[number + "/"] = rendered
            self.parts.append("{" + number + "/}")
            return
        self.codes[number] = rendered
        self.stack.append((canonical_tag(tag), number))
        self.parts.append("{" + number + "}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        tag = canonical_tag(tag)
        if tag in VOID_TAGS or not self.stack or self.stack[-1][0] != tag:
            return
        _tag, number = self.stack.pop()
        self.codes["/" + number] = f"</{tag}>"
        self.parts.append("{/" + number + "}")

    def handle_data(self, data):
        self.parts.append(data)


def _render_start(tag, attrs):
    tag = canonical_tag(tag)
    rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in visible_attributes(attrs))
    return f"<{tag}{rendered}/>" if tag in VOID_TAGS else f"<{tag}{rendered}>"


def single_paragraph(canonical):
    """The inside of ``canonical`` when it is exactly one ``<p>`` with no other block, else None."""
    if canonical.startswith("<p>") and canonical.endswith("</p>"):
        inner = canonical[3:-4]
        if "</p>" not in inner and not any(f"<{tag}" in inner for tag in BLOCK_TAGS):
            return inner
    return None


def to_placeholders(text):
    """(text with ``{1}…{/1}`` and ``{2/}`` placeholders, ``{placeholder: markup}``) for rich text.

    A lone paragraph's ``<p>`` is left out: the translator sees only what is inside it.
    """
    canonical = canonical_html(text)
    inner = single_paragraph(canonical)
    coder = _Coder()
    coder.feed(inner if inner is not None else canonical)
    coder.close()
    codes = dict(coder.codes)
    if inner is not None:
        codes["wrapper"] = "p"
    return re.sub(r"\s+", " ", "".join(coder.parts)).strip(), codes


class PlaceholderError(ValueError):
    pass


def from_placeholders(text, codes):
    """Rich text from a translation that uses the source's placeholders, each exactly once, nested."""
    parts, stack, seen, position = [], [], set(), 0
    for match in PLACEHOLDER_RE.finditer(text):
        parts.append(html.escape(text[position : match.start()], quote=False))
        position = match.end()
        closing, number, void = match.groups()
        key = f"/{number}" if closing else f"{number}/" if void else number
        if key not in codes or key in seen:
            raise PlaceholderError(match.group(0))
        seen.add(key)
        if closing:
            if not stack or stack[-1] != number:
                raise PlaceholderError(match.group(0))
            stack.pop()
        elif not void:
            stack.append(number)
        parts.append(codes[key])
    parts.append(html.escape(text[position:], quote=False))
    # A placeholder left open leaves its closing one among the missing.
    missing = {key for key in codes if key != "wrapper"} - seen
    if missing:
        raise PlaceholderError(", ".join("{" + key + "}" for key in sorted(missing)))
    result = "".join(parts)
    return f"<p>{result}</p>" if codes.get("wrapper") == "p" else result


def renumber(target_html, source_codes):
    """A translation's rich text in placeholders numbered after the source's, or None if its markup differs."""
    target_text, target_codes = to_placeholders(target_html)
    # Codes pair by markup, so openings pair with openings, closings with
    # closings and the wrapper ("p") with the wrapper.
    by_markup = {}
    for key, markup in source_codes.items():
        by_markup.setdefault(markup, []).append(key)
    mapping = {}
    for key, markup in target_codes.items():
        candidates = by_markup.get(markup)
        if not candidates:
            return None
        mapping[key] = candidates.pop(0)

    def replace(match):
        closing, number, void = match.groups()
        key = number + "/" if void else number
        if key not in mapping:
            return match.group(0)
        new = mapping[key].rstrip("/")
        return "{" + closing + new + void + "}"

    if target_codes.get("wrapper") != source_codes.get("wrapper"):
        return None
    return PLACEHOLDER_RE.sub(replace, target_text)


def describe(codes):
    """``{1} = <b>, {/1} = </b>`` for a translator's comment."""
    return ", ".join("{" + key + "} = " + markup for key, markup in codes.items() if key != "wrapper")
