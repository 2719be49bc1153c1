"""Demo states for seed_demo: one stale translation beside the seed's missing ones."""

from core.bilingual import raw_value
from translations.segments import stream_raw
from translations.status import page_status

STALE_ADDITION = " Officials promised new figures next week."


def seed_demo_translation_states(articles, stdout):
    """Leave one translated English-first article stale: edit its English body in a new revision.

    ``articles`` are the seeded ArticlePages in the demo content's
    order. The untranslated ones already show as missing. Safe to run again:
    an article that is already stale is left alone.
    """
    candidate = next(
        (
            article
            for article in articles
            if article.original_language == "en" and article.translation_ready and raw_value(article, "body", "es")
        ),
        None,
    )
    if candidate is None:
        stdout.write("No translated English article to make stale.")
        return None
    if page_status(candidate, "es").status == "stale":
        return candidate
    draft = candidate.specific.get_latest_revision_as_object()
    body = stream_raw(draft.body_en)
    paragraph = next((block for block in body if block["type"] == "paragraph"), None)
    if paragraph is None:
        return None
    paragraph["value"] = paragraph["value"].replace("</p>", STALE_ADDITION + "</p>", 1)
    draft.body_en = body
    draft.save_revision().publish()
    stdout.write(f"Edited the English text of “{draft.title}” after translation: its Spanish version is stale.")
    return candidate
