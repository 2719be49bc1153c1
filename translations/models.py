"""What the translation tooling remembers: sync state and translation memory."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """How one language version of a page stands against its original."""

    MISSING = "missing", _("Missing")
    CONFLICT = "conflict", _("Conflict")
    STALE = "stale", _("Stale")
    MACHINE = "machine", _("Machine draft, unreviewed")
    UP_TO_DATE = "up_to_date", _("Up to date")


class TranslationState(models.Model):
    """The last moment one language version of a page (or snippet) was in sync with its source.

    A page's state names the page; a snippet's (an author's biography, a
    tag's name) names it by content type and id.

    ``source_fingerprints`` and ``target_fingerprints`` hold, per segment key,
    the hashes of the source and target text when that segment was last
    confirmed; ``source_snapshot`` the source text itself, for the diff.
    ``machine_segments`` lists segments whose target text a machine (or a copy
    of the source) wrote and no person has reviewed yet:
    ``{key: {"fingerprint", "backend", "model"}}``. ``block_pairs`` records,
    per StreamField, which target block translated which source block when
    their ids differ, so a later removal on one side is still recognised.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translation_states",
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("snippet type"), null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.PositiveIntegerField(_("snippet id"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)
    source_language = models.CharField(_("source language"), max_length=8)
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("source revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_fingerprints = models.JSONField(_("source fingerprints"), default=dict, blank=True)
    target_fingerprints = models.JSONField(_("target fingerprints"), default=dict, blank=True)
    source_snapshot = models.JSONField(_("source text when confirmed"), default=dict, blank=True)
    machine_segments = models.JSONField(_("unreviewed machine segments"), default=dict, blank=True)
    block_pairs = models.JSONField(_("paired blocks with different ids"), default=dict, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="translations_state_page_language"),
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="translations_state_snippet_language"
            ),
        ]

    def __str__(self):
        subject = self.page_id if self.page_id else f"{self.content_type_id}/{self.object_id}"
        return f"{subject} {self.source_language}→{self.language}"


class MemoryEntry(models.Model):
    """A reviewed pair of source and translated text, reusable on any page."""

    source_language = models.CharField(_("source language"), max_length=8)
    target_language = models.CharField(_("target language"), max_length=8)
    source_hash = models.CharField(_("source hash"), max_length=64)
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("target text"))
    kind = models.CharField(_("kind"), max_length=8, default="text")
    length = models.PositiveIntegerField(_("length"), default=0)
    uses = models.PositiveIntegerField(_("times confirmed"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "source_hash"], name="translations_memory_unique"
            )
        ]
        indexes = [models.Index(fields=["source_language", "target_language", "length"])]

    def __str__(self):
        return self.source_text[:60]
