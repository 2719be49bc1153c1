"""Keys, exports and decryption on an editor's own machine; the demo seed."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from demo.tip_page import seed_tip_page
from tips import crypto
from tips.models import Tip, TipPage
from tips.permissions import ensure_tip_editors_group
from tips.submission import store_tip
from tips.uploads import check_upload

from .conftest import jpeg_with_metadata, minimal_pdf, run_sweep, stored_files

pytestmark = pytest.mark.django_db


def test_generate_key_export_and_decrypt_round_trip(tmp_path, settings):
    key_file = tmp_path / "newsroom.key"
    out = io.StringIO()
    call_command("tips", "generate-key", "--private-key-file", str(key_file), stdout=out)
    assert key_file.stat().st_mode & 0o077 == 0
    public = out.getvalue().split("TIPS_PUBLIC_KEY=")[1].strip()
    settings.TIPS_PUBLIC_KEY = public
    upload = check_upload(SimpleUploadedFile("p.jpg", jpeg_with_metadata()))
    tip = store_tip(message="CANARY-export", links="l", contact="", uploads=[upload], language="en")
    export = tmp_path / "tips.zip"
    call_command("tips", "export", "--output", str(export), stdout=io.StringIO())
    with zipfile.ZipFile(export) as archive:
        assert not any(b"CANARY-export" in archive.read(name) for name in archive.namelist())
    call_command(
        "tips",
        "decrypt",
        "--key-file",
        str(key_file),
        "--input",
        str(export),
        "--output",
        str(tmp_path / "out"),
        stdout=io.StringIO(),
    )
    folder = tmp_path / "out" / f"tip-{tip.pk}"
    assert "CANARY-export" in (folder / "message.txt").read_text()
    assert (folder / f"tip-{tip.pk}-1.jpg").read_bytes().startswith(b"\xff\xd8")
    with pytest.raises(CommandError):
        call_command("tips", "generate-key", "--private-key-file", str(key_file), stdout=io.StringIO())
    other = tmp_path / "other.key"
    other.write_text(crypto.generate_keypair()[0])
    with pytest.raises(CommandError, match="does not open"):
        call_command(
            "tips",
            "decrypt",
            "--key-file",
            str(other),
            "--input",
            str(export),
            "--output",
            str(tmp_path / "x"),
            stdout=io.StringIO(),
        )


def test_seed_is_idempotent_and_answers_in_both_languages(client, home_page):
    page = seed_tip_page(home_page, io.StringIO())
    assert seed_tip_page(home_page).pk == page.pk and TipPage.objects.count() == 1
    assert client.get("/tips/").status_code == 200
    response = client.get("/es/pistas/")
    assert response.status_code == 200 and "Envíanos una pista" in response.content.decode()


def test_storage_root_inside_media_is_refused(settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    from tips.storage import tip_storage

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TIPS_STORAGE_ROOT = tmp_path / "media" / "tips"
    with pytest.raises(ImproperlyConfigured):
        tip_storage()


def test_notify_with_smtp_down_writes_files_fails_loudly_and_retries(settings, private_storage):
    editor = get_user_model().objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(ensure_tip_editors_group())
    upload = check_upload(SimpleUploadedFile("a.pdf", minimal_pdf()))
    store_tip(message="m", links="", contact="", uploads=[upload], language="en")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 8299, 2  # closed
    with pytest.raises(CommandError, match="emailing tip editors failed"):
        run_sweep()
    assert len(stored_files(private_storage)) == 1
    assert not Tip.objects.get().editors_notified
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "sent 1 email" in run_sweep()
    assert len(mail.outbox) == 1 and Tip.objects.get().editors_notified
