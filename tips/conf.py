"""The tip line's settings, each read when it is needed, with its default.

Reading at call time (never at import) lets tests and operators change a
limit without restarting anything that imported this module.
"""

from pathlib import Path

from django.conf import settings

DEFAULT_ALLOWED_EXTENSIONS = (
    # Photos: rebuilt from their pixels, so their metadata is removed.
    "jpg",
    "jpeg",
    "png",
    "webp",
    "heic",
    # Video and audio: stored as sent (metadata cannot be removed here).
    "mp4",
    "mov",
    "webm",
    "mp3",
    "m4a",
    "ogg",
    "wav",
    # Documents: stored as sent.
    "pdf",
    "txt",
    "docx",
    "xlsx",
    "odt",
    "ods",
)


def storage_root():
    """Where uploaded files live: never under MEDIA_ROOT or STATIC_ROOT."""
    return Path(getattr(settings, "TIPS_STORAGE_ROOT", settings.BASE_DIR / "private" / "tips"))


def public_key_text():
    return (getattr(settings, "TIPS_PUBLIC_KEY", "") or "").strip()


def max_files():
    return int(getattr(settings, "TIPS_MAX_FILES", 5))


def max_file_size():
    """Largest accepted file, in bytes (25 MB by default)."""
    return int(getattr(settings, "TIPS_MAX_FILE_SIZE", 25 * 1024 * 1024))


def max_image_pixels():
    """Largest accepted photo, in pixels (50 megapixels by default)."""
    return int(getattr(settings, "TIPS_MAX_IMAGE_PIXELS", 50_000_000))


def allowed_extensions():
    return tuple(
        ext.lower().lstrip(".") for ext in getattr(settings, "TIPS_ALLOWED_EXTENSIONS", DEFAULT_ALLOWED_EXTENSIONS)
    )


def max_message_length():
    return int(getattr(settings, "TIPS_MAX_MESSAGE_LENGTH", 20_000))


def form_max_age():
    """Seconds a rendered tip form stays valid (six hours by default)."""
    return int(getattr(settings, "TIPS_FORM_MAX_AGE", 6 * 60 * 60))


def codename_pepper():
    """Extra salt mixed into codename hashes; changing it orphans every codename."""
    return getattr(settings, "TIPS_CODENAME_PEPPER", "") or ""


def notification_max_delay():
    """Upper bound, in seconds, of the random delay before editors are emailed."""
    return int(getattr(settings, "TIPS_NOTIFICATION_MAX_DELAY", 30 * 60))
