"""The editors' side: only tip editors see tips; they read, reply, handle and delete."""

import datetime
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.formats import date_format

from conftest import listing_rows
from tips import codenames, crypto
from tips.models import Tip, TipFile, TipSource
from tips.permissions import TIP_EDITORS_GROUP
from tips.submission import create_source, store_tip
from tips.uploads import check_upload

from .conftest import form_url, minimal_pdf, run_sweep, stored_files, token_for

pytestmark = pytest.mark.django_db


def make_tip(message="A tip", files=(), source=None):
    uploads = [check_upload(SimpleUploadedFile(name, data)) for name, data in files]
    return store_tip(message=message, links="", contact="", uploads=uploads, language="es", source=source)


def test_group_has_only_the_tips_permissions():
    group = Group.objects.get(name=TIP_EDITORS_GROUP)
    codenames_ = sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())
    assert codenames_ == ["tips.change_tip", "tips.delete_tip", "tips.view_tip", "wagtailadmin.access_admin"]


def test_only_tip_editors_see_the_tips_menu_and_pages(client, tip_editor, ordinary_editor):
    tip = make_tip()
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "password")
    for user, allowed in ((tip_editor, True), (ordinary_editor, False), (superuser, False)):
        client.force_login(user)
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("tips_admin:index") in dashboard) is allowed, user
        for url in (
            reverse("tips_admin:index"),
            reverse("tips_admin:detail", args=[tip.pk]),
            reverse("tips_admin:export", args=[tip.pk]),
            reverse("tips_admin:delete", args=[tip.pk]),
        ):
            response = client.get(url)
            if allowed:
                assert response.status_code == 200, (user, url)
            else:  # Wagtail turns PermissionDenied into a redirect to the dashboard
                assert response.status_code in (302, 403), (user, url)
                assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    client.logout()
    assert client.get(reverse("tips_admin:index")).status_code == 302


def test_a_tips_export_holds_that_tip_alone_and_the_full_export_every_tip(editor_client):
    """The zip an editor downloads for one tip must not carry anyone else's tip."""
    chosen = make_tip(message="The warehouse on Calle 5", files=[("ledger.pdf", minimal_pdf())])
    other = make_tip(message="A second source's tip")

    response = editor_client.get(reverse("tips_admin:export", args=[chosen.pk]))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="tip-{chosen.pk}.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert [entry["id"] for entry in manifest["tips"]] == [chosen.pk]
        (entry,) = manifest["tips"]
        assert json.loads(archive.read(entry["text"]))["message"] == "The warehouse on Calle 5"
        assert [archive.read(file["path"]) for file in entry["files"]] == [minimal_pdf()]
        assert not any(b"second source" in archive.read(name) for name in archive.namelist())

    everything = editor_client.get(reverse("tips_admin:export_all"))
    assert everything["Content-Disposition"] == 'attachment; filename="tips.zip"'
    with zipfile.ZipFile(io.BytesIO(everything.content)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert [entry["id"] for entry in manifest["tips"]] == [chosen.pk, other.pk]

    assert editor_client.get(reverse("tips_admin:export", args=[other.pk + 1])).status_code == 404


def test_no_tip_view_acts_for_those_who_are_not_tip_editors(client, ordinary_editor):
    """Reading a file, changing a status, replying, decrypting, exporting or deleting: each is refused."""
    tip = make_tip(message="The warehouse on Calle 5", files=[("a.pdf", minimal_pdf())], source=create_source("x"))
    tip_file = tip.files.get()
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "password")
    for user in (ordinary_editor, superuser):
        client.force_login(user)
        requests = [
            ("get", reverse("tips_admin:file", args=[tip.pk, tip_file.pk]), {}),
            ("get", reverse("tips_admin:export_all"), {}),
            ("post", reverse("tips_admin:status", args=[tip.pk]), {"status": "closed", "read": "1"}),
            ("post", reverse("tips_admin:reply", args=[tip.pk]), {"body": "We got it."}),
            ("post", reverse("tips_admin:decrypt", args=[tip.pk]), {"passphrase": "x"}),
            ("post", reverse("tips_admin:delete", args=[tip.pk]), {}),
        ]
        for method, url, data in requests:
            response = getattr(client, method)(url, data)
            # Wagtail turns PermissionDenied into a redirect to the dashboard.
            assert (response.status_code, response.get("Location")) == (302, reverse("wagtailadmin_home")), (user, url)
            assert b"Calle 5" not in response.content and minimal_pdf() not in response.content
    tip.refresh_from_db()
    assert (tip.status, tip.is_read) == (Tip.Status.NEW, False)
    assert tip.source.replies.count() == 0 and tip.files.count() == 1


def test_list_shows_date_language_files_read_and_status(editor_client):
    with_file = make_tip(files=[("a.pdf", minimal_pdf())])
    without_file = make_tip(message="Second")
    response = editor_client.get(reverse("tips_admin:index"))
    assert response["Cache-Control"].startswith("no-store") and response["Referrer-Policy"] == "no-referrer"
    rows = {row[0]: row[1:] for row in listing_rows(response.content.decode())}
    received = date_format(with_file.received_on, "DATE_FORMAT")
    assert rows == {
        str(with_file): [received, "Spanish", "Yes", "Unread", "New"],
        str(without_file): [received, "Spanish", "No", "Unread", "New"],
    }


def test_list_shows_what_was_read_and_handled_and_filters_by_status(editor_client):
    unread = make_tip(message="First")
    read = make_tip(message="Second")
    Tip.objects.filter(pk=read.pk).update(is_read=True, status=Tip.Status.IN_PROGRESS)
    handled = make_tip(message="Third")
    Tip.objects.filter(pk=handled.pk).update(is_read=True, status=Tip.Status.HANDLED)
    index = reverse("tips_admin:index")
    rows = {row[0]: row[4:] for row in listing_rows(editor_client.get(index).content.decode())}
    assert rows == {
        str(unread): ["Unread", "New"],
        str(read): ["Read", "In progress"],
        str(handled): ["Read", "Handled"],
    }
    in_progress = listing_rows(editor_client.get(index, {"status": "in_progress"}).content.decode())
    assert [row[0] for row in in_progress] == [str(read)]
    # A status that does not exist filters nothing out.
    assert len(listing_rows(editor_client.get(index, {"status": "gone"}).content.decode())) == 3


def test_detail_marks_read_and_status_can_change(editor_client):
    tip = make_tip(message="Body of the tip")
    page = editor_client.get(reverse("tips_admin:detail", args=[tip.pk])).content.decode()
    assert "Body of the tip" in page
    tip.refresh_from_db()
    assert tip.is_read
    editor_client.post(reverse("tips_admin:status", args=[tip.pk]), {"status": "handled"})
    tip.refresh_from_db()
    assert tip.status == Tip.Status.HANDLED
    editor_client.post(reverse("tips_admin:status", args=[tip.pk]), {"status": "handled", "read": "0"})
    tip.refresh_from_db()
    assert not tip.is_read


def test_editor_reply_reaches_the_codename(editor_client, client, tip_page):
    codename = codenames.generate()
    tip = make_tip(source=create_source(codename))
    editor_client.post(reverse("tips_admin:reply", args=[tip.pk]), {"body": "Thank you, we are checking."})
    assert tip.source.replies.count() == 1
    client.logout()
    response = client.post(form_url(tip_page) + "replies/", {"codename": codename, "token": token_for(tip_page)})
    assert "Thank you, we are checking." in response.content.decode()


def test_secure_delete_removes_the_file_from_disk(editor_client, private_storage, django_capture_on_commit_callbacks):
    source = create_source(codenames.generate())
    tip = make_tip(files=[("a.pdf", minimal_pdf())], source=source)
    run_sweep()
    (path,) = stored_files(private_storage)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("tips_admin:delete", args=[tip.pk]))
    assert response.status_code == 302
    assert not path.exists() and stored_files(private_storage) == []
    assert not Tip.objects.exists() and not TipFile.objects.exists() and not TipSource.objects.exists()


def test_files_download_only_as_attachments(editor_client, client):
    tip = make_tip(files=[("a.pdf", minimal_pdf())])
    tip_file = tip.files.get()
    url = reverse("tips_admin:file", args=[tip.pk, tip_file.pk])
    response = editor_client.get(url)
    assert response["Content-Disposition"] == f'attachment; filename="tip-{tip.pk}-1.pdf"'
    assert response.content == minimal_pdf()
    assert "sandbox" in response["Content-Security-Policy"]


def test_missing_key_warning_until_a_key_is_configured(editor_client, settings):
    warning = "Tips are stored unencrypted."
    assert warning in editor_client.get(reverse("tips_admin:index")).content.decode()
    assert warning in editor_client.get(reverse("wagtailadmin_home")).content.decode()
    settings.TIPS_PUBLIC_KEY = crypto.generate_keypair()[1]
    assert warning not in editor_client.get(reverse("tips_admin:index")).content.decode()
    assert warning not in editor_client.get(reverse("wagtailadmin_home")).content.decode()


def test_admin_decrypts_with_a_key_given_for_one_request(editor_client, keypair, caplog):
    tip = make_tip(message="CANARY-admin-5d1e", files=[("n.txt", b"file CANARY-admin-file")])
    detail = editor_client.get(reverse("tips_admin:detail", args=[tip.pk])).content.decode()
    assert "CANARY-admin-5d1e" not in detail
    url = reverse("tips_admin:decrypt", args=[tip.pk])
    response = editor_client.post(url, {"private_key": keypair["private"]})
    page = response.content.decode()
    assert "CANARY-admin-5d1e" in page and keypair["private"] not in page
    assert response["Cache-Control"].startswith("no-store")
    download = editor_client.post(url, {"private_key": keypair["private"], "file": tip.files.get().pk})
    assert download.content == b"file CANARY-admin-file"
    key_file = SimpleUploadedFile("newsroom.key", f"# note\n{keypair['private']}\n".encode())
    assert "CANARY-admin-5d1e" in editor_client.post(url, {"key_file": key_file}).content.decode()
    wrong = editor_client.post(url, {"private_key": crypto.generate_keypair()[0]}).content.decode()
    assert "does not match the key" in wrong and "CANARY-admin-5d1e" not in wrong
    assert keypair["private"] not in caplog.text


def test_new_tip_emails_tip_editors_without_its_content(
    client, tip_page, tip_editor, ordinary_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            form_url(tip_page, "es"),
            {
                "message": "CANARY-mail-33aa",
                "links": "https://leak.invalid",
                "contact": "secret@x.invalid",
                "reply": "contact",
                "token": token_for(tip_page),
                "files": [SimpleUploadedFile("doc.pdf", minimal_pdf())],
            },
        )
    assert Tip.objects.count() == 1
    assert mail.outbox == []  # nothing is sent when the tip arrives: that would date it
    run_sweep()
    assert len(mail.outbox) == 1
    run_sweep()
    assert len(mail.outbox) == 1, "a tip is announced once"
    message = mail.outbox[0]
    assert message.to == [tip_editor.email]
    assert message.subject == "A new tip arrived"
    whole = message.subject + message.body + str(message.message())
    for secret in ("CANARY-mail-33aa", "leak.invalid", "secret@x.invalid", "doc", "pdf", "Spanish"):
        assert secret not in whole
    assert reverse("tips_admin:index") in message.body


def test_the_tip_list_warns_when_tips_notify_is_not_running(editor_client):
    tip = make_tip()
    url = reverse("tips_admin:index")
    assert "does not seem to run" not in editor_client.get(url).content.decode()
    Tip.objects.filter(pk=tip.pk).update(received_on=tip.received_on - datetime.timedelta(days=3))
    assert "does not seem to run" in editor_client.get(url).content.decode()
    run_sweep()
    assert "does not seem to run" not in editor_client.get(url).content.decode()
