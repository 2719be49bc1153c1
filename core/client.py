"""A client's fingerprint for rate limits and bans, never its address.

The address is reduced (IPv6 to its /64, which one household shares) and
run through an HMAC whose key is derived from SECRET_KEY and the current
UTC day. The key changes every day and is never stored, so yesterday's
fingerprints cannot be linked to today's, nor reversed into addresses.
"""

import datetime
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.crypto import salted_hmac


def trusted_proxy_count():
    """How many proxies in front of the site append to X-Forwarded-For (default 0).

    The setting is named for the comments, whose README entry documents it;
    comments.conf checks it with the other COMMENTS_* settings.
    """
    value = getattr(settings, "COMMENTS_TRUSTED_PROXY_COUNT", 0)
    try:
        count = int(str(value).strip())
    except ValueError:
        count = -1
    if count < 0:
        raise ImproperlyConfigured(
            f"COMMENTS_TRUSTED_PROXY_COUNT must be a whole number of zero or more, not {value!r}."
        )
    return count


def client_address(request):
    """The client's address, read through as many proxies as are trusted."""
    trusted_proxies = trusted_proxy_count()
    if trusted_proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= trusted_proxies:
            return forwarded[-trusted_proxies]
    return request.META.get("REMOTE_ADDR", "")


def network_of(address):
    """The part of an address that identifies one client: IPv4 whole, IPv6 by /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def day_key(day):
    """The day's HMAC key; derived, never stored."""
    return salted_hmac("comments.client-fingerprint", day.isoformat(), algorithm="sha256").digest()


def fingerprint(address, day):
    return hmac.new(day_key(day), network_of(address).encode(), hashlib.sha256).hexdigest()


def client_hashes(request, now=None):
    """Today's fingerprint first, then yesterday's, so limits hold across midnight."""
    today = (now or timezone.now()).astimezone(datetime.UTC).date()
    address = client_address(request)
    return [fingerprint(address, today), fingerprint(address, today - datetime.timedelta(days=1))]
