"""What every tip-line response carries, and the cookieless anti-forgery check.

Django's CSRF protection needs a cookie, and the tip page sets none: a cookie
is a trace on the source's device and an identifier on the wire. The form
is instead guarded by

- Fetch metadata (``core.forgery.same_site_post``): a browser that sends ``Sec-Fetch-Site`` (every current
  one, Tor Browser included) says whether the post came from this site; a
  cross-site or same-site post is refused. ``Origin``, when it names an
  origin, must be this site's. With ``Referrer-Policy: no-referrer`` browsers
  send ``Origin: null`` on the site's own posts, so ``null`` is accepted and
  left to the fetch-metadata check;
- a signed, short-lived token in a hidden field, tied to the page, so a post
  replayed long after the form was shown, or forged without loading it, is
  turned back (with the typed text kept).

What a forged post could achieve is small anyway: the form acts on no
session and no account, so the worst is an unwanted tip, or someone being
shown replies to a codename an attacker chose.
"""

from django.core import signing

from . import conf

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        "connect-src 'none'",
    ]
)

TOKEN_SALT = "tips.form-token"  # noqa: S105 - a signing namespace, not a secret
SOURCE_TOKEN_SALT = "tips.source-token"  # noqa: S105 - a signing namespace, not a secret
SOURCE_TOKEN_MAX_AGE = 60 * 60


def protect(response, *, noindex=False):
    """Adds the tip line's headers to a public or admin response."""
    response["Cache-Control"] = "no-store, max-age=0"
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response["Referrer-Policy"] = "no-referrer"
    response["X-Content-Type-Options"] = "nosniff"
    # Permissions-Policy: the site's own, full one (core.headers).
    response["Cross-Origin-Opener-Policy"] = "same-origin"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if noindex:
        response["X-Robots-Tag"] = "noindex, nofollow"
    # Django logs every 4xx/5xx response with the request attached, and an
    # error email built from that record would list the client's address.
    response._has_been_logged = True
    return response


def form_token(page):
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(page.pk))


def form_token_is_valid(token, page):
    try:
        value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token or "", max_age=conf.form_max_age())
    except signing.BadSignature:
        return False
    return value == str(page.pk)


def source_token(source):
    """Lets a source who just opened their replies add information, for an hour."""
    return signing.TimestampSigner(salt=SOURCE_TOKEN_SALT).sign(str(source.pk))


def source_id_from_token(token):
    """The id of the source a token was made for, while it lasts; else None."""
    try:
        value = signing.TimestampSigner(salt=SOURCE_TOKEN_SALT).unsign(token or "", max_age=SOURCE_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


def protect_admin(response):
    """Headers for the editors' pages: Wagtail's admin needs its scripts, so no CSP here."""
    response["Cache-Control"] = "no-store, max-age=0"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
