"""Tip uploads at their edges: each accepted type by content, the limits, photo modes.

Written against the mutants ``make mutate MODULES=tips.uploads`` left alive;
each test states the behaviour a mutant broke. Everything here runs through
the module's public functions (``check_upload``, ``clean_image``,
``TipUploadHandler``), as the submission form does.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import SkipFile
from PIL import Image

from tips import uploads

from .conftest import minimal_pdf


def upload(name, data):
    return SimpleUploadedFile(name, data)


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODT = b"application/vnd.oasis.opendocument.text"
ODS = b"application/vnd.oasis.opendocument.spreadsheet"

# A file of each type as it really starts, and the kind it is stored as.
GOOD = {
    "clip.mp4": (b"\0\0\0\x18ftypmp42" + b"\0" * 16, "video"),
    "tiny.mp4": (b"\0\0\0\x0cftypmp42", "video"),  # 12 bytes: the shortest that holds a box header
    "tiny.mov": (b"\0\0\0\x0cmoovabcd", "video"),
    "clip.mov": (b"\0\0\0\x14moov" + b"\0" * 16, "video"),
    "wide.mov": (b"\0\0\0\x08wide" + b"\0" * 16, "video"),
    "free.mov": (b"\0\0\0\x08free" + b"\0" * 16, "video"),
    "skip.mov": (b"\0\0\0\x08skip" + b"\0" * 16, "video"),
    "data.mov": (b"\0\0\0\x08mdat" + b"\0" * 16, "video"),
    "ftyp.mov": (b"\0\0\0\x14ftypqt  " + b"\0" * 16, "video"),
    "clip.webm": (b"\x1a\x45\xdf\xa3" + b"\0" * 16, "video"),
    "tagged.mp3": (b"ID3\x04\0\0\0\0\0\0" + b"\0" * 16, "audio"),
    "frame.mp3": (b"\xff\xfb\x90\x64" + b"\0" * 16, "audio"),
    "frame2.mp3": (b"\xff\xe0" + b"\0" * 16, "audio"),
    "sync.mp3": (b"\xff\xfb", "audio"),  # the check reads two bytes: a frame sync alone is enough
    "voice.m4a": (b"\0\0\0\x20ftypM4A " + b"\0" * 16, "audio"),
    "voice.ogg": (b"OggS" + b"\0" * 16, "audio"),
    "voice.wav": (b"RIFF\x24\0\0\0WAVEfmt " + b"\0" * 16, "audio"),
    "doc.pdf": (minimal_pdf(), "document"),
    "notes.txt": ("Camionetas sin placas en Niños Héroes, 3 a. m.\n".encode(), "document"),
    "letter.docx": (zipped({"[Content_Types].xml": "<x/>", "word/document.xml": "<w/>"}), "document"),
    "sheet.xlsx": (zipped({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<w/>"}), "document"),
    "letter.odt": (zipped({"mimetype": ODT, "content.xml": "<x/>"}), "document"),
    "sheet.ods": (zipped({"mimetype": ODS, "content.xml": "<x/>"}), "document"),
}

# A file whose content is not what its name says.
BAD = {
    "short.mp4": b"\0\0\0\x18ftyp",  # 8 bytes: too short to hold a box
    "moov.mp4": b"\0\0\0\x14moov" + b"\0" * 16,  # QuickTime, not ISO media
    "other.mov": b"\0\0\0\x14abcd" + b"\0" * 16,
    "short.mov": b"\0\0\0\x14moo",
    "clip.webm": b"\x1a\x45\xdf" + b"\0" * 16,
    "text.mp3": b"Just some words" + b"\0" * 4,
    "nosync.mp3": b"\xff\x10" + b"\0" * 16,  # 0xFF without the frame-sync bits
    "lone.mp3": b"\xff",
    "short.m4a": b"\0\0\0\x20ftyp",
    "voice.ogg": b"OggX" + b"\0" * 16,
    "voice.wav": b"RIFF\x24\0\0\0AVI " + b"\0" * 16,
    "riff.wav": b"RIFX\x24\0\0\0WAVE" + b"\0" * 16,
    "doc.pdf": b"%PDF" + b"\0" * 16,
    "nul.txt": b"words\0more words",
    "elf.txt": b"\x7fELF" + b"text" * 4,
    "zip.txt": b"PK\x03\x04" + b"text" * 4,
    "exe.txt": b"MZ" + b"text" * 4,
    "png.txt": b"\x89PNG" + b"text" * 4,
    "jpeg.txt": b"\xff\xd8\xff" + b"text" * 4,
    "gif.txt": b"GIF8" + b"text" * 4,
    "pdf.txt": b"%PDF-1.4 text",
    "empty.txt": b"",
    "empty.pdf": b"",
    "letter.docx": zipped({"xl/workbook.xml": "<w/>"}),  # a spreadsheet named as a letter
    "sheet.xlsx": zipped({"word/document.xml": "<w/>"}),
    "broken.docx": b"PK\x03\x04 not really a zip",
    "letter.odt": zipped({"mimetype": ODS}),
    "sheet.ods": zipped({"mimetype": ODT}),
    "nomime.odt": zipped({"content.xml": "<x/>"}),
    "big.odt": zipped({"mimetype": ODT + b" " * 100}),  # a mimetype entry of over 100 bytes
    "broken.ods": b"PK\x03\x04 not really a zip",
}


@pytest.mark.parametrize("name", GOOD)
def test_each_accepted_type_is_stored_as_sent(name):
    data, kind = GOOD[name]
    clean = uploads.check_upload(upload(name, data))
    assert clean == uploads.CleanUpload(data, name.rsplit(".", 1)[1], kind, metadata_removed=False)


@pytest.mark.parametrize("name", BAD)
def test_content_that_is_not_what_the_name_says_is_refused(name):
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check_upload(upload(name, BAD[name]))
    extension = name.rsplit(".", 1)[1]
    assert str(refused.value) == f"“{name}” does not contain what its name says (.{extension}). It was not accepted."


def test_the_type_is_read_from_the_last_extension_whatever_its_case_and_folder():
    clean = uploads.check_upload(upload("../../Carpeta/Informe.Final.PDF", minimal_pdf()))
    assert (clean.extension, clean.kind) == ("pdf", "document")
    assert uploads.extension_of("a.tar.GZ") == "gz"
    assert uploads.extension_of("") == uploads.extension_of(None) == ""
    assert uploads.extension_of("README") == ""


def test_an_unknown_or_disallowed_type_names_what_is_accepted(settings):
    settings.TIPS_ALLOWED_EXTENSIONS = ("PDF", ".txt", "exe", "png")
    assert uploads.known_extensions() == ["pdf", "txt", "png"]
    for name in ("tool.exe", "clip.mp4", "noextension"):
        with pytest.raises(uploads.UploadRefused) as refused:
            uploads.check_upload(upload(name, b"%PDF-1.4"))
        assert str(refused.value) == f"“{name}” is not a type of file we accept. Accepted: pdf, txt, png."


def test_every_default_type_is_understood():
    assert uploads.known_extensions() == [
        "jpg", "jpeg", "png", "webp", "heic", "mp4", "mov", "webm", "mp3", "m4a",
        "ogg", "wav", "pdf", "txt", "docx", "xlsx", "odt", "ods",
    ]  # fmt: skip


def test_a_file_over_the_size_limit_is_refused_at_one_byte_over(settings):
    settings.TIPS_MAX_FILE_SIZE = 1000
    uploads.check_upload(upload("exact.txt", b"x" * 1000))
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check_upload(upload("over.txt", b"x" * 1001))
    assert str(refused.value) == "“over.txt” is too large: files can be at most 1000\xa0bytes."


def test_refused_parts_say_why(settings):
    settings.TIPS_MAX_FILES = 2
    settings.TIPS_MAX_FILE_SIZE = 2048
    settings.TIPS_MAX_SUBMISSION_SIZE = 4096
    reasons = {
        "count": "You can send at most 2 files at once.",
        "size": "“a.txt” is too large: files can be at most 2.0\xa0KB.",
        "total": "“a.txt” was not received: all files together can be at most 4.0\xa0KB.",
    }
    for reason, message in reasons.items():
        with pytest.raises(uploads.UploadRefused) as refused:
            uploads.check_upload(uploads.RefusedUpload("folder/a.txt", 10, reason, "files"))
        assert str(refused.value) == message


def test_a_refused_upload_remembers_its_name_size_reason_and_field():
    refused = uploads.RefusedUpload("a.pdf", 123, "size", "files")
    assert (refused.name, refused.size, refused.reason, refused.field_name) == ("a.pdf", 123, "size", "files")
    assert refused.read() == b""


def handler(settings, *, keep_files=True, files=2, size=10, total=15):
    settings.TIPS_MAX_FILES = files
    settings.TIPS_MAX_FILE_SIZE = size
    settings.TIPS_MAX_SUBMISSION_SIZE = total
    return uploads.TipUploadHandler(None, keep_files=keep_files)


def stream(receiver, name, chunks):
    receiver.new_file("files", name, "application/octet-stream", sum(map(len, chunks)), "utf-8", {"a": 1})
    start = 0
    for chunk in chunks:
        assert receiver.receive_data_chunk(chunk, start) is None
        start += len(chunk)
    return receiver.file_complete(start)


def test_the_handler_keeps_files_in_memory_up_to_each_limit(settings):
    receiver = handler(settings)
    first = stream(receiver, "a.txt", [b"12345", b"67890"])  # exactly the file limit
    assert isinstance(first, uploads.InMemoryUploadedFile) and not isinstance(first, uploads.RefusedUpload)
    assert first.read() == b"1234567890"
    assert (first.name, first.size, first.field_name, first.charset) == ("a.txt", 10, "files", "utf-8")
    assert first.content_type == "application/octet-stream" and first.content_type_extra == {"a": 1}
    second = stream(receiver, "b.txt", [b"12345"])  # exactly the total
    assert second.read() == b"12345"
    third = stream(receiver, "c.txt", [b"1"])  # one file too many
    assert isinstance(third, uploads.RefusedUpload)
    assert (third.name, third.size, third.reason, third.field_name) == ("c.txt", 1, "count", "files")


def test_the_handlers_total_adds_up_every_file_kept(settings):
    receiver = handler(settings, files=3, size=10, total=15)
    stream(receiver, "a.txt", [b"12345"])
    stream(receiver, "b.txt", [b"12345"])
    refused = stream(receiver, "c.txt", [b"123456"])  # 16 bytes with the two before it
    assert isinstance(refused, uploads.RefusedUpload) and refused.reason == "total"


def test_the_handler_drops_a_file_one_byte_over_its_limit(settings):
    receiver = handler(settings)
    refused = stream(receiver, "big.txt", [b"12345", b"678901"])
    assert isinstance(refused, uploads.RefusedUpload)
    assert (refused.reason, refused.size) == ("size", 11)
    assert receiver.buffer is None
    kept = stream(receiver, "next.txt", [b"1234567890"])  # the dropped file used none of the total
    assert kept.read() == b"1234567890"


def test_the_handler_drops_a_file_one_byte_over_the_total(settings):
    receiver = handler(settings, files=3)
    stream(receiver, "a.txt", [b"1234567890"])
    refused = stream(receiver, "b.txt", [b"123", b"456"])
    assert isinstance(refused, uploads.RefusedUpload)
    assert (refused.reason, refused.size) == ("total", 6)
    kept = stream(receiver, "c.txt", [b"12345"])
    assert kept.read() == b"12345"


def test_a_post_over_budget_skips_every_file(settings):
    receiver = handler(settings, keep_files=False)
    with pytest.raises(SkipFile):
        receiver.new_file("files", "a.txt", "text/plain", 1, "utf-8")


def image_bytes(mode, size=(4, 3), fmt="PNG", color=None, **info):
    image = Image.new(mode, size, color if color is not None else 0)
    output = io.BytesIO()
    image.save(output, format=fmt, **info)
    return output.getvalue()


@pytest.mark.parametrize(
    ("mode", "extension", "fmt", "stored_mode", "stored_extension"),
    [
        ("RGBA", "png", "PNG", "RGBA", "png"),
        ("LA", "png", "PNG", "RGBA", "png"),
        ("RGB", "png", "PNG", "RGB", "png"),
        ("L", "png", "PNG", "L", "png"),
        ("1", "png", "PNG", "L", "png"),
        ("I;16", "png", "PNG", "L", "png"),
        ("P", "png", "PNG", "RGB", "png"),
        ("RGBA", "webp", "WEBP", "RGBA", "webp"),
        ("RGB", "webp", "WEBP", "RGB", "webp"),
        ("L", "jpg", "JPEG", "L", "jpg"),
        ("RGB", "jpeg", "JPEG", "RGB", "jpg"),
        ("CMYK", "jpg", "JPEG", "RGB", "jpg"),
    ],
)
def test_photos_keep_their_colours_and_transparency(mode, extension, fmt, stored_mode, stored_extension):
    data, stored = uploads.clean_image(image_bytes(mode, fmt=fmt), extension, f"photo.{extension}")
    assert stored == stored_extension
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.format == {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[stored_extension]
        assert clean.mode == stored_mode
        assert clean.size == (4, 3)


def test_a_palette_png_with_a_transparent_colour_keeps_its_transparency():
    image = Image.new("P", (4, 3), 1)
    image.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    output = io.BytesIO()
    image.save(output, format="PNG", transparency=1)
    data, _extension = uploads.clean_image(output.getvalue(), "png", "p.png")
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.mode == "RGBA"
        assert clean.getpixel((0, 0)) == (0, 255, 0, 0)


def test_pixels_survive_the_rebuild():
    image = Image.new("RGB", (2, 1))
    image.putpixel((0, 0), (250, 10, 10))
    image.putpixel((1, 0), (10, 10, 250))
    output = io.BytesIO()
    image.save(output, format="PNG")
    data, _extension = uploads.clean_image(output.getvalue(), "png", "p.png")
    with Image.open(io.BytesIO(data)) as clean:
        assert [clean.getpixel((0, 0)), clean.getpixel((1, 0))] == [(250, 10, 10), (10, 10, 250)]


@pytest.mark.parametrize(("extension", "fmt"), [("jpg", "JPEG"), ("webp", "WEBP")])
def test_jpeg_and_webp_are_saved_at_quality_90(extension, fmt):
    photo = Image.effect_noise((64, 64), 60).convert("RGB")
    source = io.BytesIO()
    photo.save(source, format=fmt, quality=100)
    data, _extension = uploads.clean_image(source.getvalue(), extension, f"noise.{extension}")
    expected = io.BytesIO()
    with Image.open(io.BytesIO(source.getvalue())) as decoded:
        clean = Image.new("RGB", decoded.size)
        clean.paste(decoded)
    clean.save(expected, format=fmt, quality=90)
    assert data == expected.getvalue()


def test_a_transparent_heic_photo_is_stored_as_an_opaque_jpeg():
    """iPhones send HEIC, which can hold transparency; JPEG cannot, so it is dropped."""
    data, extension = uploads.clean_image(
        image_bytes("RGBA", fmt="HEIF", color=(10, 200, 30, 128)), "heic", "IMG_0001.heic"
    )
    assert extension == "jpg"
    with Image.open(io.BytesIO(data)) as clean:
        assert (clean.format, clean.mode, clean.size) == ("JPEG", "RGB", (4, 3))


@pytest.mark.parametrize(("name", "fmt"), [("a.png", "PNG"), ("b.jpg", "JPEG"), ("c.webp", "WEBP"), ("d.heic", "HEIF")])
def test_a_photos_pixels_are_read_from_its_header_wherever_the_stream_stands(name, fmt):
    photo = upload(name, image_bytes("RGB", size=(30, 20), fmt=fmt))
    photo.read()  # an earlier reader left the stream at its end
    assert uploads.header_pixels(photo) == 600
    assert photo.read() == photo.file.getvalue()  # and the next reader finds it from the start


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.pdf", minimal_pdf()),  # not a photo
        ("photo.png", image_bytes("RGB", size=(30, 20), fmt="JPEG")),  # a photo, but not what its name says
        ("photo.jpg", b"\xff\xd8\xff\xe0 truncated"),
    ],
)
def test_a_file_that_is_not_the_photo_it_claims_adds_no_pixels(name, data):
    assert uploads.header_pixels(upload(name, data)) == 0


def test_a_16_bit_grey_photo_keeps_its_shades():
    image = Image.new("I;16", (3, 1))
    for x, value in enumerate((0, 32768, 65535)):
        image.putpixel((x, 0), value)
    output = io.BytesIO()
    image.save(output, format="PNG")
    data, _extension = uploads.clean_image(output.getvalue(), "png", "grey16.png")
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.mode == "L"
        assert [clean.getpixel((x, 0)) for x in range(3)] == [0, 128, 255]


@pytest.mark.parametrize(("extension", "fmt"), [("png", "PNG"), ("webp", "WEBP")])
def test_a_photo_whose_exif_is_not_tiff_is_accepted_as_it_stands(extension, fmt):
    data, _extension = uploads.clean_image(
        image_bytes("RGB", fmt=fmt, color=(200, 20, 20), exif=b"XX*\x00\x08\x00\x00\x00"), extension, f"x.{extension}"
    )
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.size == (4, 3) and not clean.getexif()
        assert b"XX*" not in data


def test_a_photo_with_broken_exif_is_still_accepted_and_cleaned():
    """Phones and editors write malformed EXIF; Pillow only warns, and so must the cleaning."""
    broken_exif = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\xff\x01\x02"
    data, _extension = uploads.clean_image(
        image_bytes("RGB", fmt="JPEG", color=(200, 20, 20), exif=broken_exif), "jpg", "broken.jpg"
    )
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.size == (4, 3)
        assert b"Exif" not in data


def test_the_exif_orientation_is_applied_before_the_metadata_is_dropped():
    image = Image.new("RGB", (4, 2), (255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes())
    data, _extension = uploads.clean_image(output.getvalue(), "jpg", "turned.jpg")
    with Image.open(io.BytesIO(data)) as clean:
        assert clean.size == (2, 4)
        assert not clean.getexif()


def test_the_pixel_limit_is_inclusive_and_named_in_megapixels(settings):
    settings.TIPS_MAX_IMAGE_PIXELS = 2_000_000
    uploads.clean_image(image_bytes("L", size=(2000, 1000)), "png", "exact.png")
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.clean_image(image_bytes("L", size=(2000, 1001)), "png", "over.png")
    assert str(refused.value) == ("“over.png” is too large in pixels to be processed safely (at most 2 megapixels).")


def test_pillows_own_bomb_guard_becomes_the_same_refusal(settings, monkeypatch):
    settings.TIPS_MAX_IMAGE_PIXELS = 10**12
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # a warning above 1000, an error above 2000
    for size in ((40, 30), (50, 50)):
        with pytest.raises(uploads.UploadRefused) as refused:
            uploads.clean_image(image_bytes("L", size=size), "png", "bomb.png")
        assert "too large in pixels" in str(refused.value)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", image_bytes("RGB", fmt="JPEG")),  # a JPEG named .png
        ("photo.jpg", image_bytes("RGB", fmt="PNG")),
        ("photo.webp", b"RIFF\0\0\0\0WEBPVP8 "),
        ("photo.jpg", b"\xff\xd8\xff\xe0 truncated"),
        ("photo.heic", image_bytes("RGB", fmt="JPEG")),
        ("photo.png", b""),
    ],
)
def test_a_photo_that_is_not_what_its_name_says_is_refused(name, data):
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check_upload(upload(name, data))
    extension = name.rsplit(".", 1)[1]
    assert str(refused.value) == f"“{name}” does not contain what its name says (.{extension}). It was not accepted."


def test_an_accepted_photo_is_marked_as_cleaned():
    clean = uploads.check_upload(upload("photo.JPEG", image_bytes("RGB", fmt="JPEG")))
    assert (clean.extension, clean.kind, clean.metadata_removed) == ("jpg", "image", True)
    assert clean.data.startswith(b"\xff\xd8\xff")
