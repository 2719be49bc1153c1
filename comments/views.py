"""The reader's side: post, reply without JavaScript, see it sent, report."""

from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from blog.models import ArticlePage
from core.client import client_hashes
from core.forgery import same_site_post

from .forgery import report_token, report_token_is_valid
from .forms import CommentForm, ReportForm
from .models import Comment, CommentSettings, Report
from .posting import submit_comment
from .spam import RateLimited, check_report_limit, lock_client
from .threads import is_visible
from .visibility import comments_open

SENT_SALT = "comments.sent"
SENT_MAX_AGE = 60 * 60 * 24


def refused_cross_site(request, article, kept_text, report_url=None):
    """A post from another site, answered with its text to copy and nothing that could send it again.

    A form here would let the other site fill in a reader's comment or report
    and leave them one click from sending it.
    """
    context = {
        "article": article,
        "text": article.reader_text(),
        "kept_text": kept_text,
        "report_url": report_url,
    }
    return render(request, "comments/refused.html", context, status=403)


def live_articles():
    return ArticlePage.objects.live().public()


def comment_page(request, article, form, *, status=200, parent=None, heading=None):
    """The form on a page of its own: replies without JavaScript and refused posts."""
    context = {
        "article": article,
        "text": article.reader_text(),
        "form": form,
        "parent": parent,
        "heading": heading or _("Your comment"),
        "is_open": comments_open(article, CommentSettings.for_request(request)),
    }
    return render(request, "comments/comment_page.html", context, status=status)


# Cookie-free: the signed stamp and fetch metadata guard it (see forgery.py).
@csrf_exempt
@never_cache
@require_POST
def post_comment(request, article_id):
    article = get_object_or_404(live_articles(), pk=article_id)
    site_settings = CommentSettings.for_request(request)
    if not same_site_post(request):
        return refused_cross_site(request, article, request.POST.get("body", ""))
    form = CommentForm(request.POST, article=article, max_length=site_settings.max_length)
    if not comments_open(article, site_settings):
        form.is_valid()
        form.add_error(None, _("Comments are closed on this article. Your text is below if you want to keep it."))
        return comment_page(request, article, form, status=403)
    if not form.is_valid():
        return comment_page(request, article, form, status=400, parent=form.cleaned_data.get("parent_comment"))
    try:
        comment = submit_comment(request, article, form.cleaned_data, site_settings)
    except RateLimited as limit:
        form.add_error(None, limit.message)
        return comment_page(request, article, form, status=429, parent=form.cleaned_data.get("parent_comment"))
    token = signing.dumps(comment.pk, salt=SENT_SALT)
    return redirect("comments:sent", token=token)


@never_cache
def reply(request, comment_id):
    parent = get_object_or_404(Comment.objects.select_related("article"), pk=comment_id, status=Comment.Status.APPROVED)
    if not parent.article.live or not is_visible(parent):
        raise Http404
    site_settings = CommentSettings.for_request(request)
    form = CommentForm(article=parent.article, max_length=site_settings.max_length, initial={"parent": parent.pk})
    heading = _("Reply to %(name)s") % {"name": parent.isolated_name}
    return comment_page(request, parent.article, form, parent=parent, heading=heading)


@never_cache
def sent(request, token):
    try:
        comment_id = signing.loads(token, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature as error:
        raise Http404 from error
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=comment_id)
    context = {"comment": comment, "article": comment.article, "text": comment.article.reader_text()}
    return render(request, "comments/sent.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def report(request, comment_id):
    comment = get_object_or_404(
        Comment.objects.select_related("article"), pk=comment_id, status=Comment.Status.APPROVED
    )
    if not comment.article.live or not is_visible(comment):
        raise Http404
    if request.method == "POST" and not same_site_post(request):
        report_url = reverse("comments:report", args=[comment.pk])
        return refused_cross_site(request, comment.article, request.POST.get("details", ""), report_url)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and not report_token_is_valid(request.POST.get("token"), comment):
        form.is_valid()
        form.add_error(None, _("This form could not be checked. Please send your report again."))
        status = 400
    elif request.method == "POST" and form.is_valid():
        hashes = client_hashes(request)
        try:
            with transaction.atomic():
                lock_client(hashes)
                check_report_limit(hashes)
                # One open report per reader and comment is enough for the queue.
                if not Report.objects.filter(comment=comment, client_hash__in=hashes, resolved_at=None).exists():
                    Report.objects.create(comment=comment, client_hash=hashes[0], **form.cleaned_data)
        except RateLimited as limit:
            form.add_error(None, limit.message)
            status = 429
        else:
            return render(request, "comments/report_sent.html", {"comment": comment, "article": comment.article})
    elif request.method == "POST":
        status = 400
    context = {
        "comment": comment,
        "article": comment.article,
        "form": form,
        "action": reverse("comments:report", args=[comment.pk]),
        "token": report_token(comment),
    }
    return render(request, "comments/report.html", context, status=status)
