"""Storing what a source sends: sealed when a key is set, files in private storage."""

import datetime
import json
import secrets

from django.db import transaction
from django.utils import timezone

from . import codenames, conf, crypto, storage
from .models import Tip, TipFile, TipReply, TipSource


def create_source(codename):
    keys = codenames.derive(codename)
    return TipSource.objects.create(lookup=keys.lookup, reply_public_key=keys.reply_public_key)


def store_tip(*, message, links, contact, uploads, language, source=None, is_follow_up=False):
    """Saves one tip and its files; the plaintext never reaches disk when a key is set.

    Files written before a failure are shredded, so an error leaves nothing
    behind. Editors are told a tip arrived once the transaction commits.
    """
    public_key = crypto.configured_public_key()
    received_on = timezone.localdate()
    written = []
    try:
        with transaction.atomic():
            tip = Tip(received_on=received_on, language=language, source=source, is_follow_up=is_follow_up)
            if public_key is not None:
                text = json.dumps({"message": message, "links": links, "contact": contact}).encode("utf-8")
                tip.sealed_text = crypto.seal(public_key, text)
                tip.key_id = crypto.key_id(public_key)
            else:
                tip.message, tip.links, tip.contact = message, links, contact
            tip.save()
            for position, upload in enumerate(uploads, start=1):
                data = crypto.seal(public_key, upload.data) if public_key is not None else upload.data
                name = storage.save_blob(data, received_on)
                written.append(name)
                TipFile.objects.create(
                    tip=tip,
                    position=position,
                    stored_name=name,
                    kind=upload.kind,
                    extension=upload.extension,
                    size=len(upload.data),
                    is_encrypted=public_key is not None,
                    metadata_removed=upload.metadata_removed,
                )
            transaction.on_commit(notify_editors)
    except BaseException:
        for name in written:
            storage.shred(name)
        raise
    return tip


def notify_editors():
    """Enqueues the notification, after a random delay where the backend allows it.

    The task takes no argument, so its queue entry names no tip; the delay
    keeps the email's own timestamp from telling the hour a tip was sent.
    """
    from .tasks import notify_tip_editors

    task = notify_tip_editors
    if task.get_backend().supports_defer and conf.notification_max_delay() > 0:
        delay = datetime.timedelta(seconds=secrets.randbelow(conf.notification_max_delay()))
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue()


def send_reply(source, body):
    """Seals an editor's reply to the source (and to the newsroom, when a key is set)."""
    from nacl.public import PublicKey

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
