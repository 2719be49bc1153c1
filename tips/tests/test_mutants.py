"""Photos sent through the tip form are stored without metadata and within the pixel limit.

Each test posts the form and reads the bytes that were stored, chunk by chunk.
"""

import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from tips.models import Tip, TipFile

from .conftest import SOURCE_META, form_url, run_sweep, stored_files, token_for

pytestmark = pytest.mark.django_db

TELLTALES = (b"TelltaleCameraMaker", b"GpsTelltale", b"XmpTelltale", b"PngTextTelltale", b"ItxtTelltale", b"ZtxtTell")


def post_tip(client, page, upload, language="en", message="Photos of the crossing."):
    data = {"message": message, "links": "", "reply": "none", "contact": "", "token": token_for(page)}
    data["files"] = [upload]
    return client.post(form_url(page, language), data, **SOURCE_META)


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "TelltaleCameraMaker"
    exif[0x0112] = 1
    exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 44.0, 12.5), 27: b"ASCII\x00\x00\x00GpsTelltale"})
    return exif


XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="XmpTelltale"/></rdf:RDF></x:xmpmeta>'
)


def icc_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunks.append(data[position + 4 : position + 8].decode("latin-1"))
        position += 12 + length
    return chunks


def riff_chunks(data):
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind = data[position : position + 4].decode("latin-1")
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        chunks.append(kind)
        position += 8 + length + (length % 2)
    return chunks


def stored_bytes(private_storage):
    """The one file on disk once the scheduled sweep has written the pending uploads."""
    run_sweep()
    files = stored_files(private_storage)
    assert len(files) == 1, files
    return files[0].read_bytes()


def png_with_metadata():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "PngTextTelltale")
    info.add_itxt("Description", "ItxtTelltale", lang="es", tkey="Descripción")
    info.add_text("Comment", "ZtxtTelltale " * 20, zip=True)
    info.add_text("XML:com.adobe.xmp", XMP.decode())
    output = io.BytesIO()
    image = Image.new("RGBA", (40, 30), (10, 200, 30, 128))
    image.save(output, "PNG", pnginfo=info, exif=exif_with_gps(), icc_profile=icc_profile(), dpi=(300, 300))
    return output.getvalue()


def test_png_is_stored_without_text_exif_or_icc_chunks(client, tip_page, private_storage):
    original = png_with_metadata()
    assert {"tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "pHYs"} <= set(png_chunks(original))
    response = post_tip(client, tip_page, SimpleUploadedFile("plaza.png", original, content_type="image/png"))
    assert response.status_code == 200
    assert TipFile.objects.get().metadata_removed
    raw = stored_bytes(private_storage)
    assert set(png_chunks(raw)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}
    for telltale in (*TELLTALES, b"adobe:ns:meta"):
        assert telltale not in raw, telltale
    with Image.open(io.BytesIO(raw)) as image:
        assert image.size == (40, 30) and image.mode == "RGBA"
        assert image.getpixel((0, 0)) == (10, 200, 30, 128)


@pytest.mark.parametrize("lossless", [False, True])
def test_webp_is_stored_without_exif_xmp_or_icc_chunks(client, tip_page, private_storage, lossless):
    output = io.BytesIO()
    image = Image.new("RGB", (40, 30), (200, 40, 40))
    image.save(output, "WEBP", exif=exif_with_gps(), xmp=XMP, icc_profile=icc_profile(), lossless=lossless)
    original = output.getvalue()
    assert {"EXIF", "XMP ", "ICCP"} <= set(riff_chunks(original))
    response = post_tip(client, tip_page, SimpleUploadedFile("plaza.webp", original, content_type="image/webp"))
    assert response.status_code == 200
    raw = stored_bytes(private_storage)
    assert not {"EXIF", "XMP ", "ICCP"} & set(riff_chunks(raw))
    for telltale in (*TELLTALES, b"adobe:ns:meta"):
        assert telltale not in raw, telltale
    with Image.open(io.BytesIO(raw)) as stored:
        assert stored.format == "WEBP" and stored.size == (40, 30)
        assert not stored.getexif() and "xmp" not in stored.info and "icc_profile" not in stored.info


def test_heic_is_stored_as_a_jpeg_without_exif_or_xmp(client, tip_page, private_storage):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    output = io.BytesIO()
    try:
        Image.new("RGB", (64, 48), (20, 90, 160)).save(output, "HEIF", exif=exif_with_gps().tobytes(), xmp=XMP)
    except (KeyError, OSError, ValueError) as error:  # libheif built without an encoder
        pytest.skip(f"pillow_heif cannot write HEIC here: {error}")
    original = output.getvalue()
    assert b"TelltaleCameraMaker" in original and b"XmpTelltale" in original
    response = post_tip(client, tip_page, SimpleUploadedFile("IMG_0001.heic", original, content_type="image/heic"))
    assert response.status_code == 200
    stored = TipFile.objects.get()
    assert stored.metadata_removed and stored.kind == "image"
    raw = stored_bytes(private_storage)
    assert raw.startswith(b"\xff\xd8\xff")
    for telltale in (*TELLTALES, b"Exif\x00\x00", b"adobe:ns:meta"):
        assert telltale not in raw, telltale


@pytest.mark.parametrize("language", ["en", "es"])
def test_pixel_limit_below_pillows_own_refuses_and_keeps_the_text(
    client, tip_page, private_storage, settings, language
):
    """A 1.2-megapixel photo against a 1-megapixel limit: far below Pillow's bomb guard (89 Mpx)."""
    settings.TIPS_MAX_IMAGE_PIXELS = 1_000_000
    output = io.BytesIO()
    Image.new("L", (1200, 1000), 128).save(output, "PNG")
    upload = SimpleUploadedFile("wide.png", output.getvalue(), content_type="image/png")
    response = post_tip(client, tip_page, upload, language=language, message="Texto que debe sobrevivir")
    page = response.content.decode()
    expected = {"en": "too large in pixels", "es": "demasiado grande en píxeles"}[language]
    assert expected in page and "wide.png" in page
    assert "Texto que debe sobrevivir</textarea>" in page
    assert Tip.objects.count() == 0 and stored_files(private_storage) == []


def test_a_photo_at_the_pixel_limit_is_accepted(client, tip_page, private_storage, settings):
    settings.TIPS_MAX_IMAGE_PIXELS = 1_000_000
    output = io.BytesIO()
    Image.new("L", (1000, 1000), 128).save(output, "PNG")
    upload = SimpleUploadedFile("square.png", output.getvalue(), content_type="image/png")
    assert post_tip(client, tip_page, upload).status_code == 200
    run_sweep()
    assert Tip.objects.count() == 1 and len(stored_files(private_storage)) == 1
