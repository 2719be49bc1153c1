"""Storing what a source sends: sealed when a key is set, files in private storage."""

import json
import secrets

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from nacl.public import PublicKey

from . import codenames, crypto, notifications, storage
from .records import Tip, TipFile, TipReply, TipSource


def create_source(codename):
    keys = codenames.derive(codename)
    return TipSource.objects.create(lookup=keys.lookup, reply_public_key=keys.reply_public_key)


def store_tip(*, message, links, contact, uploads, language, source=None, is_follow_up=False):
    """Saves one tip and its files; the plaintext never reaches disk when a key is set.

    Nothing is written to disk and nothing is queued here: the files wait
    in the database and editors are emailed by the scheduled sweep
    (``manage.py tips notify``), so no file time and no task row records when the tip came.
    """
    public_key = crypto.configured_public_key()
    with transaction.atomic():
        tip = Tip(received_on=timezone.localdate(), language=language, source=source, is_follow_up=is_follow_up)
        if public_key is not None:
            text = json.dumps({"message": message, "links": links, "contact": contact}).encode("utf-8")
            tip.sealed_text = crypto.seal(public_key, text)
            tip.key_id = crypto.key_id(public_key)
        else:
            tip.message, tip.links, tip.contact = message, links, contact
        tip.save()
        TipFile.objects.bulk_create(
            TipFile(
                tip=tip,
                position=position,
                stored_name=storage.new_name(),
                pending_data=crypto.seal(public_key, upload.data) if public_key is not None else upload.data,
                kind=upload.kind,
                extension=upload.extension,
                size=len(upload.data),
                is_encrypted=public_key is not None,
                metadata_removed=upload.metadata_removed,
            )
            for position, upload in enumerate(uploads, start=1)
        )
    return tip


def write_pending_files():
    """Writes every file waiting in the database to private storage, in random order."""
    pending = list(TipFile.objects.filter(pending_data__isnull=False).values_list("pk", flat=True))
    secrets.SystemRandom().shuffle(pending)
    latest_day = None
    for pk in pending:
        with transaction.atomic():
            tip_file = TipFile.objects.select_for_update().select_related("tip").filter(pk=pk).first()
            if tip_file is None or tip_file.pending_data is None:
                continue  # deleted or written since the list was taken
            day = tip_file.tip.received_on
            storage.write_blob(tip_file.stored_name, bytes(tip_file.pending_data), day)
            tip_file.pending_data = None
            tip_file.save(update_fields=["pending_data"])
        latest_day = max(day, latest_day) if latest_day else day
    if latest_day is not None:
        storage.settle_folder(latest_day)
    return len(pending)


def settle_rows():
    """Rewrites every row a source's post wrote, so that none is dated by how it was stored.

    PostgreSQL stamps each row version with the id of the transaction that
    wrote it (``xmin``). Ids grow with time, so a tip row found between two
    rows whose time is known (a comment, a sign-in) would be dated by them.
    Rewritten together at each sweep, every row carries the sweep's id; the
    old versions are then vacuumed away.
    """
    models_written_by_sources = (TipSource, Tip, TipFile)
    with transaction.atomic():
        for model in models_written_by_sources:
            key = model._meta.pk.attname
            model.objects.update(**{key: F(key)})
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models_written_by_sources)
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {tables}")


def notify_editors():
    """Emails tip editors once if tips arrived since the last run; returns the emails sent."""
    new = list(Tip.objects.filter(editors_notified=False).values_list("pk", flat=True))
    if not new:
        return 0
    sent = notifications.email_tip_editors()
    Tip.objects.filter(pk__in=new).update(editors_notified=True)
    return sent


def send_reply(source, body):
    """Seals an editor's reply to the source (and to the newsroom, when a key is set)."""
    public_key = crypto.configured_public_key()
    reply = TipReply(
        source=source, sealed_for_source=crypto.seal(PublicKey(bytes(source.reply_public_key)), body.encode("utf-8"))
    )
    if public_key is not None:
        reply.sealed_editor_copy = crypto.seal(public_key, body.encode("utf-8"))
    else:
        reply.editor_copy = body
    reply.save()
    return reply
