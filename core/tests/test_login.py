"""The admin sign-in locks out an account or a client after repeated failures."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from core.models import LoginThrottle

pytestmark = pytest.mark.django_db

PASSWORD = "river cactus lantern 42"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("rosa", "rosa@frontera.invalid", PASSWORD)


def sign_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        response = sign_in(client, "rosa", "wrong password guess")
        assert response.status_code == 200
    response = sign_in(client, "rosa", PASSWORD)
    assert response.status_code == 200
    assert "Too many failed sign-ins. Try again in 15 minutes." in response.content.decode()
    assert not signed_in(client)
    # The lock is on the account: another client is refused too.
    other = Client(REMOTE_ADDR="198.51.100.20")
    sign_in(other, "ROSA ", PASSWORD)
    assert not signed_in(other)


def test_the_lock_ends_after_the_cooloff(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        sign_in(client, "rosa", "wrong password guess")
    LoginThrottle.objects.update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    assert sign_in(client, "rosa", PASSWORD).status_code == 302
    assert signed_in(client)


def test_fewer_failures_than_the_limit_do_not_lock(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(settings.ADMIN_LOGIN_FAILURE_LIMIT - 1):
        sign_in(client, "rosa", "wrong password guess")
    assert sign_in(client, "rosa", PASSWORD).status_code == 302


def test_one_client_guessing_many_accounts_is_locked_out(editor, settings):
    settings.ADMIN_LOGIN_CLIENT_FAILURE_LIMIT = 6
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for number in range(6):
        sign_in(attacker, f"guess{number}", "wrong password guess")
    sign_in(attacker, "rosa", PASSWORD)
    assert not signed_in(attacker)
    # The account itself is not locked: its owner signs in from elsewhere.
    owner = Client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(owner, "rosa", PASSWORD).status_code == 302


def test_the_lock_also_covers_wagtails_private_page_login(editor, settings, home_page):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        sign_in(client, "rosa", "wrong password guess")
    client.post("/_util/login/", {"username": "rosa", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_no_address_or_username_is_stored(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(3):
        sign_in(client, "my-password-typed-here", "wrong password guess")
    rows = list(LoginThrottle.objects.values_list("key", flat=True))
    assert len(rows) == 2
    stored = " ".join(rows)
    assert "203.0.113" not in stored
    assert "my-password" not in stored
    assert "rosa" not in stored


def test_a_right_password_clears_the_accounts_count(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _round in range(2):
        for _attempt in range(settings.ADMIN_LOGIN_FAILURE_LIMIT - 1):
            sign_in(client, "rosa", "wrong password guess")
        assert sign_in(client, "rosa", PASSWORD).status_code == 302
        client.post("/admin/logout/")


def test_each_attempt_is_counted_before_its_password_is_checked(editor, settings, monkeypatch):
    """So concurrent guesses cannot all pass the lock check before any of them is counted."""
    from django.contrib.auth.backends import ModelBackend

    checked = []
    original = ModelBackend.authenticate

    def counting_check(self, request, username=None, password=None, **kwargs):
        checked.append(sum(LoginThrottle.objects.values_list("failures", flat=True)))
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counting_check)
    sign_in(Client(REMOTE_ADDR="203.0.113.7"), "rosa", "wrong password guess")
    # The account's and the client's rows already hold this attempt.
    assert checked == [2]


@pytest.mark.django_db(transaction=True)
def test_concurrent_guesses_get_no_more_tries_than_the_limit(settings):
    import concurrent.futures
    import threading

    from django.db import connection, connections

    if connection.vendor == "sqlite":
        pytest.skip("SQLite lets one writer in at a time; row locks are what is tested here (PostgreSQL).")
    get_user_model().objects.create_superuser("rosa", "rosa@frontera.invalid", PASSWORD)
    start = threading.Barrier(20)

    def guess(number):
        try:
            start.wait(timeout=30)
            response = sign_in(Client(REMOTE_ADDR=f"198.51.100.{number}"), "rosa", f"guess {number}")
            return "Too many failed sign-ins" in response.content.decode()
        finally:
            connections.close_all()

    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        refused = list(pool.map(guess, range(20)))
    # Only the first five guesses reached the password check.
    assert refused.count(False) == settings.ADMIN_LOGIN_FAILURE_LIMIT


def test_a_right_password_gives_back_the_clients_attempt(editor, settings):
    settings.ADMIN_LOGIN_CLIENT_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _round in range(4):
        assert sign_in(client, "rosa", PASSWORD).status_code == 302
        client.post("/admin/logout/")
    sign_in(client, "someone-else", "wrong password guess")
    assert sign_in(client, "rosa", PASSWORD).status_code == 302
