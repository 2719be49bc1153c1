"""Client fingerprints: one per household and day, never the address itself."""

import datetime
import zoneinfo

import pytest
from django.test import RequestFactory

from core.client import client_address, client_hashes, fingerprint, network_of

DAY = datetime.date(2026, 3, 1)


def request(remote="192.0.2.10", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("not-an-address", "not-an-address"),
        ("", ""),
    ],
)
def test_network_of(address, network):
    assert network_of(address) == network


def test_one_household_shares_a_fingerprint_and_neighbours_do_not():
    assert fingerprint("2001:db8:1:2::1", DAY) == fingerprint("2001:db8:1:2:ffff::9", DAY)
    assert fingerprint("2001:db8:1:2::1", DAY) != fingerprint("2001:db8:1:3::1", DAY)
    assert fingerprint("203.0.113.7", DAY) != fingerprint("203.0.113.8", DAY)
    assert fingerprint("::ffff:203.0.113.7", DAY) == fingerprint("203.0.113.7", DAY)


def test_fingerprint_is_a_daily_keyed_hash_not_the_address(settings):
    today = fingerprint("203.0.113.7", DAY)
    assert len(today) == 64 and int(today, 16) >= 0
    assert "203.0.113.7" not in today
    assert fingerprint("203.0.113.7", DAY) == today
    assert fingerprint("203.0.113.7", DAY + datetime.timedelta(days=1)) != today
    settings.SECRET_KEY = "another-secret-key-for-another-site"
    assert fingerprint("203.0.113.7", DAY) != today


def test_client_hashes_are_today_then_yesterday_by_utc_day():
    # 20:30 on 1 March in Chicago is already 2 March in UTC.
    evening = datetime.datetime(2026, 3, 1, 20, 30, tzinfo=zoneinfo.ZoneInfo("America/Chicago"))
    hashes = client_hashes(request("203.0.113.7"), now=evening)
    assert hashes == [
        fingerprint("203.0.113.7", datetime.date(2026, 3, 2)),
        fingerprint("203.0.113.7", datetime.date(2026, 3, 1)),
    ]
    tomorrow = client_hashes(request("203.0.113.7"), now=evening + datetime.timedelta(days=1))
    assert tomorrow[1] == hashes[0]
    assert client_hashes(request("203.0.113.7"))[0] != client_hashes(request("203.0.113.8"))[0]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        (0, "198.51.100.1", "192.0.2.10"),
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (1, " 6.6.6.6 ,198.51.100.1 ", "198.51.100.1"),
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        (2, "198.51.100.1, 10.0.0.1", "198.51.100.1"),
        (2, "10.0.0.1", "192.0.2.10"),  # fewer entries than proxies: the header is not trusted
        (1, "", "192.0.2.10"),
        (1, " , ", "192.0.2.10"),
        (3, "6.6.6.6, , 198.51.100.1, 10.0.0.2, 10.0.0.1", "198.51.100.1"),
    ],
)
def test_client_address_reads_from_the_right(settings, proxies, forwarded, address):
    settings.COMMENTS_TRUSTED_PROXY_COUNT = proxies
    assert client_address(request("192.0.2.10", forwarded)) == address


def test_client_address_without_header_or_setting(settings):
    del settings.COMMENTS_TRUSTED_PROXY_COUNT
    assert client_address(request("192.0.2.10", "198.51.100.1")) == "192.0.2.10"
    settings.COMMENTS_TRUSTED_PROXY_COUNT = 1
    assert client_address(request("192.0.2.10")) == "192.0.2.10"
    bare = RequestFactory().get("/")
    del bare.META["REMOTE_ADDR"]
    assert client_address(bare) == ""


def test_fingerprint_known_answers(settings):
    """Pinned: HMAC-SHA256 of the network under a key derived from SECRET_KEY and the UTC day."""
    settings.SECRET_KEY = "test-only-secret-key"
    assert fingerprint("203.0.113.7", DAY) == "ebfadb52718f81e1199c7c0b3e28c876ad8affce8c0b84153018d1a273161327"
    assert fingerprint("2001:db8:1:2::1", DAY) == "c15b89f913816e7172fa054a73ad7012c493d985191910440159dc1f467bb831"


def test_a_private_day_key_is_random_kept_for_the_day_and_new_each_day():
    """The tip line's key: 32 random bytes, made once per purpose and day in this process's memory."""
    from django.core.cache.backends.locmem import LocMemCache

    from core.client import PRIVATE_KEYS_LOCATION, private_day_key

    LocMemCache(PRIVATE_KEYS_LOCATION, {}).clear()  # as a new process starts
    key = private_day_key("tips", DAY)
    assert isinstance(key, bytes) and len(key) == 32
    assert private_day_key("tips", DAY) == key
    assert private_day_key("tips", DAY + datetime.timedelta(days=1)) != key
    assert private_day_key("login", DAY) != key


def test_a_private_day_key_is_kept_three_days_and_then_forgotten(monkeypatch):
    """Yesterday's fingerprints are still checked today, so a key must outlive its day; then it goes."""
    import time

    from django.core.cache.backends.locmem import LocMemCache

    from core.client import PRIVATE_KEYS_LOCATION, private_day_key

    clock = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    LocMemCache(PRIVATE_KEYS_LOCATION, {}).clear()
    key = private_day_key("tips", DAY)
    clock[0] += 3 * 24 * 60 * 60 - 60
    assert private_day_key("tips", DAY) == key
    clock[0] += 120
    assert private_day_key("tips", DAY) != key


@pytest.mark.parametrize("value", ["two", "-1", "1.5", ""])
def test_a_proxy_count_that_is_not_a_whole_number_stops_the_site(settings, value):
    """Guessing would trust a forged X-Forwarded-For, or ban the proxy itself."""
    from django.core.exceptions import ImproperlyConfigured

    from core.client import trusted_proxy_count

    settings.COMMENTS_TRUSTED_PROXY_COUNT = value
    with pytest.raises(ImproperlyConfigured, match="COMMENTS_TRUSTED_PROXY_COUNT must be a whole number"):
        trusted_proxy_count()


def test_the_tip_lines_fingerprints_carry_over_one_midnight_and_no_more():
    """A limit counted yesterday still holds today; one from two days ago is forgotten."""
    from core.client import private_client_hashes

    noon = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    address = request("198.51.100.7")
    today = private_client_hashes(address, "tips", now=noon)
    tomorrow = private_client_hashes(address, "tips", now=noon + datetime.timedelta(days=1))
    after = private_client_hashes(address, "tips", now=noon + datetime.timedelta(days=2))
    assert today[0] == tomorrow[1]
    assert today[0] not in after
    assert tomorrow[0] not in today


def test_the_tip_lines_day_is_the_utc_day_whatever_the_newsrooms_time_zone():
    """The key changes at midnight UTC, the same instant in every app server, not at the newsroom's midnight."""
    from core.client import private_client_hashes

    address = request("198.51.100.7")
    after_utc_midnight = datetime.datetime(2026, 3, 1, 0, 30, tzinfo=datetime.UTC)
    before_utc_midnight = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)
    assert private_client_hashes(address, "tips", now=after_utc_midnight) == private_client_hashes(
        address, "tips", now=before_utc_midnight
    )
