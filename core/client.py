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
import secrets

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
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


# Django keeps a local-memory cache's data per location, per process.
PRIVATE_KEYS_LOCATION = "core.client.private-keys"


def private_day_key(purpose, day):
    """A random key for ``purpose`` and ``day``, made by this process and kept only in its memory."""
    keys = LocMemCache(PRIVATE_KEYS_LOCATION, {})
    name = f"{purpose}:{day.isoformat()}"
    keys.add(name, secrets.token_bytes(32), timeout=3 * 24 * 60 * 60)
    return keys.get(name)


def private_client_hashes(request, purpose, now=None):
    """Fingerprints that cannot be joined to any other, nor reversed with SECRET_KEY.

    For the tip line: a source's fingerprint must not match the one stored
    with their comments or sign-in attempts, and whoever holds the server's
    secrets must not be able to try every address against it. The key is
    random, per purpose and day, and never leaves this process's memory, so
    limits counted with it hold per process (each app server process counts
    a client on its own) and are forgotten on restart.
    """
    today = (now or timezone.now()).astimezone(datetime.UTC).date()
    network = network_of(client_address(request)).encode()
    return [
        hmac.new(private_day_key(purpose, day), network, hashlib.sha256).hexdigest()
        for day in (today, today - datetime.timedelta(days=1))
    ]
