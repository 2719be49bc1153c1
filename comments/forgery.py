"""Cookie-free protection against forged posts for the reader forms.

An article page must be the same for every anonymous reader, so a CDN or
the site's own page cache can serve it, and must set no cookie: a cookie is
an identifier on the reader's device and on the wire. Django's CSRF
protection needs both a cookie and a token per visitor, so the comment,
reply and report forms are exempt from it and guarded instead, as the tip
form is, by

- fetch metadata (``core.forgery.same_site_post``): a browser that sends ``Sec-Fetch-Site`` (every current
  one) says whether the post came from this site; any other value than
  ``same-origin`` (or ``none``, typed by the user) is refused, and an
  ``Origin`` that names another origin is refused too;
- a signed, short-lived stamp in a hidden field (``comments.spam`` for
  comments, ``report_token`` here for reports), so a post forged without
  loading the form, or replayed long after, is turned back.

A forged post could achieve little anyway: these forms act on no session
and no account; the worst is an unwanted comment or report, which the rate
limits and moderation already bound.
"""

from django.core import signing

from . import conf

REPORT_SALT = "comments.report-token"


def report_token(comment):
    return signing.TimestampSigner(salt=REPORT_SALT).sign(str(comment.pk))


def report_token_is_valid(token, comment):
    try:
        value = signing.TimestampSigner(salt=REPORT_SALT).unsign(token or "", max_age=conf.max_form_age())
    except signing.BadSignature:
        return False
    return value == str(comment.pk)
