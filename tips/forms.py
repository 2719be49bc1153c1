"""The source's forms (tip, follow-up, codename) and the editors' forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import codenames, conf, crypto
from .uploads import UploadRefused, check_pixel_total, check_upload, known_extensions

# Browsers must not remember what a source typed (form history, autofill)
# nor send it to a spelling service in the cloud.
PRIVATE_INPUT = {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off", "autocorrect": "off"}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files; each is checked by the form, not here."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        uploads = data if isinstance(data, list | tuple) else [data]
        return [upload for upload in uploads if upload and upload.name]


class TipFilesMixin:
    """Checks each file; one refused file refuses the whole post, text kept."""

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        # Photos are counted together from their headers before any is decoded.
        try:
            check_pixel_total(uploads)
        except UploadRefused as refusal:
            raise ValidationError(str(refusal), code="pixels") from None
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(check_upload(upload))
            except UploadRefused as refusal:
                errors.append(ValidationError(str(refusal), code="file_refused"))
        if len(self.cleaned_data.get("files") or []) > conf.max_files():
            errors.insert(
                0,
                ValidationError(
                    _("You can send at most %(count)d files at once.") % {"count": conf.max_files()}, code="count"
                ),
            )
        if errors:
            # The sixth file is refused on its own too: each reason is said once.
            said = {}
            for error in errors:
                said.setdefault(error.message, error)
            raise ValidationError(list(said.values()))
        return cleaned


def files_field():
    return MultipleFileField(
        label=_("Files (optional)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ",".join(f".{ext}" for ext in known_extensions())}),
    )


def message_field(label):
    return forms.CharField(
        label=label,
        max_length=conf.max_message_length(),
        widget=forms.Textarea(attrs={"rows": 10, **PRIVATE_INPUT}),
    )


def links_field():
    return forms.CharField(
        label=_("Links (optional)"),
        help_text=_("One per line. We open them with care; they are never shown to readers."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, **PRIVATE_INPUT}),
    )


class ReplyMethod:
    CODENAME = "codename"
    CONTACT = "contact"
    NONE = "none"


class TipForm(TipFilesMixin, forms.Form):
    REPLY_CHOICES = [
        (ReplyMethod.CODENAME, _("Give me a codename so I can come back and read your replies on this page")),
        (ReplyMethod.CONTACT, _("Contact me at the address I write below")),
        (ReplyMethod.NONE, _("Do not reply")),
    ]

    message = None  # replaced in __init__, so the length limit is read per request
    links = None
    reply = forms.ChoiceField(
        label=_("Do you want an answer?"), choices=REPLY_CHOICES, initial=ReplyMethod.CODENAME, widget=forms.RadioSelect
    )
    contact = forms.CharField(
        label=_("Contact (optional)"),
        help_text=_(
            "An email address, a Signal number, anything. Whatever you write here can identify you: "
            "leave it empty if you prefer the codename."
        ),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs=PRIVATE_INPUT),
    )
    files = None

    field_order = ["message", "links", "reply", "contact", "files"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"] = message_field(_("Your message"))
        self.fields["links"] = links_field()
        self.fields["files"] = files_field()
        self.order_fields(self.field_order)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("reply") == ReplyMethod.CONTACT and not cleaned_data.get("contact"):
            self.add_error("contact", _("Write how we can contact you, or choose another answer."))
        return cleaned_data


class FollowUpForm(TipFilesMixin, forms.Form):
    """More information from a source who came back with their codename."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"] = message_field(_("Add information"))
        self.fields["links"] = links_field()
        self.fields["files"] = files_field()


class CodenameForm(forms.Form):
    codename = forms.CharField(
        label=_("Your codename"),
        max_length=codenames.MAX_LENGTH,
        error_messages={"max_length": _("That is longer than any codename. Check what you typed.")},
        widget=forms.TextInput(attrs=PRIVATE_INPUT),
    )

    def clean_codename(self):
        # CharField has checked the length before this: nothing over
        # MAX_LENGTH ever reaches scrypt.
        codename = codenames.normalize(self.cleaned_data["codename"])
        if not codename:
            raise ValidationError(_("Write your codename."), code="required")
        return codename


class EditorReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        help_text=_(
            "Sealed to the source's codename: only someone who knows it can read it. "
            "Do not ask for details that could identify them."
        ),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class DecryptForm(forms.Form):
    """A private key used for one request: never stored, never logged."""

    private_key = forms.CharField(
        label=_("Private key"),
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=_("Paste the key, or choose the key file below."),
    )
    key_file = forms.FileField(label=_("Private key file"), required=False)

    def __init__(self, *args, expected_key_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected_key_id = expected_key_id

    def clean(self):
        cleaned_data = super().clean()
        text = cleaned_data.get("private_key") or ""
        key_file = cleaned_data.get("key_file")
        if key_file is not None:
            text = key_file.read(4096).decode("ascii", "replace")
        if not text.strip():
            raise ValidationError(_("Paste the private key or choose its file."), code="required")
        try:
            private_key = crypto.parse_private_key(text)
        except crypto.InvalidKey:
            raise ValidationError(_("That is not a private key."), code="invalid") from None
        if self.expected_key_id and crypto.key_id(private_key.public_key) != self.expected_key_id:
            raise ValidationError(
                _("This private key does not match the key the tip was sealed with."), code="wrong_key"
            )
        cleaned_data["key"] = private_key
        # Drop the text so no later code can echo it back into a page.
        cleaned_data["private_key"] = ""
        return cleaned_data
