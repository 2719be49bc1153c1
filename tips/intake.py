"""Reading what a source posts, within the tip line's limits.

Two things happen before a post to the tip page is validated:

- ``admit`` counts the post against the tip line's budgets (per client
  fingerprint, then for everyone), so a flood of tips or of codename checks
  (84 ms of scrypt each) is turned back with 429 before any file is decoded
  or any codename hashed;
- ``read_post`` parses the body itself, with the tip line's upload handler,
  and turns Django's request-size errors (too many fields, too many files,
  too much text), which would otherwise end in a 500 with the source's text
  lost, into a translated explanation, keeping every field read before the
  limit was reached.
"""

import urllib.parse

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from core.client import private_client_hashes
from core.ratelimit import Budget

from . import conf
from .uploads import TipUploadHandler

TIPS = "tips"
CODENAME_CHECKS = "codename-checks"

# The fields the tip line's forms have: what is kept from a body that broke a limit.
KNOWN_FIELDS = ("token", "source_token", "message", "links", "reply", "contact", "codename")


def budgets(kind):
    """The per-client budget, then the overall one, for posting tips or checking codenames."""
    window = conf.rate_window()
    if kind == TIPS:
        return Budget("tips-client", conf.tips_per_client(), window), Budget("tips-all", conf.tips_total(), window)
    return (
        Budget("codenames-client", conf.codename_checks_per_client(), window),
        Budget("codenames-all", conf.codename_checks_total(), window),
    )


def admit(request, kind):
    """Counts this post; False once the client's or everyone's budget is spent.

    The overall budget is counted only for posts the client's own budget
    allowed, so one client cannot spend it for everyone. The client is
    counted under the tip line's own fingerprint, which nothing else stores
    and nobody can recompute from the server's secrets.
    """
    per_client, overall = budgets(kind)
    return per_client.hit(*private_client_hashes(request, "tips")) and overall.hit("all")


def busy_message():
    return _(
        "Too many messages have reached this page, so yours was not received. "
        "Your text is kept below: copy it and send it again later."
    )


def _refusal(error):
    if isinstance(error, TooManyFilesSent):
        return _(
            "You chose more files than this form can receive (at most %(count)d). "
            "Your text is kept below: choose fewer files and send it again."
        ) % {"count": conf.max_files()}
    if isinstance(error, RequestDataTooBig):
        return _(
            "Your text was too long for this form to receive (messages can be at most %(characters)s "
            "characters; longer documents can be sent as a file). What could be kept is below; "
            "anything after it was not received."
        ) % {"characters": f"{conf.max_message_length():,}"}
    if isinstance(error, TooManyFieldsSent):
        return _(
            "This form was sent with far more fields than it has, so it could not be read. "
            "What could be kept is below: check it and send it again."
        )
    return _("This form could not be read. Check what you wrote and send it again.")


def _known_fields(pairs):
    kept = QueryDict(mutable=True)
    for name, value in pairs:
        if name in KNOWN_FIELDS and name not in kept:
            kept[name] = value
    return kept


def _parse_urlencoded(request):
    try:
        body = request.body  # raises RequestDataTooBig past DATA_UPLOAD_MAX_MEMORY_SIZE
    except RequestDataTooBig as error:
        return QueryDict(), error
    try:
        return QueryDict(body, encoding="utf-8"), None
    except TooManyFieldsSent as error:
        # The body is already in memory (and within the size limit): keep the form's own fields.
        pairs = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        return _known_fields(pairs), error


def _parse_multipart(request):
    try:
        parser = MultiPartParser(request.META, request, request.upload_handlers, request.encoding)
    except MultiPartParserError as error:  # no or a bad boundary
        return (QueryDict(), MultiValueDict()), error
    try:
        return parser.parse(), None
    except (TooManyFieldsSent, TooManyFilesSent, RequestDataTooBig, MultiPartParserError) as error:
        # The parser has filled its POST dictionary up to the field that broke the limit.
        partial = getattr(parser, "_post", None) or QueryDict()
        return (_known_fields(partial.items()), MultiValueDict()), error


def read_post(request, *, keep_files=True):
    """Parses the body within limits; returns an explanation for the source, or None.

    With ``keep_files`` false (a post over budget), files are skipped as
    they stream past, so nothing is held in memory but the text.
    """
    if hasattr(request, "_files") or request.method != "POST":
        return None  # already parsed by something else, or nothing to parse
    request.upload_handlers = [TipUploadHandler(request, keep_files=keep_files)]
    error = None
    if request.content_type == "multipart/form-data":
        (post, files), error = _parse_multipart(request)
    elif request.content_type == "application/x-www-form-urlencoded":
        post, error = _parse_urlencoded(request)
        files = MultiValueDict()
    else:
        post, files = QueryDict(), MultiValueDict()
    request.POST = post
    # Django's own parser stores the files here; there is no public setter.
    request._files = files
    return _refusal(error) if error is not None else None


def limits_context():
    """What the tip page tells sources about its limits."""
    return {
        "max_files": conf.max_files(),
        "max_file_size": conf.max_file_size(),
        "max_submission_size": conf.max_submission_size(),
        "max_message_length": conf.max_message_length(),
        "max_megapixels": conf.max_image_pixels() // 1_000_000,
        "tips_per_client": conf.tips_per_client(),
        "rate_window_minutes": max(1, conf.rate_window() // 60),
        "rate_window_is_a_day": conf.rate_window() == 24 * 60 * 60,
    }
