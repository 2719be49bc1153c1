"""A source sends a tip: what is stored, what is refused, what leaves no trace."""

import io
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from tips import crypto
from tips.models import Tip, TipFile, TipPage

from .conftest import (
    FORWARDED_FOR,
    REMOTE_ADDR,
    SOURCE_META,
    USER_AGENT,
    form_url,
    jpeg_with_metadata,
    minimal_pdf,
    run_sweep,
    stored_files,
    token_for,
)

pytestmark = pytest.mark.django_db


def post_tip(client, page, language="en", files=(), **fields):
    data = {
        "message": "The trucks cross at night.",
        "links": "",
        "reply": "none",
        "contact": "",
        "token": token_for(page),
    }
    data.update(fields)
    if files:
        data["files"] = list(files)
    return client.post(form_url(page, language), data, **SOURCE_META)


def dump_database():
    """Every row of every table, as text and as bytes."""
    text, raw = [], []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview | bytearray):
                        raw.append(bytes(value))
                    else:
                        text.append(str(value))
    return "\n".join(text), b"\n".join(raw)


def test_tip_is_stored_with_the_date_only(client, tip_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_tip(client, tip_page, message="Shipment on Tuesday.")
    assert response.status_code == 200
    assert "We received your tip" in response.content.decode()
    tip = Tip.objects.get()
    assert tip.message == "Shipment on Tuesday."
    assert tip.language == "en"
    assert tip.received_on is not None
    assert {field.get_internal_type() for field in Tip._meta.fields if "time" in field.name or "_on" in field.name} == {
        "DateField"
    }


def test_jpeg_is_stored_without_gps_xmp_icc_or_comment(client, tip_page, private_storage):
    original = jpeg_with_metadata()
    assert b"Exif" in original and b"XmpTelltaleAuthor" in original and b"CommentTelltale" in original
    upload = SimpleUploadedFile("IMG_20260301_221530.jpg", original, content_type="image/jpeg")
    response = post_tip(client, tip_page, files=[upload])
    assert response.status_code == 200
    run_sweep()
    stored = TipFile.objects.get()
    assert stored.metadata_removed and stored.kind == "image"
    files = stored_files(private_storage)
    assert len(files) == 1
    raw = files[0].read_bytes()
    for marker in (
        b"Exif",
        b"GPS",
        b"XmpTelltaleAuthor",
        b"adobe:ns:meta",
        b"CommentTelltale",
        b"ICC_PROFILE",
        b"TelltaleModel",
        b"TelltaleCameraMaker",
        b"IMG_20260301",
    ):
        assert marker not in raw, marker
    with Image.open(io.BytesIO(raw)) as image:
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert dict(image.getexif()) == {}
        assert image.getexif().get_ifd(0x8825) == {}
        assert "icc_profile" not in image.info and "comment" not in image.info and "xmp" not in image.info
    # The original file name is not kept anywhere.
    text, _raw = dump_database()
    assert "IMG_20260301" not in text


def test_source_addresses_are_in_no_table_and_no_log(client, tip_page, private_storage, caplog):
    caplog.set_level(logging.DEBUG)
    post_tip(client, tip_page, reply="codename", files=[SimpleUploadedFile("a.pdf", minimal_pdf())])
    post_tip(client, tip_page, message="", files=[SimpleUploadedFile("bad.jpg", minimal_pdf())])  # refused
    client.get(form_url(tip_page), **SOURCE_META)
    assert Tip.objects.count() == 1
    text, raw = dump_database()
    for trace in (REMOTE_ADDR, FORWARDED_FOR, USER_AGENT):
        assert trace not in text
        assert trace.encode() not in raw
    for path in stored_files(private_storage):
        assert REMOTE_ADDR.encode() not in path.read_bytes()
    records = caplog.text + "".join(repr(vars(record)) for record in caplog.records)
    for trace in (REMOTE_ADDR, FORWARDED_FOR, USER_AGENT):
        assert trace not in records
    assert not any(hasattr(record, "request") for record in caplog.records)


def test_file_modification_time_is_midnight(client, tip_page, private_storage):
    post_tip(client, tip_page, files=[SimpleUploadedFile("a.pdf", minimal_pdf())])
    run_sweep()
    (path,) = stored_files(private_storage)
    assert path.stat().st_mtime % 86400 == 0
    assert path.stat().st_mode & 0o077 == 0


def test_with_a_key_the_canary_is_sealed_and_decrypts(client, tip_page, keypair, private_storage):
    canary, file_canary = "CANARY-message-7f3a", "CANARY-file-91b2"
    upload = SimpleUploadedFile("notes.txt", f"Ledger: {file_canary}\n".encode())
    post_tip(client, tip_page, message=f"Look at {canary}", links=f"https://x.invalid/{canary}", files=[upload])
    text, raw = dump_database()
    for value in (canary, file_canary):
        assert value not in text
        assert value.encode() not in raw  # the file waiting for the sweep is sealed too
    run_sweep()
    text, raw = dump_database()
    for value in (canary, file_canary):
        assert value not in text
        assert value.encode() not in raw
    files = stored_files(private_storage)
    assert files
    for path in files:
        assert file_canary.encode() not in path.read_bytes()
    tip = Tip.objects.get()
    assert (
        tip.is_encrypted
        and tip.message == ""
        and tip.key_id == crypto.key_id(crypto.parse_public_key(keypair["public"]))
    )
    private_key = crypto.parse_private_key(keypair["private"])
    assert canary in tip.open_text(private_key)["message"]
    assert file_canary.encode() in tip.files.get().read(private_key)
    with pytest.raises(crypto.DecryptionFailed):
        tip.open_text(crypto.parse_private_key(crypto.generate_keypair()[0]))


@pytest.mark.parametrize("language", ["en", "es"])
def test_decompression_bomb_is_refused_and_the_text_kept(client, tip_page, png_bomb, private_storage, language):
    upload = SimpleUploadedFile("map.png", png_bomb, content_type="image/png")
    response = post_tip(client, tip_page, language=language, message="Texto que debe sobrevivir", files=[upload])
    page = response.content.decode()
    expected = {"en": "too large in pixels", "es": "demasiado grande en píxeles"}[language]
    assert expected in page
    assert "Texto que debe sobrevivir</textarea>" in page
    assert Tip.objects.count() == 0 and stored_files(private_storage) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_pdf_named_jpg_is_refused_and_the_text_kept(client, tip_page, private_storage, language):
    upload = SimpleUploadedFile("photo.jpg", minimal_pdf(), content_type="image/jpeg")
    response = post_tip(client, tip_page, language=language, message="Keep me please", files=[upload])
    page = response.content.decode()
    expected = {"en": "does not contain what its name says", "es": "no contiene lo que dice su nombre"}[language]
    assert expected in page
    assert "Keep me please</textarea>" in page
    assert Tip.objects.count() == 0 and stored_files(private_storage) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_oversize_file_is_refused_and_the_text_kept(client, tip_page, settings, private_storage, language):
    settings.TIPS_MAX_FILE_SIZE = 1000  # read when the request arrives
    upload = SimpleUploadedFile("big.pdf", minimal_pdf() + b"0" * 5000)
    response = post_tip(client, tip_page, language=language, message="Still here", files=[upload])
    page = response.content.decode()
    expected = {"en": "is too large: files can be at most", "es": "es demasiado grande: los archivos pueden pesar"}[
        language
    ]
    assert expected in page
    assert "Still here</textarea>" in page
    assert Tip.objects.count() == 0 and stored_files(private_storage) == []


def test_too_many_files_are_refused(client, tip_page, settings):
    settings.TIPS_MAX_FILES = 1
    files = [SimpleUploadedFile(f"{n}.pdf", minimal_pdf()) for n in range(2)]
    response = post_tip(client, tip_page, files=files)
    assert response.status_code == 400
    assert response.content.decode().count("at most 1 files") == 1  # said once, not again for the file left out
    assert Tip.objects.count() == 0


def test_unknown_type_is_refused(client, tip_page):
    response = post_tip(client, tip_page, files=[SimpleUploadedFile("run.exe", b"MZ\x90\x00")])
    assert "is not a type of file we accept" in response.content.decode()


def test_allowed_types_follow_the_setting(client, tip_page, settings):
    settings.TIPS_ALLOWED_EXTENSIONS = ["jpg"]
    response = post_tip(client, tip_page, files=[SimpleUploadedFile("a.pdf", minimal_pdf())])
    assert "is not a type of file we accept" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("clip.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 20, True),
        ("clip.mp4", b"%PDF-1.4 not a video", False),
        ("clip.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 20, True),
        ("notes.txt", "Señal en la garita".encode(), True),
        ("notes.txt", b"\x7fELF\x02\x01", False),
        ("doc.docx", b"PK\x03\x04 not really a zip", False),
    ],
)
def test_content_must_match_the_extension(client, tip_page, name, content, accepted):
    response = post_tip(client, tip_page, files=[SimpleUploadedFile(name, content)])
    assert (Tip.objects.count() == 1) is accepted, response.content.decode()[:2000]


def test_missing_message_is_required(client, tip_page):
    response = post_tip(client, tip_page, message="")
    assert "This field is required." in response.content.decode()
    assert Tip.objects.count() == 0


def test_contact_choice_needs_contact(client, tip_page):
    response = post_tip(client, tip_page, reply="contact", contact="")
    assert "Write how we can contact you" in response.content.decode()
    post_tip(client, tip_page, reply="contact", contact="signal: +52 000")
    assert Tip.objects.get().contact == "signal: +52 000"


def test_only_one_tip_page_per_site(tip_page, home_page):
    assert not TipPage.can_create_at(home_page)
