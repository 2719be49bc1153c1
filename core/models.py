from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting


class LoginThrottle(models.Model):
    """Failed sign-ins counted under a keyed hash of an account or a client.

    The key is an HMAC, never the username typed (which is sometimes a
    password typed into the wrong box) nor the client's address.
    """

    key = models.CharField(max_length=80, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_started = models.DateTimeField(db_index=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in throttle")
        verbose_name_plural = _("sign-in throttles")

    def __str__(self):
        return self.key


@register_setting(icon="lock")
class SecuritySettings(BaseGenericSetting):
    """Site-wide sign-in rules that a superuser sets in the admin."""

    require_two_factor = models.BooleanField(
        _("require two-factor sign-in for every account"),
        default=False,
        help_text=_(
            "Every editor must then set up an authenticator app before using the admin. "
            "Editors who have set one up are always asked for a code."
        ),
    )

    class Meta:
        verbose_name = _("Security settings")

    def __str__(self):
        return str(self._meta.verbose_name)


@register_setting(icon="site")
class NewsroomSettings(BaseSiteSetting):
    """Pages the header and footer of every page link to."""

    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("comment policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tip_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tip page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the footer's invitation to send a tip leads."),
    )

    feed_full_text = models.BooleanField(
        _("whole articles in feeds"),
        default=False,
        help_text=_("Feeds carry each article's full text; otherwise only its standfirst and a link."),
    )

    panels = [
        PageChooserPanel("about_page"),
        PageChooserPanel("comment_policy_page"),
        PageChooserPanel("tip_page"),
        FieldPanel("feed_full_text"),
    ]

    class Meta:
        verbose_name = _("newsroom settings")
