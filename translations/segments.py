"""The translatable text of a page, cut into segments and fingerprinted.

A segment is one translatable value: a plain field (``title``, ``dek``) or
one text leaf of a StreamField block (``body:<block id>`` for a paragraph,
``body:<block id>:caption`` for an image caption). Values are read in one
language without modeltranslation's fallback, so an empty Spanish field never
"equals" its English fallback.

Blocks are matched across languages by block id. Blocks that have no partner
with the same id (an editor added a block in each language, so Wagtail gave
each a new id) are paired in order, block type by block type, between the
nearest matched blocks; a block still left over on the source side is a new
source segment with no translation, one left over on the target side is
ignored unless the source once had it (then the source block was removed).
"""

import copy
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType

from django.conf import settings
from django.utils.text import slugify
from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.bilingual import has_text, raw_value

from .richtext import canonical_html, looks_like_html

TEXT = "text"
HTML = "html"
SEPARATOR = ":"

# Page fields modeltranslation registers that are addresses or metadata, not prose.
NON_PROSE_FIELDS = ("slug", "url_path", "seo_title", "search_description")


@dataclass(frozen=True)
class Segment:
    """One translatable value of a page in one language."""

    key: str
    field: str
    kind: str
    text: str
    block_id: str = ""
    block_type: str = ""
    path: tuple = ()
    position: int = 0

    @property
    def fingerprint(self):
        return fingerprint(self.text, self.kind)

    @property
    def label(self):
        return segment_label(self.field, self.block_type, self.path, self.position)


def segment_label(field, block_type="", path=(), position=0):
    parts = [str(field).replace("_", " ")]
    if block_type:
        parts.append(f"{block_type.replace('_', ' ')} {position}")
    parts.extend(str(part).replace("_", " ") for part in path if not _looks_like_id(part))
    return " / ".join(parts)


def _looks_like_id(value):
    return bool(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f-]{27}", str(value)))


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def source_language(page):
    """The language a page was written in (the site default for pages that do not say)."""
    return getattr(page, "original_language", None) or settings.LANGUAGE_CODE


def target_languages(page):
    source = source_language(page)
    return [code for code in language_codes() if code != source]


def translatable_fields(model):
    """The fields of ``model`` a translator translates, in reading order.

    Pages built on BilingualPageMixin say so in ``translated_fields``; other
    pages use what modeltranslation registers for them, minus addresses and
    search metadata.
    """
    declared = getattr(model, "translated_fields", None)
    if declared:
        return tuple(declared)
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    names = [name for name in options.get_field_names() if name not in NON_PROSE_FIELDS]
    return tuple(["title"] + [name for name in names if name != "title"]) if "title" in names else tuple(names)


def required_fields(model):
    return tuple(getattr(model, "required_fields", ("title",)))


def is_translatable(model):
    """True for page types with prose of their own beyond the page title."""
    return any(name != "title" for name in translatable_fields(model))


def normalise(text, kind=TEXT):
    """Text reduced to what a reader sees change: NFC, single spaces, trimmed.

    Rich text is first reduced to its canonical form, so the block keys and
    tag spellings the editor writes on every save are not a change.
    """
    text = unicodedata.normalize("NFC", str(text or ""))
    if kind == HTML:
        text = re.sub(r">\s+<", "><", canonical_html(text))
    return re.sub(r"\s+", " ", text).strip()


def fingerprint(text, kind=TEXT):
    normalised = normalise(text, kind)
    if not normalised:
        return ""
    return hashlib.sha256(f"{kind}\0{normalised}".encode()).hexdigest()[:32]


def text_hash(text):
    """Hash of a source text for the translation memory (rich text in its canonical form)."""
    return hashlib.sha256(normalise(text, HTML if looks_like_html(text) else TEXT).encode()).hexdigest()


def stream_raw(value):
    """A StreamField value as a list of ``{"type", "value", "id"}`` dicts.

    A model's StreamField is always a StreamValue: Wagtail converts a list
    assigned to it, and drops blocks of a type it no longer defines.
    """
    return [] if value is None else list(value.get_prep_value())


def _field(model, name):
    return model._meta.get_field(name)


def _walk_block(block, value, path):
    """(path, kind, text) for every text leaf of one block's raw value."""
    if isinstance(block, blocks.RichTextBlock):
        yield path, HTML, value if isinstance(value, str) else getattr(value, "source", "") or ""
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield path, TEXT, value or ""
    elif isinstance(block, blocks.StructBlock):
        value = value or {}
        for name, child in block.child_blocks.items():
            yield from _walk_block(child, value.get(name), (*path, name))
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value or []):
            if isinstance(item, dict) and "value" in item and "type" in item:
                yield from _walk_block(block.child_block, item["value"], (*path, item.get("id") or str(index)))
            else:
                yield from _walk_block(block.child_block, item, (*path, str(index)))
    elif isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(value or []):
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _walk_block(child_block, child.get("value"), (*path, child.get("id") or str(index)))


def stream_blocks(stream_block, raw):
    """(id, type, [(path, kind, text)]) for each top-level block of a stream."""
    result = []
    for index, item in enumerate(raw):
        child = stream_block.child_blocks.get(item.get("type"))
        if child is None:
            continue
        leaves = list(_walk_block(child, item.get("value"), ()))
        result.append((item.get("id") or f"position-{index}", item["type"], leaves))
    return result


def align_blocks(source_blocks, target_blocks, known_pairs=None):
    """Map target block id -> source block id.

    Equal ids pair first, then pairs recorded at the last confirmation
    (``known_pairs``, kept even when the source block has since been removed,
    so the removal shows). Between two consecutive matched pairs, the
    leftover blocks on each side pair in order when their types agree.
    """
    source_ids = {block_id for block_id, _type, _leaves in source_blocks}
    mapping = {block_id: block_id for block_id, _type, _leaves in target_blocks if block_id in source_ids}
    taken = set(mapping.values())
    for block_id, _type, _leaves in target_blocks:
        known = (known_pairs or {}).get(block_id)
        if block_id not in mapping and known and known not in taken:
            mapping[block_id] = known
            taken.add(known)
    # Anchors are pairs whose both blocks exist; pairs to removed source blocks are skipped.
    target_anchors = {target for target, source in mapping.items() if source in source_ids}
    source_anchors = {mapping[target] for target in target_anchors}
    skipped = set(mapping) - target_anchors

    def runs(sequence, anchors):
        groups, current = [], []
        for block_id, block_type, _leaves in sequence:
            if block_id in anchors:
                groups.append(current)
                current = []
            elif block_id not in skipped:
                current.append((block_id, block_type))
        groups.append(current)
        return groups

    source_runs = runs(source_blocks, source_anchors)
    target_runs = runs(target_blocks, target_anchors)
    if len(source_runs) == len(target_runs):
        for source_run, target_run in zip(source_runs, target_runs, strict=True):
            index = 0
            for target_id, target_type in target_run:
                while index < len(source_run) and source_run[index][1] != target_type:
                    index += 1
                if index >= len(source_run):
                    break
                mapping[target_id] = source_run[index][0]
                index += 1
    return mapping


class PageText:
    """A page's translatable text in every language, ready to compare.

    ``page`` may be a page built from a revision (the latest draft), which is
    what translators work on. ``pairs`` are the block pairs recorded at each
    language's last confirmation (``{language: {field: {target id: source
    id}}}``). Every language's segments are cut once, here; the object never
    changes afterwards, and ``using_pairs`` returns a new one.
    """

    def __init__(self, page, pairs=None):
        self.page = page
        self.model = type(page)
        self.fields = translatable_fields(self.model)
        self.source = source_language(page)
        self._pairs = {language: dict(value) for language, value in (pairs or {}).items() if value}
        streams = {
            (name, language): self._read_stream(name, language)
            for name in self.stream_fields()
            for language in language_codes()
        }
        self._alignment = {
            (name, language): self._align(streams, name, language)
            for name in self.stream_fields()
            for language in language_codes()
        }
        self._segments = {language: MappingProxyType(self._cut(streams, language)) for language in language_codes()}

    def __setattr__(self, name, value):
        if name in self.__dict__:
            raise AttributeError(f"PageText is immutable: {name} cannot be replaced")
        super().__setattr__(name, value)

    def pairs_for(self, language):
        return self._pairs.get(language, {})

    def using_pairs(self, language, pairs):
        """This text with ``language``'s recorded block pairs replaced (a new PageText, or this one if equal)."""
        if (pairs or {}) == self.pairs_for(language):
            return self
        return PageText(self.page, {**self._pairs, language: pairs or {}})

    def block_pairs(self, language):
        """The current pairs of differently-identified blocks, to record on confirmation."""
        return {
            name: {target: source for target, source in self.alignment(name, language).items() if target != source}
            for name in self.stream_fields()
        }

    def raw(self, field, language):
        return raw_value(self.page, field, language)

    def stream_fields(self):
        return [name for name in self.fields if isinstance(_field(self.model, name), StreamField)]

    def _read_stream(self, field, language):
        stream_block = _field(self.model, field).stream_block
        return stream_blocks(stream_block, stream_raw(self.raw(field, language)))

    def _align(self, streams, field, language):
        if language == self.source:
            return {block_id: block_id for block_id, _t, _l in streams[field, language]}
        return align_blocks(streams[field, self.source], streams[field, language], self.pairs_for(language).get(field))

    def alignment(self, field, language):
        """Target block id -> source block id for one StreamField."""
        return dict(self._alignment[field, language])

    def _cut(self, streams, language):
        result = {}
        for name in self.fields:
            field = _field(self.model, name)
            if isinstance(field, StreamField):
                mapping = self._alignment[name, language]
                positions = {}
                for block_id, block_type, leaves in streams[name, language]:
                    key_id = mapping.get(block_id, block_id)
                    positions[block_type] = positions.get(block_type, 0) + 1
                    for path, kind, text in leaves:
                        key = SEPARATOR.join([name, key_id, *path])
                        result[key] = Segment(
                            key, name, kind, text or "", key_id, block_type, tuple(path), positions[block_type]
                        )
            else:
                value = self.raw(name, language)
                kind = HTML if isinstance(field, RichTextField) else TEXT
                result[name] = Segment(name, name, kind, str(value or ""))
        return result

    def segments(self, language):
        """Ordered, read-only ``{key: Segment}`` of one language, keyed by source block ids."""
        return self._segments[language]

    def has_required(self, language):
        return all(has_text(self.raw(name, language)) for name in required_fields(self.model))

    def has_any(self, language):
        return any(normalise(segment.text) for segment in self.segments(language).values())


def _by_field(values):
    """``{segment key: value}`` as ``{field: {rest of the key: value}}``."""
    by_field = {}
    for key, value in values.items():
        field, _sep, rest = key.partition(SEPARATOR)
        by_field.setdefault(field, {})[rest] = value
    return by_field


def set_target_values(page, language, values, pairs=None):
    """Write ``{segment key: text}`` into ``page``'s ``language`` fields.

    Keys name source block ids; the text goes into the aligned target block,
    or into a new target block (a copy of the source block with the same id,
    its other text left empty) placed after the previous aligned block.
    """
    text = PageText(page, {language: pairs or {}})
    if language == text.source:
        # The original is written by its authors only, never by translation tooling.
        raise ValueError(f"{language} is the original language of page {page.pk}")
    for field_name, items in _by_field(values).items():
        field = _field(type(page), field_name)
        if not isinstance(field, StreamField):
            setattr(page, f"{field_name}_{language}", items[""])
            continue
        source_raw = stream_raw(text.raw(field_name, text.source))
        target_raw = copy.deepcopy(stream_raw(text.raw(field_name, language)))
        reverse = {source_id: target_id for target_id, source_id in text.alignment(field_name, language).items()}
        for rest, value in items.items():
            block_id, *path = rest.split(SEPARATOR)
            target_id = reverse.get(block_id)
            target_block = next((item for item in target_raw if item.get("id") == target_id), None)
            if target_block is None:
                source_block = next((item for item in source_raw if item.get("id") == block_id), None)
                if source_block is None:
                    continue
                target_block = _blank_copy(field.stream_block, source_block)
                _insert_in_order(target_raw, target_block, source_raw, reverse)
                reverse[block_id] = block_id
            target_block["value"] = _set_path(
                field.stream_block.child_blocks[target_block["type"]], target_block["value"], path, value
            )
        setattr(page, f"{field_name}_{language}", target_raw)
    if "title" in values:
        fill_slug(page, language)
    return page


def remove_target_values(page, language, keys, pairs=None):
    """Take the text of ``keys`` out of ``page``'s ``language`` fields: text the source no longer has.

    A plain field is emptied. In a StreamField, a block the source no longer
    has is removed once none of its text is left; otherwise only the named
    texts are emptied (the source emptied them, its block stays).
    """
    text = PageText(page, {language: pairs or {}})
    if language == text.source:
        raise ValueError(f"{language} is the original language of page {page.pk}")
    for field_name, rests in _by_field(dict.fromkeys(keys)).items():
        field = _field(type(page), field_name)
        if not isinstance(field, StreamField):
            setattr(page, f"{field_name}_{language}", "")
            continue
        alignment = text.alignment(field_name, language)
        source_ids = {item.get("id") for item in stream_raw(text.raw(field_name, text.source))}
        kept = []
        for item in copy.deepcopy(stream_raw(text.raw(field_name, language))):
            child = field.stream_block.child_blocks.get(item.get("type"))
            key_id = alignment.get(item.get("id"), item.get("id"))
            leaves = list(_walk_block(child, item.get("value"), ()))  # none for a block type no longer defined
            named = [path for path, _kind, _text in leaves if SEPARATOR.join([key_id, *path]) in rests]
            emptied = all(path in named or not normalise(leaf) for path, _kind, leaf in leaves)
            if named and emptied and key_id not in source_ids:
                continue  # the source removed the block: so does the translation
            for path in named:
                item["value"] = _set_path(child, item["value"], list(path), "")
            kept.append(item)
        setattr(page, f"{field_name}_{language}", kept)
    return page


def fill_slug(page, language):
    """Give ``page`` a ``language`` slug from its ``language`` title when it has none.

    Without one the translation would live at the original's address. The
    slug is made unique among the page's siblings.
    """
    field_name = f"slug_{language}"
    if not hasattr(page, field_name) or getattr(page, field_name) or page.pk is None:
        return
    base = slugify(getattr(page, f"title_{language}", "") or "", allow_unicode=False)[:240].strip("-")
    if not base:
        return
    siblings = Page.objects.sibling_of(page, inclusive=False)
    taken = set(siblings.values_list(field_name, flat=True)) | set(siblings.values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    setattr(page, field_name, candidate)


def _blank_copy(stream_block, source_block):
    block = copy.deepcopy(source_block)
    child = stream_block.child_blocks[block["type"]]
    for path, _kind, _text in list(_walk_block(child, block["value"], ())):
        block["value"] = _set_path(child, block["value"], list(path), "")
    return block


def _insert_in_order(target_raw, new_block, source_raw, reverse):
    """Insert ``new_block`` after the target block aligned to its preceding source block."""
    source_ids = [item.get("id") for item in source_raw]
    position = source_ids.index(new_block["id"])
    for previous in reversed(source_ids[:position]):
        target_id = reverse.get(previous)
        for index, item in enumerate(target_raw):
            if item.get("id") == target_id:
                target_raw.insert(index + 1, new_block)
                return
    target_raw.insert(0, new_block)


def _set_path(block, value, path, text):
    """``value`` (raw) with the leaf at ``path`` replaced by ``text``."""
    if not path:
        return text
    head, *rest = path
    if isinstance(block, blocks.StructBlock):
        value = dict(value or {})
        value[head] = _set_path(block.child_blocks[head], value.get(head), rest, text)
        return value
    if isinstance(block, blocks.ListBlock):
        items = list(value or [])
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("id") == head:
                item["value"] = _set_path(block.child_block, item["value"], rest, text)
                return items
            if str(index) == head:
                items[index] = _set_path(block.child_block, item, rest, text)
                return items
        return items
    if isinstance(block, blocks.StreamBlock):
        items = list(value or [])
        for item in items:
            if item.get("id") == head:
                item["value"] = _set_path(block.child_blocks[item["type"]], item["value"], rest, text)
        return items
    return value
