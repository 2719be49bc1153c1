from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.bilingual import LanguageChoices

MODERATORS_GROUP_NAME = "Comment moderators"


# Unicode's explicit directional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069).
DIRECTIONAL_FORMATTING = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


class Comment(models.Model):
    """A reader's comment on an article, shared by both language versions.

    ``path`` orders a whole thread in one query: it is the parent's path plus
    this comment's five-digit position among its siblings, written once at
    insert so no other row ever changes when a reply arrives. Digits only, so
    every database collation sorts it the same way.
    """

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("comment status", "Pending")
        APPROVED = "approved", pgettext_lazy("comment status", "Approved")
        REJECTED = "rejected", pgettext_lazy("comment status", "Rejected")
        SPAM = "spam", pgettext_lazy("comment status", "Spam")

    article = models.ForeignKey(
        "blog.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    path = models.CharField(_("thread position"), max_length=100, editable=False)
    depth = models.PositiveSmallIntegerField(_("depth"), editable=False)
    display_name = models.CharField(_("name"), max_length=80, blank=True)
    email = models.EmailField(_("email"), blank=True, help_text=_("Never shown to readers."))
    body = models.TextField(_("comment"))
    language = models.CharField(_("language"), max_length=2, choices=LanguageChoices.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    matched_word = models.CharField(
        _("matched word"), max_length=100, blank=True, help_text=_("The word-list entry that held or rejected it.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("newsroom author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when a member of the newsroom wrote the comment in the admin."),
    )
    client_hash = models.CharField(_("client fingerprint"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        ordering = ["article", "path"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [models.UniqueConstraint(fields=["article", "path"], name="comments_unique_thread_position")]
        indexes = [
            models.Index(fields=["article", "status", "path"], name="comments_thread_idx"),
            models.Index(fields=["status", "created_at"], name="comments_queue_idx"),
            models.Index(fields=["client_hash", "created_at"], name="comments_client_idx"),
        ]

    def __str__(self):
        return f"{self.isolated_name}: {self.excerpt()}"

    def get_absolute_url(self):
        url = self.article.get_url()
        return f"{url}#comment-{self.pk}" if url else None

    @property
    def author_name(self):
        return self.display_name or _("Anonymous")

    @property
    def isolated_name(self):
        """The author's name for plain text (titles, feeds, labels), inside
        Unicode isolates, so right-to-left marks or overrides in it cannot
        reorder the text around it. In HTML, ``<bdi>`` does this. The name's
        own embeddings, overrides and isolates are dropped first: an unmatched
        one would swallow the closing isolate."""
        if not self.display_name:
            return str(_("Anonymous"))
        return f"\u2068{self.display_name.translate(DIRECTIONAL_FORMATTING)}\u2069"

    @property
    def is_newsroom(self):
        return self.user_id is not None

    def excerpt(self, length=80):
        text = " ".join(self.body.split())
        return text if len(text) <= length else text[: length - 1] + "…"


class CommentThread(models.Model):
    """One row per article with comments, locked while a comment is added.

    Posting a comment takes this row's lock (``SELECT … FOR UPDATE``) before
    it counts the flood limits and picks the next thread position, so two
    comments arriving at once are placed one after the other: they cannot
    take the same position, nor both slip under a limit.
    """

    article = models.OneToOneField(
        "blog.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="comment_thread",
    )

    class Meta:
        verbose_name = _("comment thread")
        verbose_name_plural = _("comment threads")

    def __str__(self):
        return str(self.article_id)


class Report(models.Model):
    """A reader's report that a published comment breaks the rules."""

    class Reason(models.TextChoices):
        SPAM = "spam", pgettext_lazy("report reason", "Spam or advertising")
        ABUSE = "abuse", pgettext_lazy("report reason", "Abusive, hateful or threatening")
        OTHER = "other", pgettext_lazy("report reason", "Something else")

    comment = models.ForeignKey(Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=500, blank=True)
    client_hash = models.CharField(_("client fingerprint"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["resolved_at", "comment"], name="comments_open_report_idx")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment_id}"


class ModerationEvent(models.Model):
    """One moderation step on a comment, by a moderator or automatically."""

    class Reason(models.TextChoices):
        MODERATOR = "moderator", _("Moderator decision")
        BANNED_WORD = "banned_word", _("Banned word")
        SUSPECT_WORD = "suspect_word", _("Suspect word")
        BANNED_CLIENT = "banned_client", _("Writer is banned")
        NEWSROOM = "newsroom", _("Newsroom reply")
        LANGUAGE = "language", _("Language corrected")
        REPORTS_DISMISSED = "dismissed", _("Reports dismissed")
        BAN = "ban", _("Writer banned")

    comment = models.ForeignKey(Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the change was automatic."),
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Comment.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=Comment.Status.choices)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices, default=Reason.MODERATOR)
    note = models.CharField(_("detail"), max_length=255, blank=True, help_text=_("The matched word, for example."))
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation history")

    def __str__(self):
        return f"{self.comment_id}: {self.from_status or '-'} → {self.to_status}"

    @classmethod
    def record(cls, comments, reason, *, user=None, to_status=None, note="", new=False):
        """Records one step for each of ``comments``, in one query: the only way events are made.

        ``to_status`` is where the step takes them (their own status, for a
        step that changes none); a ``new`` comment had no status before.
        """
        return cls.objects.bulk_create(
            cls(
                comment=comment,
                user=user,
                from_status="" if new else comment.status,
                to_status=to_status or comment.status,
                reason=reason,
                note=note,
            )
            for comment in comments
        )


class WordRule(models.Model):
    """A word or phrase that rejects a comment outright or holds it for review."""

    class Action(models.TextChoices):
        BANNED = "banned", _("Banned: reject the comment")
        SUSPECT = "suspect", _("Suspect: hold the comment and flag it")

    phrase = models.CharField(
        _("word or phrase"),
        max_length=100,
        unique=True,
        help_text=_("Matched as whole words, ignoring case and accents."),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices, default=Action.SUSPECT)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    panels = [FieldPanel("phrase"), FieldPanel("action")]

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("word-list entry")
        verbose_name_plural = _("word lists")

    def __str__(self):
        return self.phrase


class ClientBan(models.Model):
    """Silently rejects whatever one client posts while its fingerprint lasts.

    Fingerprints rotate daily so that no reader can be tracked for long; a
    ban therefore lasts one or two days, which covers a flood or a raid.
    """

    client_hash = models.CharField(_("client fingerprint"), max_length=64, unique=True)
    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The comment whose writer was banned."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("banned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("banned at"), default=timezone.now)

    class Meta:
        verbose_name = _("ban")
        verbose_name_plural = _("bans")

    def __str__(self):
        return self.client_hash[:12]


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """How the comment stream behaves on one site; editable by administrators."""

    premoderation = models.BooleanField(
        _("hold every comment for moderation"),
        default=True,
        help_text=_("When off, comments that pass the word lists are published at once."),
    )
    auto_close_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=30,
        help_text=_("Days after an article's publication date; 0 keeps comments open."),
    )
    max_length = models.PositiveIntegerField(
        _("longest comment (characters)"),
        default=3000,
        validators=[MinValueValidator(100), MaxValueValidator(9000)],
    )
    max_depth = models.PositiveSmallIntegerField(
        _("reply depth shown"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        help_text=_("1 shows no nesting; deeper replies are shown at the deepest level."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("comments per page"),
        default=50,
        validators=[MinValueValidator(5), MaxValueValidator(500)],
        help_text=_("Counted in top-level comments; a page always holds whole threads."),
    )
    newsroom_name = models.CharField(
        _("newsroom name on replies"), max_length=80, default="Frontera", help_text=_("Shown on newsroom replies.")
    )
    notification_emails = models.TextField(
        _("notify these addresses"),
        blank=True,
        help_text=_("One address per line. When empty, the members of the comment moderators group are notified."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("premoderation"), FieldPanel("auto_close_days"), FieldPanel("max_length")],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_depth"), FieldPanel("page_size"), FieldPanel("newsroom_name")],
            heading=_("Display"),
        ),
        FieldPanel("notification_emails"),
    ]

    class Meta:
        verbose_name = _("comment settings")

    def notification_addresses(self):
        return [line.strip() for line in self.notification_emails.splitlines() if line.strip()]
