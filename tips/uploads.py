"""Uploaded files: received in memory, checked against their type, cleaned.

Nothing a source uploads is written to disk by Django: ``TipUploadHandler``
keeps each file in memory up to the size limit and drops the rest of an
oversize file while the request is read, so the form can say why it refused
the file and keep the text that came with it. Accepted files are then
checked by content, not by name, and photos are rebuilt from their pixels.
"""

import contextlib
import io
import os
import warnings
import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from . import conf

try:  # Wagtail depends on pillow-heif; iPhones send HEIC photos.
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - an optional format
    register_heif_opener = None
else:
    register_heif_opener()


class KIND:
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    DOCUMENT = "document"


class RefusedUpload(UploadedFile):
    """A file part that was not kept: too large, or past the file count."""

    def __init__(self, name, size, reason, field_name):
        super().__init__(io.BytesIO(), name=name, size=size)
        self.reason = reason
        self.field_name = field_name


class TipUploadHandler(FileUploadHandler):
    """Keeps uploads in memory, never more than the limits allow.

    Django's default handlers spill large uploads into temporary files; for
    an encrypted tip line that would leave plaintext on disk before it is
    sealed. Memory use is bounded by ``TIPS_MAX_SUBMISSION_SIZE``: a file
    past ``TIPS_MAX_FILES``, past ``TIPS_MAX_FILE_SIZE`` or past the total
    is dropped as it streams in, and remembered only to say why. With
    ``keep_files`` false (a post over budget), every file is skipped.
    """

    def __init__(self, request=None, keep_files=True):
        super().__init__(request)
        self.keep_files = keep_files
        self.max_size = conf.max_file_size()
        self.max_total = conf.max_submission_size()
        self.max_files = conf.max_files()
        self.file_count = 0
        self.total = 0
        self.buffer = None
        self.received = 0
        self.refusal = None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if not self.keep_files:
            raise SkipFile
        self.file_count += 1
        self.received = 0
        self.refusal = None if self.file_count <= self.max_files else "count"
        self.buffer = io.BytesIO() if self.refusal is None else None

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.buffer is not None:
            if self.received > self.max_size:
                self.buffer = None
                self.refusal = "size"
            elif self.total + self.received > self.max_total:
                self.buffer = None
                self.refusal = "total"
            else:
                self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self.buffer is None:
            return RefusedUpload(self.file_name, self.received, self.refusal, self.field_name)
        self.total += file_size
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


@dataclass(frozen=True)
class CleanUpload:
    """A file that passed every check, ready to be stored."""

    data: bytes
    extension: str
    kind: str
    metadata_removed: bool


class UploadRefused(Exception):
    """A file the tip line does not accept; the message is for the source."""


# Photos: the Pillow format that must match, and how the clean copy is saved.
IMAGE_TYPES = {
    "jpg": ("JPEG", "JPEG", "jpg"),
    "jpeg": ("JPEG", "JPEG", "jpg"),
    "png": ("PNG", "PNG", "png"),
    "webp": ("WEBP", "WEBP", "webp"),
    "heic": ("HEIF", "JPEG", "jpg"),
}

BINARY_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\x7fELF", b"MZ", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


def _iso_media(data):
    return len(data) >= 12 and data[4:8] == b"ftyp"


def _quicktime(data):
    return len(data) >= 12 and data[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")


def _mp3(data):
    return data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def _office(member):
    """An Office Open XML file: a zip whose listing (never its content) is read."""

    def check(data):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return member in archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False

    return check


def _open_document(mimetype):
    def check(data):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                info = archive.getinfo("mimetype")
                if info.file_size > 100:
                    return False
                return archive.read("mimetype") == mimetype
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return False

    return check


def _plain_text(data):
    return b"\x00" not in data and not data.startswith(BINARY_SIGNATURES)


# Files stored as sent: the check their content must pass, and their kind.
OTHER_TYPES = {
    "mp4": (_iso_media, KIND.VIDEO),
    "mov": (_quicktime, KIND.VIDEO),
    "webm": (lambda data: data.startswith(b"\x1a\x45\xdf\xa3"), KIND.VIDEO),
    "mp3": (_mp3, KIND.AUDIO),
    "m4a": (_iso_media, KIND.AUDIO),
    "ogg": (lambda data: data.startswith(b"OggS"), KIND.AUDIO),
    "wav": (lambda data: data[:4] == b"RIFF" and data[8:12] == b"WAVE", KIND.AUDIO),
    "pdf": (lambda data: data.startswith(b"%PDF-"), KIND.DOCUMENT),
    "txt": (_plain_text, KIND.DOCUMENT),
    "docx": (_office("word/document.xml"), KIND.DOCUMENT),
    "xlsx": (_office("xl/workbook.xml"), KIND.DOCUMENT),
    "odt": (_open_document(b"application/vnd.oasis.opendocument.text"), KIND.DOCUMENT),
    "ods": (_open_document(b"application/vnd.oasis.opendocument.spreadsheet"), KIND.DOCUMENT),
}

CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def known_extensions():
    """Extensions both allowed by the settings and understood here."""
    return [ext for ext in conf.allowed_extensions() if ext in IMAGE_TYPES or ext in OTHER_TYPES]


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def check_upload(upload):
    """A ``CleanUpload`` for an acceptable file; ``UploadRefused`` otherwise."""
    name = os.path.basename(upload.name or "")
    if isinstance(upload, RefusedUpload) and upload.reason == "count":
        raise UploadRefused(_("You can send at most %(count)d files at once.") % {"count": conf.max_files()})
    if (isinstance(upload, RefusedUpload) and upload.reason == "size") or upload.size > conf.max_file_size():
        raise UploadRefused(
            _("“%(name)s” is too large: files can be at most %(size)s.")
            % {"name": name, "size": filesizeformat(conf.max_file_size())}
        )
    if isinstance(upload, RefusedUpload) and upload.reason == "total":
        raise UploadRefused(
            _("“%(name)s” was not received: all files together can be at most %(size)s.")
            % {"name": name, "size": filesizeformat(conf.max_submission_size())}
        )
    extension = extension_of(name)
    if extension not in known_extensions():
        raise UploadRefused(
            _("“%(name)s” is not a type of file we accept. Accepted: %(types)s.")
            % {"name": name, "types": ", ".join(known_extensions())}
        )
    upload.seek(0)
    data = upload.read()
    if extension in IMAGE_TYPES:
        cleaned, stored_extension = clean_image(data, extension, name)
        return CleanUpload(cleaned, stored_extension, KIND.IMAGE, metadata_removed=True)
    check, kind = OTHER_TYPES[extension]
    if not data or not check(data):
        raise UploadRefused(
            _("“%(name)s” does not contain what its name says (.%(extension)s). It was not accepted.")
            % {"name": name, "extension": extension}
        )
    return CleanUpload(data, extension, kind, metadata_removed=False)


def header_pixels(upload):
    """Pixels of an uploaded photo, read from its header alone; 0 for anything else."""
    extension = extension_of(os.path.basename(upload.name or ""))
    if extension not in IMAGE_TYPES or isinstance(upload, RefusedUpload):
        return 0
    try:  # Image.open reads from the start of the stream, wherever it stands
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload, formats=[IMAGE_TYPES[extension][0]]) as image:
                width, height = image.size
    except (Image.DecompressionBombError, UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return 0  # refused on its own by check_upload
    finally:
        upload.seek(0)
    return width * height


def check_pixel_total(uploads):
    """Refuses a set of photos whose pixels together are too many to rebuild in one request."""
    total = sum(header_pixels(upload) for upload in uploads)
    if total > conf.max_submission_pixels():
        raise UploadRefused(
            _(
                "These photos are too large together to be processed safely (%(megapixels)d megapixels; "
                "at most %(limit)d in one message). Send fewer photos, or smaller ones, in each message."
            )
            % {"megapixels": total // 1_000_000, "limit": conf.max_submission_pixels() // 1_000_000}
        )


def clean_image(data, extension, name):
    """The photo rebuilt from its pixels alone, and the extension it is saved as.

    Only the pixels are copied into a new image, so EXIF (GPS position,
    camera serial number, time), XMP, IPTC, ICC profiles and comments are
    left behind. The EXIF orientation is applied first so the photo still
    stands the right way up.

    Memory stays bounded: the size is read from the file's header and
    checked against ``TIPS_MAX_IMAGE_PIXELS`` before a single pixel is
    decoded (Pillow's decompression-bomb guard, turned from a warning into a
    refusal, backs it up), and at most two copies of the pixels exist at
    once: the decoded image and the clean one.
    """
    expected_format, save_format, stored_extension = IMAGE_TYPES[extension]
    too_large = UploadRefused(
        _("“%(name)s” is too large in pixels to be processed safely (at most %(megapixels)d megapixels).")
        % {"name": name, "megapixels": conf.max_image_pixels() // 1_000_000}
    )
    mismatch = UploadRefused(
        _("“%(name)s” does not contain what its name says (.%(extension)s). It was not accepted.")
        % {"name": name, "extension": extension}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[expected_format]) as image:
                # Image.open reads the header only: nothing is decoded yet.
                width, height = image.size
                if width * height > conf.max_image_pixels():
                    raise too_large
                # EXIF that is not TIFF inside has no orientation to apply; it is left behind anyway.
                with contextlib.suppress(SyntaxError):
                    ImageOps.exif_transpose(image, in_place=True)
                if image.mode.startswith("I"):
                    # 16-bit grey, scaled to 8 bits: converted as it is, every pixel above 255 turns white.
                    image = image.convert("I").point(lambda value: value / 256)
                # No format read here opens as "PA": a palette's transparency is in its info.
                has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
                mode = "RGBA" if has_alpha and save_format != "JPEG" else "RGB"
                if image.mode in ("L", "1", "I") and not has_alpha:
                    mode = "L"
                # A new image carries no info, EXIF or profile: only the pixels
                # are pasted in, converted to its mode by paste itself.
                clean = Image.new(mode, image.size)
                clean.paste(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_large from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise mismatch from None
    output = io.BytesIO()
    options = {"quality": 90} if save_format in ("JPEG", "WEBP") else {}
    clean.save(output, format=save_format, **options)
    return output.getvalue(), stored_extension
