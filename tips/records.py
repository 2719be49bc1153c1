"""What sources send through the tip line, and the newsroom's replies.

Nothing here records who a source is: no IP address, no user agent, no
time of day (``received_on`` is a date), no original file name. With
``TIPS_PUBLIC_KEY`` set, the text and the files are sealed to the newsroom's
key before they are saved, and the plaintext columns stay empty.
"""

import json

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.bilingual import LanguageChoices

from . import crypto, storage
from .uploads import CONTENT_TYPES, KIND


def today():
    return timezone.localdate()


class TipSource(models.Model):
    """A source who chose a reply codename, known only through its hash."""

    lookup = models.CharField(_("codename hash"), max_length=64, unique=True, editable=False)
    reply_public_key = models.BinaryField(_("reply key"), max_length=32, editable=False)
    created_on = models.DateField(_("first tip on"), default=today, editable=False)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return _("Source %(number)s") % {"number": self.pk}

    def read_replies(self, private_key):
        """The newsroom's replies, opened with the key derived from the codename."""
        return [
            {"sent_on": reply.sent_on, "body": crypto.unseal(private_key, reply.sealed_for_source).decode("utf-8")}
            for reply in self.replies.order_by("pk")
        ]


class Tip(models.Model):
    """One message from a source, with its files."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("tip status", "New")
        IN_PROGRESS = "in_progress", _("In progress")
        HANDLED = "handled", _("Handled")

    received_on = models.DateField(_("received on"), default=today, editable=False)
    language = models.CharField(_("language"), max_length=2, choices=LanguageChoices.choices, editable=False)
    source = models.ForeignKey(
        TipSource, verbose_name=_("source"), null=True, blank=True, on_delete=models.SET_NULL, related_name="tips"
    )
    is_follow_up = models.BooleanField(_("follow-up"), default=False, editable=False)
    message = models.TextField(_("message"), blank=True, editable=False)
    links = models.TextField(_("links"), blank=True, editable=False)
    contact = models.TextField(_("contact"), blank=True, editable=False)
    sealed_text = models.BinaryField(_("sealed text"), null=True, blank=True, editable=False)
    key_id = models.CharField(_("key fingerprint"), max_length=16, blank=True, editable=False)
    is_read = models.BooleanField(_("read"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    # Set by the scheduled ``tips notify`` run; a flag, so no time of arrival is kept.
    editors_notified = models.BooleanField(_("editors notified"), default=False, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def __str__(self):
        return _("Tip %(number)s") % {"number": self.pk}

    @property
    def is_encrypted(self):
        return self.sealed_text is not None

    @cached_property
    def has_files(self):
        return self.files.exists()

    def open_text(self, private_key=None):
        """``{"message", "links", "contact"}``, decrypted when sealed."""
        if not self.is_encrypted:
            return {"message": self.message, "links": self.links, "contact": self.contact}
        return json.loads(crypto.unseal(private_key, self.sealed_text).decode("utf-8"))

    def delete_securely(self):
        """Deletes the tip, overwrites its files, and forgets a source left with no tip."""
        source = self.source
        with transaction.atomic():
            self.delete()  # each TipFile's post_delete shreds its file after commit
            if source is not None and not source.tips.exists():
                source.delete()


class TipFile(models.Model):
    """A file sent with a tip, stored under a random name in private storage."""

    tip = models.ForeignKey(Tip, verbose_name=_("tip"), on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    stored_name = models.CharField(_("stored name"), max_length=64, unique=True, editable=False)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=[
            (KIND.IMAGE, _("photo")),
            (KIND.VIDEO, _("video")),
            (KIND.AUDIO, _("audio")),
            (KIND.DOCUMENT, _("document")),
        ],
    )
    extension = models.CharField(_("extension"), max_length=8)
    size = models.PositiveBigIntegerField(_("size"))
    is_encrypted = models.BooleanField(_("encrypted"), default=False)
    metadata_removed = models.BooleanField(_("metadata removed"), default=False)
    # The file, until the scheduled ``tips notify`` run writes it to disk
    # (see tips.storage: a file written on arrival would keep the time in its ctime).
    pending_data = models.BinaryField(_("file waiting to be written"), null=True, editable=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("tip file")
        verbose_name_plural = _("tip files")

    def __str__(self):
        return self.download_name

    @property
    def download_name(self):
        return f"tip-{self.tip_id}-{self.position}.{self.extension}"

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.extension, "application/octet-stream")

    @property
    def is_written(self):
        return self.pending_data is None

    def stored_data(self):
        """The file as stored (sealed when encrypted), wherever it waits."""
        if self.pending_data is not None:
            return bytes(self.pending_data)
        return storage.read_blob(self.stored_name)

    def read(self, private_key=None):
        data = self.stored_data()
        return crypto.unseal(private_key, data) if self.is_encrypted else data


@receiver(post_delete, sender=TipFile)
def shred_deleted_file(sender, instance, **kwargs):
    name = instance.stored_name
    transaction.on_commit(lambda: storage.shred(name))


class TipReply(models.Model):
    """The newsroom's answer to a source, readable only with their codename."""

    source = models.ForeignKey(TipSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="replies")
    sent_on = models.DateField(_("sent on"), default=today, editable=False)
    sealed_for_source = models.BinaryField(_("sealed for the source"), editable=False)
    editor_copy = models.TextField(_("editors' copy"), blank=True, editable=False)
    sealed_editor_copy = models.BinaryField(_("sealed editors' copy"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return _("Reply %(number)s") % {"number": self.pk}
