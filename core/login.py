"""Admin sign-in defence: a lockout per account and per client, in the database.

After ``ADMIN_LOGIN_FAILURE_LIMIT`` failed sign-ins to one account, or
``ADMIN_LOGIN_CLIENT_FAILURE_LIMIT`` from one client, within
``ADMIN_LOGIN_COOLOFF`` seconds, every sign-in to that account or from that
client is refused, the right password included, until the cool-off has
passed. The counts live in the database, so they hold across workers and
when the cache is down. They are kept under keyed hashes: of the username
typed and of the client's daily fingerprint (``core.client``), never the
username or the address itself.

The check sits in the authentication backend, so it covers every sign-in
form (the admin's and Wagtail's private-page login alike).
"""

import datetime
import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .client import client_hashes
from .models import LoginThrottle


def account_failure_limit():
    return settings.ADMIN_LOGIN_FAILURE_LIMIT


def client_failure_limit():
    return settings.ADMIN_LOGIN_CLIENT_FAILURE_LIMIT


def cooloff():
    return datetime.timedelta(seconds=settings.ADMIN_LOGIN_COOLOFF)


def account_key(username):
    digest = salted_hmac("core.login.account", (username or "").strip().casefold(), algorithm="sha256")
    return f"account:{digest.hexdigest()}"


def client_keys(request):
    """Today's key first, then yesterday's, so a lock holds across midnight."""
    return [f"client:{value}" for value in client_hashes(request)]


def locked_until(request, username):
    """When the lock on this account or client ends, or None."""
    keys = [account_key(username), *client_keys(request)]
    found = LoginThrottle.objects.filter(key__in=keys, locked_until__gt=timezone.now())
    return found.aggregate(until=Max("locked_until"))["until"]


def claim_attempt(key, limit, now):
    """Counts an attempt on ``key`` as a failure before its password is checked.

    Counting first, under a row lock, is what stops concurrent guesses from
    all passing the check before any of them is counted. Returns whether the
    attempt may go on (the key was not locked), and whether it set the lock.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                LoginThrottle.objects.get_or_create(key=key, defaults={"window_started": now})
        except IntegrityError:
            pass  # another request created it first
        row = LoginThrottle.objects.select_for_update().get(key=key)
        if row.locked_until is not None and row.locked_until > now:
            return False, False
        if row.window_started <= now - cooloff():
            row.failures, row.window_started = 0, now
        row.failures += 1
        locks = row.failures >= limit
        if locks:
            row.locked_until = now + cooloff()
            row.failures, row.window_started = 0, row.locked_until
        row.save()
        return True, locks


def give_back_attempt(key, limit, locked_by_it, now):
    """A right password: the client's attempt counted in advance was no failure."""
    with transaction.atomic():
        row = LoginThrottle.objects.select_for_update().filter(key=key).first()
        if row is None:
            return
        if locked_by_it:
            row.locked_until, row.failures, row.window_started = None, limit - 1, now
        else:
            row.failures = max(0, row.failures - 1)
        row.save()


def forget_stale_rows(now):
    # Rows whose window and lock are long over say nothing useful.
    stale = now - cooloff() - datetime.timedelta(days=2)
    LoginThrottle.objects.filter(window_started__lt=stale).filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=stale)
    ).delete()


def record_success(username):
    """A right password clears the account's count, never the client's."""
    LoginThrottle.objects.filter(key=account_key(username)).delete()


class ThrottledModelBackend(ModelBackend):
    """Django's model backend behind the per-account and per-client lockout."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            # Management commands and the shell: no client to lock out.
            return super().authenticate(request, username=username, password=password, **kwargs)
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        now = timezone.now()
        client_key = client_keys(request)[0]
        client_allowed = account_allowed = client_locked = False
        if locked_until(request, username) is None:
            # The client first: a guess at a locked account still counts against whoever made it.
            client_allowed, client_locked = claim_attempt(client_key, client_failure_limit(), now)
            if client_allowed:
                account_allowed, _locked = claim_attempt(account_key(username), account_failure_limit(), now)
        if not (client_allowed and account_allowed):
            request.login_locked_until = locked_until(request, username) or now + cooloff()
            raise PermissionDenied  # authenticate() stops here: no other backend is tried
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            forget_stale_rows(now)
        else:
            record_success(username)
            give_back_attempt(client_key, client_failure_limit(), client_locked, now)
        return user


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, saying so when the lockout refused the attempt."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            until = getattr(self.request, "login_locked_until", None)
            if until is None:
                raise
            minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
            raise ValidationError(
                ngettext(
                    "Too many failed sign-ins. Try again in %(minutes)d minute.",
                    "Too many failed sign-ins. Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="locked",
            ) from None
