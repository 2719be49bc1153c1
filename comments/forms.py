from django import forms
from django.utils.translation import gettext_lazy as _

from blog.models import ArticlePage
from core.bilingual import LanguageChoices

from .models import Comment, ModerationEvent, Report
from .spam import StampError, make_stamp, read_stamp, refreshed_stamp
from .threads import is_visible

STAMP_ERRORS = {
    "invalid": _("This form could not be checked. Please send your comment again."),
    "too_fast": _("That was faster than anyone can write. Please wait a few seconds and send it again."),
    "expired": _("This page was open for too long. Please send your comment again."),
}
MIN_BODY_LENGTH = 2


class CommentForm(forms.Form):
    """A reader's comment. ``website`` is a honeypot that people never see."""

    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=80,
        required=False,
        help_text=_("Leave it empty to appear as Anonymous. A pseudonym is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("Only the moderators see it, and only to contact you about your comment."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 6}), strip=True)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, article, max_length, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.max_length = max_length
        self.fields["body"].widget.attrs["data-max-length"] = str(max_length)
        self.fields["body"].widget.attrs["aria-describedby"] = "comment-body-help"
        if not self.is_bound:
            self.initial.setdefault("stamp", make_stamp(article.pk))

    @property
    def stamp_value(self):
        """The stamp to put in the page: kept while still usable, renewed otherwise."""
        if not self.is_bound:
            return self.initial["stamp"]
        return refreshed_stamp(self.data.get("stamp", ""), self.article.pk)

    @property
    def parent_value(self):
        return self.data.get("parent", "") if self.is_bound else self.initial.get("parent", "")

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > self.max_length:
            raise forms.ValidationError(
                _(
                    "Your comment is %(length)s characters long and the limit is %(limit)s. "
                    "Please shorten it; your text is still here."
                ),
                code="too_long",
                params={"length": len(body), "limit": self.max_length},
            )
        if len(body) < MIN_BODY_LENGTH:
            raise forms.ValidationError(_("Please write a comment before sending it."), code="too_short")
        return body

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            self.cleaned_data["parent_comment"] = None
            return None
        parent = Comment.objects.filter(pk=parent_id, article=self.article, status=Comment.Status.APPROVED).first()
        if parent is None or not is_visible(parent):
            raise forms.ValidationError(_("The comment you are replying to is no longer available."), code="parent")
        self.cleaned_data["parent_comment"] = parent
        return parent_id

    def clean_stamp(self):
        value = self.cleaned_data.get("stamp", "")
        try:
            read_stamp(value, self.article.pk)
        except StampError as error:
            raise forms.ValidationError(STAMP_ERRORS[error.code], code=error.code) from error
        return value

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("This comment could not be accepted. Please leave the last field empty."), code="honeypot"
            )
        return ""

    def clean(self):
        cleaned_data = super().clean()
        # Field-level errors on hidden fields would be invisible: show them on top.
        for name in ("stamp", "parent", "website"):
            if name in self.errors:
                for message in self.errors.pop(name):
                    self.add_error(None, message)
        cleaned_data.setdefault("parent_comment", None)
        return cleaned_data


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at it?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Anything to add (optional)"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search text"), required=False)
    article = forms.ModelChoiceField(label=_("Article"), queryset=ArticlePage.objects.none(), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *LanguageChoices.choices]
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = (
            ArticlePage.objects.filter(comments__isnull=False).distinct().order_by("-publication_date")
        )

    def filters(self):
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


class HistoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search comments, moderators and details"), required=False)
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", _("Any reason")), *ModerationEvent.Reason.choices]
    )


class NewsroomReplyForm(forms.Form):
    body = forms.CharField(label=_("Reply as the newsroom"), widget=forms.Textarea(attrs={"rows": 4}))
    language = forms.ChoiceField(label=_("Language of the reply"), choices=LanguageChoices.choices)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the comment"), choices=LanguageChoices.choices)
