"""What an import from Blogger remembers between runs."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One Blogger entry (or label, or author) and the object it became.

    Keyed on Blogger's own id, so running the same export again finds what
    was already imported instead of duplicating it. ``fingerprint`` is a hash
    of the entry as last imported: an unchanged entry is left alone.
    """

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        COMMENT = "comment", _("comment")
        AUTHOR = "author", _("author")
        LABEL = "label", _("label")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    blogger_id = models.CharField(_("Blogger id"), max_length=255)
    object_id = models.PositiveBigIntegerField(_("object id"))
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)

    class Meta:
        verbose_name = _("imported Blogger item")
        verbose_name_plural = _("imported Blogger items")
        constraints = [models.UniqueConstraint(fields=["kind", "blogger_id"], name="blogger_unique_item")]

    def __str__(self):
        return f"{self.kind} {self.blogger_id}"


class PendingImage(models.Model):
    """An image an imported body links to until ``--fetch-images`` brings it in.

    The body keeps a paragraph linking to the original image (block
    ``block_id`` of ``field_name``); fetching replaces that block with an
    image block, so an unreachable image never blocks the import.
    """

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    field_name = models.CharField(_("field"), max_length=20)
    block_id = models.CharField(_("block id"), max_length=40)
    url = models.URLField(_("original address"), max_length=2000)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    error = models.CharField(_("last error"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("image to fetch")
        verbose_name_plural = _("images to fetch")
        constraints = [models.UniqueConstraint(fields=["page", "field_name", "block_id"], name="blogger_unique_image")]

    def __str__(self):
        return self.url


class StagedComment(models.Model):
    """A comment read from the export, held until every post is in.

    Exports list comments in any order (replies before what they answer), so
    comments wait here, on disk rather than in memory, and are threaded post
    by post once the whole file has been read. Rows live for one run.
    """

    run = models.CharField(max_length=32, db_index=True)
    blogger_id = models.CharField(max_length=255)
    post_id = models.CharField(max_length=255)
    reply_to = models.CharField(max_length=255, blank=True)
    kept = models.BooleanField(default=True)
    pending = models.BooleanField(default=False)
    display_name = models.CharField(max_length=80, blank=True)
    body = models.TextField(blank=True)
    published = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["run", "post_id"], name="blogger_staged_post_idx")]

    def __str__(self):
        return self.blogger_id
