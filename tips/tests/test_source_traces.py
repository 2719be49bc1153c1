"""The tip line counts a source under a fingerprint nothing else stores and nobody can recompute."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from core.client import client_hashes, fingerprint, private_client_hashes
from core.login import client_keys

from .conftest import REMOTE_ADDR, SOURCE_META, form_url, token_for

pytestmark = pytest.mark.django_db


def budget_keys():
    """The client part of every tip budget counter in the shared cache."""
    return {key.rsplit(":", 1)[1] for key in cache._cache if ":tips-client:" in key}  # local memory in tests


def test_a_sources_tip_budget_cannot_be_joined_to_their_comments_or_sign_ins(client, tip_page):
    data = {"message": "The convoy leaves on Friday.", "links": "", "reply": "none", "contact": ""}
    assert client.post(form_url(tip_page), {**data, "token": token_for(tip_page)}, **SOURCE_META).status_code == 200
    counted = budget_keys()
    assert len(counted) == 1
    request = RequestFactory().get("/", **SOURCE_META)
    # What a comment or a failed sign-in from the same source stores.
    elsewhere = {*client_hashes(request), *(key.split(":", 1)[1] for key in client_keys(request))}
    assert not counted & elsewhere
    assert not any(REMOTE_ADDR in key for key in cache._cache)


def test_the_tip_fingerprint_is_not_derived_from_the_secret_key(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.77")
    today = private_client_hashes(request, "tips")
    assert today == private_client_hashes(request, "tips")  # stable within the process and day
    assert today[0] not in {
        fingerprint("203.0.113.77", datetime.date.today() - datetime.timedelta(days=n)) for n in (0, 1)
    }
    # Changing SECRET_KEY changes every derived fingerprint, not this one: it owes nothing to it.
    settings.SECRET_KEY = "another-secret-key-for-another-site-0123456789"
    assert private_client_hashes(request, "tips") == today
    assert private_client_hashes(request, "other purpose") != today


@pytest.mark.django_db(transaction=True)
def test_the_sweep_leaves_no_row_dated_by_its_transaction(tip_page, private_storage):
    from django.db import connection

    from tips.models import Tip

    from .conftest import run_sweep

    if connection.vendor != "postgresql":
        pytest.skip("Transaction ids on rows (xmin) are PostgreSQL's.")
    data = {"message": "", "links": "", "reply": "none", "contact": ""}
    for number in range(3):
        client = Client()
        response = client.post(form_url(tip_page), {**data, "message": f"Tip {number}", "token": token_for(tip_page)})
        assert response.status_code == 200

    def row_transactions():
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Tip._meta.db_table)
            cursor.execute(f"SELECT DISTINCT xmin::text FROM {table}")  # noqa: S608 - a model's own table  # noqa: S608 - a model table name
            return {row[0] for row in cursor.fetchall()}

    assert len(row_transactions()) == 3  # each tip dated by its own transaction
    run_sweep()
    assert len(row_transactions()) == 1
    assert Tip.objects.count() == 3


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_tip_page_turns_off_every_browser_feature_the_site_does(client, tip_page, settings, language):
    policy = client.get(form_url(tip_page, language))["Permissions-Policy"]
    assert policy == settings.PERMISSIONS_POLICY
    assert "browsing-topics=()" in policy and "usb=()" in policy and "payment=()" in policy
