"""How the tip page answers a source: the form, the replies, the follow-up.

TipPage's routes call these; they read and write the tip line's records,
so the page model stays a thin list of routes over them.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.bilingual import current_language
from core.forgery import same_site_post
from core.outage import RETRY_AFTER_SECONDS, database_is_down, kept_texts

from . import codenames, conf, crypto, intake, security
from .forms import CodenameForm, FollowUpForm, ReplyMethod, TipForm
from .records import TipSource
from .submission import create_source, store_tip
from .uploads import known_extensions

logger = logging.getLogger(__name__)


def answer(page, request, respond):
    """``respond()`` with the tip line's headers; on an error, the tip line's
    own error page instead of the site's."""
    try:
        response = respond()
    except Http404:
        raise
    except Exception as error:
        if settings.DEBUG:
            raise
        # Logged without the request: an error report must not carry
        # the source's address or browser.
        logger.exception("The tip page failed to answer.")
        context = {"page": page, "kept_texts": kept_texts(request)}
        status = 503 if database_is_down(error) else 500
        response = TemplateResponse(request, "tips/tip_error.html", context, status=status)
        if status == 503:
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return security.protect(response)


def page_context(page):
    """What the tip page's templates need beyond the page itself."""
    return {
        "token": security.form_token(page),
        "accepted_extensions": known_extensions(),
        "codename_words": codenames.word_count(),
        "encrypted": crypto.public_key_is_configured(),
        **intake.limits_context(),
    }


def source_from_token(token):
    source_id = security.source_id_from_token(token)
    return TipSource.objects.filter(pk=source_id).first() if source_id is not None else None


def render_state(page, request, template, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def forbidden(page, request):
    return render_state(page, request, "tips/tip_forbidden.html", status=403)


def receive(request, kind, form_class):
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
        # The fields the limit cut off are missing, not forgotten: only the refusal is shown.
        form.is_valid()
        form.errors.clear()
        form.add_error(None, refusal)
        return form, 400
    if not admitted:
        form.add_error(None, intake.busy_message())
        return form, 429
    return form, None


def tip_form(page, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method != "POST":
        return render_state(page, request, "tips/tip_page.html", form=TipForm())
    if not same_site_post(request):
        return forbidden(page, request)
    form, refused_status = receive(request, intake.TIPS, TipForm)
    if refused_status is not None:
        return render_state(page, request, "tips/tip_page.html", status=refused_status, form=form, refused=True)
    token_valid = security.form_token_is_valid(request.POST.get("token"), page)
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
        return render_state(page, request, "tips/tip_thanks.html", codename=codename)
    if not token_valid:
        form.add_error(None, expired_message())
    # Shown again with what the source wrote, and a 400: nothing was stored.
    return render_state(page, request, "tips/tip_page.html", status=400, form=form, refused=True)


def replies(page, request):
    if request.method != "POST":
        return render_state(page, request, "tips/tip_replies.html", codename_form=CodenameForm())
    if not same_site_post(request):
        return forbidden(page, request)
    form, refused_status = receive(request, intake.CODENAME_CHECKS, CodenameForm)
    if refused_status is not None:
        return render_state(page, request, "tips/tip_replies.html", status=refused_status, codename_form=form)
    token_valid = security.form_token_is_valid(request.POST.get("token"), page)
    if form.is_valid() and token_valid:
        keys = codenames.derive(form.cleaned_data["codename"])
        source = TipSource.objects.filter(lookup=keys.lookup).first()
        if source is not None:
            return render_state(
                page,
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
    return render_state(page, request, "tips/tip_replies.html", codename_form=form)


def follow_up(page, request):
    if request.method != "POST":
        return HttpResponseRedirect(page.url + page.reverse_subpage("replies"))
    if not same_site_post(request):
        return forbidden(page, request)
    form, refused_status = receive(request, intake.TIPS, FollowUpForm)
    source = source_from_token(request.POST.get("source_token"))
    if source is None:
        return render_state(
            page,
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
        return render_state(page, request, "tips/tip_thanks.html", follow_up=True)
    return render_state(
        page,
        request,
        "tips/tip_replies.html",
        status=refused_status or 400,
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
