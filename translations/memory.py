"""Translation memory: reviewed segment pairs, found again by exact or near source text.

Exact matches are looked up by the hash of the normalised source text. Near
matches compare the source text with entries of similar length in the same
language pair (``difflib`` ratio), newest first, within a bounded candidate
set so the cost stays flat as the memory grows.
"""

import difflib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F

from .models import MemoryEntry
from .richtext import looks_like_html
from .segments import HTML, TEXT, normalise, text_hash


@dataclass(frozen=True)
class Suggestion:
    source_text: str
    target_text: str
    score: float

    @property
    def percent(self):
        return round(self.score * 100)


def remember(source_language, target_language, source_text, target_text, kind="text"):
    """Store a reviewed pair; the newest translation of a source text wins."""
    if not normalise(source_text) or not normalise(target_text):
        return None
    entry, created = MemoryEntry.objects.get_or_create(
        source_language=source_language,
        target_language=target_language,
        source_hash=text_hash(source_text),
        defaults={
            "source_text": source_text,
            "target_text": target_text,
            "kind": kind,
            "length": len(_comparable(source_text)),
        },
    )
    if not created:
        MemoryEntry.objects.filter(pk=entry.pk).update(target_text=target_text, kind=kind, uses=F("uses") + 1)
    return entry


def exact_match(source_language, target_language, source_text):
    if not normalise(source_text):
        return None
    entry = (
        MemoryEntry.objects.filter(
            source_language=source_language, target_language=target_language, source_hash=text_hash(source_text)
        )
        .only("target_text")
        .first()
    )
    return entry.target_text if entry else None


def exact_matches(source_language, target_language, source_texts):
    """``{source text: target text}`` for every text the memory knows, in one query."""
    hashes = {text_hash(text): text for text in source_texts if normalise(text)}
    rows = MemoryEntry.objects.filter(
        source_language=source_language, target_language=target_language, source_hash__in=list(hashes)
    ).values_list("source_hash", "target_text")
    return {hashes[source_hash]: target for source_hash, target in rows}


def _comparable(text):
    """Text as compared for near matches: rich text in its canonical form, without block keys."""
    return normalise(text, HTML if looks_like_html(text) else TEXT)


def near_matches(source_language, target_language, source_text, limit=3):
    """Entries whose source text is similar (but not identical) to ``source_text``."""
    normalised = _comparable(source_text)
    if not normalised:
        return []
    # Below about 85 % similar, suggestions are noise ("Photo: Frontera" is not "About Frontera").
    threshold = getattr(settings, "TRANSLATIONS_MEMORY_NEAR_THRESHOLD", 0.85)
    candidates_limit = getattr(settings, "TRANSLATIONS_MEMORY_CANDIDATES", 500)
    length = len(normalised)
    candidates = (
        MemoryEntry.objects.filter(
            source_language=source_language,
            target_language=target_language,
            # difflib's ratio is at most 2·shorter/(both lengths), so outside this band it cannot reach the threshold.
            length__gte=int(length * threshold / (2 - threshold)),
            length__lte=int(length * (2 - threshold) / threshold) + 1,
        )
        .exclude(source_hash=text_hash(source_text))
        .order_by("-updated_at")
        .values_list("source_text", "target_text")[:candidates_limit]
    )
    scored = []
    for candidate_source, candidate_target in candidates:
        matcher = difflib.SequenceMatcher(None, normalised, _comparable(candidate_source), autojunk=False)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        score = matcher.ratio()
        if score >= threshold:
            scored.append(Suggestion(candidate_source, candidate_target, score))
    scored.sort(key=lambda suggestion: suggestion.score, reverse=True)
    return scored[:limit]
