"""A comment's plain text as safe HTML: paragraphs, line breaks, web links.

Everything the reader typed is escaped; only http and https addresses become
links, so ``javascript:`` and other schemes stay inert text.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

LINK_PATTERN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'\u201c\u201d\u2018\u2019«»]+", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
TRAILING_PUNCTUATION = ".,;:!?¡¿…»)]}*"
LINK_ATTRIBUTES = 'rel="nofollow ugc noopener"'


def split_trailing(url):
    """Separate punctuation that ends a sentence from the address before it."""
    end = len(url)
    while end and url[end - 1] in TRAILING_PUNCTUATION:
        # Keep a closing parenthesis that belongs to the address, as on Wikipedia.
        if url[end - 1] == ")" and url[:end].count("(") >= url[:end].count(")"):
            break
        end -= 1
    return url[:end], url[end:]


def linkify(text):
    parts = []
    position = 0
    for match in LINK_PATTERN.finditer(text):
        url, trailing = split_trailing(match.group())
        if not url or url.lower() in ("http://", "https://", "www."):
            continue
        href = url if url.lower().startswith("http") else f"https://{url}"
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<a href="{escape(href)}" {LINK_ATTRIBUTES}>{escape(url)}</a>{escape(trailing)}')
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def render_body(text):
    """The body as ``<p>`` paragraphs with ``<br>`` line breaks and links."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [paragraph for paragraph in PARAGRAPH_BREAK.split(text) if paragraph.strip()]
    html = "".join(f"<p>{linkify(paragraph).replace(chr(10), '<br>')}</p>" for paragraph in paragraphs)
    # Every piece of reader text is escaped above.
    return mark_safe(html)
