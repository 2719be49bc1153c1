"""Fixtures for the tip line: a tip page, keys, editors and telling files."""

import io
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from PIL import Image, ImageCms

from core.ratelimit import fallback_cache
from demo.tip_page import seed_tip_page
from tips import crypto
from tips.permissions import ensure_tip_editors_group

REMOTE_ADDR = "203.0.113.77"
FORWARDED_FOR = "198.51.100.23"
USER_AGENT = "CanaryBrowser/9.9 (Telltale)"
SOURCE_META = {"REMOTE_ADDR": REMOTE_ADDR, "HTTP_X_FORWARDED_FOR": FORWARDED_FOR, "HTTP_USER_AGENT": USER_AGENT}


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Each test stores tips in its own folder, with no key unless it asks for one."""
    settings.TIPS_STORAGE_ROOT = tmp_path / "private" / "tips"
    settings.TIPS_PUBLIC_KEY = ""
    return settings.TIPS_STORAGE_ROOT


@pytest.fixture(autouse=True)
def fresh_budgets():
    """Each test starts with the tip line's budgets unspent."""
    cache.clear()
    fallback_cache().clear()
    yield
    cache.clear()
    fallback_cache().clear()


@pytest.fixture
def tip_page(home_page):
    return seed_tip_page(home_page)


@pytest.fixture
def keypair(settings):
    private, public = crypto.generate_keypair()
    settings.TIPS_PUBLIC_KEY = public
    return {"private": private, "public": public}


@pytest.fixture
def tip_editor(db):
    user = get_user_model().objects.create_user("tipeditor", "tips@example.org", "password")
    user.groups.add(ensure_tip_editors_group())
    return user


@pytest.fixture
def editor_client(client, tip_editor):
    client.force_login(tip_editor)
    return client


@pytest.fixture
def ordinary_editor(db):
    """A Wagtail editor with admin access who is not a tip editor."""
    user = get_user_model().objects.create_user("writer", "writer@example.org", "password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def run_sweep():
    """What the operator's scheduler runs every few hours: ``manage.py tips notify``."""
    out = io.StringIO()
    call_command("tips", "notify", stdout=out)
    return out.getvalue()


def form_url(page, language="en"):
    from django.utils import translation

    with translation.override(language):
        return page.url


def token_for(page):
    from tips.security import form_token

    return form_token(page)


def jpeg_with_metadata():
    """A JPEG carrying GPS EXIF, XMP, an ICC profile and a comment."""
    image = Image.new("RGB", (64, 48), (180, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "TelltaleCameraMaker"
    exif[0x0110] = "TelltaleModel X1"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (31.0, 44.0, 12.5), 3: "W", 4: (106.0, 29.0, 5.25)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="XmpTelltaleAuthor"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif, xmp=xmp, comment=b"CommentTelltale", icc_profile=icc, quality=95)
    return output.getvalue()


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


@pytest.fixture(scope="session")
def png_bomb():
    """A real 40,000 by 40,000 PNG: about 200 KB on disk, 1.6 gigapixels decoded."""
    width = height = 40_000
    row = b"\x00" * (1 + width // 8)  # filter byte + one bit per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _row in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def minimal_pdf():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
