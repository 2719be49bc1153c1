"""Which of the site's two languages a comment is written in, detected offline."""

import functools

from core.bilingual import LanguageChoices

# Below this confidence (or for very short text) the interface language wins.
MIN_CONFIDENCE = 0.9
MIN_LETTERS = 3


@functools.cache
def identifier():
    """py3langid's model restricted to English and Spanish.

    Loading takes most of a second, so each process loads it once, on the
    first comment; the model is read-only afterwards.
    """
    # Imported on the first comment only: see above.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages([code for code, _label in LanguageChoices.choices])
    return model


def detect_language(text, fallback):
    """``en`` or ``es`` for ``text``; ``fallback`` when the text says too little."""
    if sum(character.isalpha() for character in text) < MIN_LETTERS:
        return fallback
    language, confidence = identifier().classify(text)
    if confidence < MIN_CONFIDENCE or language not in LanguageChoices.values:
        return fallback
    return language
