"""The tip line: the public tip page, and what sources send through it.

Nothing here records who a source is: no IP address, no user agent, no
time of day (``received_on`` is a date), no original file name. With
``TIPS_PUBLIC_KEY`` set, the text and the files are sealed to the newsroom's
key before they are saved, and the plaintext columns stay empty.
"""

import json
import logging

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.bilingual import BilingualPageMixin, LanguageChoices, current_language
from core.forms import BilingualPageForm

from . import codenames, conf, crypto, intake, security, storage
from .uploads import CONTENT_TYPES, KIND, known_extensions

logger = logging.getLogger(__name__)


class TipPage(RoutablePageMixin, BilingualPageMixin, Page):
    """The page where sources send tips, check replies and add information.

    Its own text (the invitation) is editable in both languages; what the
    site protects and what it cannot is written in the template, so no
    edit can make the page promise more than the code keeps.
    """

    intro = RichTextField(
        _("invitation"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Why and what to send. Shown above the explanation of how the tip line protects sources."),
    )
    thank_you = models.TextField(
        _("thank-you message"), blank=True, help_text=_("Shown after a tip is received, above the codename.")
    )
    onion_address = models.CharField(
        _("onion address"),
        max_length=100,
        blank=True,
        help_text=_("This site's .onion address for Tor Browser, if it has one. Shown as plain text, not as a link."),
    )
    securedrop_address = models.CharField(
        _("SecureDrop address"),
        max_length=200,
        blank=True,
        help_text=_("The newsroom's SecureDrop address, if it has one. Shown as plain text, not as a link."),
    )

    translated_fields = ("title", "intro", "thank_you")
    required_fields = ("title",)

    base_form_class = BilingualPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("original_language"),
        FieldPanel("intro"),
        FieldPanel("thank_you"),
        MultiFieldPanel([FieldPanel("onion_address"), FieldPanel("securedrop_address")], heading=_("Safer channels")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # A post refused by the CSRF check shows the source's own text back (core.views).
    echoes_reader_text = True

    class Meta:
        verbose_name = _("tip page")

    # Serving ---------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        try:
            response = super().serve(request, *args, **kwargs)
        except Http404:
            raise
        except Exception:
            if settings.DEBUG:
                raise
            # Logged without the request: an error report must not carry
            # the source's address or browser.
            logger.exception("The tip page failed to answer.")
            response = TemplateResponse(request, "tips/tip_error.html", {"page": self}, status=500)
        return security.protect(response)

    def serve_preview(self, request, mode_name):
        return security.protect(super().serve_preview(request, mode_name))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "token": security.form_token(self),
                "accepted_extensions": known_extensions(),
                "codename_words": codenames.word_count(),
                "encrypted": crypto.public_key_is_configured(),
                **intake.limits_context(),
            }
        )
        return context

    def render_state(self, request, template, status=200, **context):
        response = self.render(request, template=template, context_overrides=context)
        response.status_code = status
        return response

    def forbidden(self, request):
        return self.render_state(request, "tips/tip_forbidden.html", status=403)

    def receive(self, request, kind, form_class):
        """Counts the post, reads it within limits and binds ``form_class`` to it.

        Returns the form and, when the post must be turned back with the
        text kept, the HTTP status (400 or 429); the form then carries the
        explanation. Over budget, files are skipped unread and nothing
        costly (image decoding, scrypt) runs.
        """
        admitted = intake.admit(request, kind)
        refusal = intake.read_post(request, keep_files=admitted)
        form = form_class(request.POST, request.FILES)
        if refusal is not None:
            form.add_error(None, refusal)
            return form, 400
        if not admitted:
            form.add_error(None, intake.busy_message())
            return form, 429
        return form, None

    @path("", name="form")
    def tip_form(self, request):
        from .forms import ReplyMethod, TipForm
        from .submission import create_source, store_tip

        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        if request.method != "POST":
            return self.render_state(request, "tips/tip_page.html", form=TipForm())
        if not security.same_site_post(request):
            return self.forbidden(request)
        form, refused_status = self.receive(request, intake.TIPS, TipForm)
        if refused_status is not None:
            return self.render_state(request, "tips/tip_page.html", status=refused_status, form=form, refused=True)
        token_valid = security.form_token_is_valid(request.POST.get("token"), self)
        if form.is_valid() and token_valid:
            data = form.cleaned_data
            codename = source = None
            if data["reply"] == ReplyMethod.CODENAME:
                codename = codenames.generate()
                source = create_source(codename)
            store_tip(
                message=data["message"],
                links=data["links"],
                contact=data["contact"],
                uploads=data["files"],
                language=current_language(),
                source=source,
            )
            return self.render_state(request, "tips/tip_thanks.html", codename=codename)
        if not token_valid:
            form.add_error(None, expired_message())
        return self.render_state(request, "tips/tip_page.html", form=form, refused=True)

    @path("replies/", name="replies")
    def replies(self, request):
        from .forms import CodenameForm, FollowUpForm

        if request.method != "POST":
            return self.render_state(request, "tips/tip_replies.html", codename_form=CodenameForm())
        if not security.same_site_post(request):
            return self.forbidden(request)
        form, refused_status = self.receive(request, intake.CODENAME_CHECKS, CodenameForm)
        if refused_status is not None:
            return self.render_state(request, "tips/tip_replies.html", status=refused_status, codename_form=form)
        token_valid = security.form_token_is_valid(request.POST.get("token"), self)
        if form.is_valid() and token_valid:
            keys = codenames.derive(form.cleaned_data["codename"])
            source = TipSource.objects.filter(lookup=keys.lookup).first()
            if source is not None:
                return self.render_state(
                    request,
                    "tips/tip_replies.html",
                    source=source,
                    replies=source.read_replies(keys.reply_private_key),
                    follow_up_form=FollowUpForm(),
                    source_token=security.source_token(source),
                )
            form.add_error("codename", _("Nothing was found for that codename. Check each word and try again."))
        if not token_valid:
            form.add_error(None, expired_message())
        return self.render_state(request, "tips/tip_replies.html", codename_form=form)

    @path("replies/more/", name="follow_up")
    def follow_up(self, request):
        from .forms import CodenameForm, FollowUpForm
        from .submission import store_tip

        if request.method != "POST":
            return HttpResponseRedirect(self.url + self.reverse_subpage("replies"))
        if not security.same_site_post(request):
            return self.forbidden(request)
        form, refused_status = self.receive(request, intake.TIPS, FollowUpForm)
        source = security.source_from_token(request.POST.get("source_token"))
        if source is None:
            return self.render_state(
                request,
                "tips/tip_replies.html",
                status=refused_status or 200,
                codename_form=CodenameForm(),
                expired=True,
                kept_text=request.POST.get("message", "")[: conf.max_message_length()],
            )
        if refused_status is None and form.is_valid():
            data = form.cleaned_data
            store_tip(
                message=data["message"],
                links=data["links"],
                contact="",
                uploads=data["files"],
                language=current_language(),
                source=source,
                is_follow_up=True,
            )
            return self.render_state(request, "tips/tip_thanks.html", follow_up=True)
        return self.render_state(
            request,
            "tips/tip_replies.html",
            status=refused_status or 200,
            source=source,
            follow_up_form=form,
            source_token=security.source_token(source),
            refused=True,
        )


def expired_message():
    return _(
        "For your safety this form expires after a few hours, and it had expired. "
        "Your text is kept below: check it and send it again."
    )


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
        NEW = "new", _("New")
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
