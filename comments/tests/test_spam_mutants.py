"""The local spam defences at their edges: stamps, rate limits, bans and word lists.

Written against the mutants ``make mutate MODULES=comments.spam`` left alive;
each test states the behaviour a mutant broke.
"""

import datetime

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import spam
from comments.models import ClientBan, Comment, Report, WordRule

from .conftest import add_comment

T0 = 1_800_000_000  # a fixed "form served" time, in seconds
FINGERPRINTS = ["a" * 64, "b" * 64]


@pytest.fixture
def stamp_limits(settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    settings.COMMENTS_MAX_FORM_AGE = 3600


def test_a_stamp_reads_back_at_the_edges_of_its_window(stamp_limits):
    stamp = spam.make_stamp(7, issued=T0)
    assert spam.read_stamp(stamp, 7, now=T0 + 3) == T0  # exactly the minimum: in time
    assert spam.read_stamp(stamp, 7, now=T0 + 3600) == T0  # exactly the maximum age: still in time
    with pytest.raises(spam.StampError) as refused:
        spam.read_stamp(stamp, 7, now=T0 + 2)
    assert refused.value.code == "too_fast" and str(refused.value) == "too_fast"
    with pytest.raises(spam.StampError) as refused:
        spam.read_stamp(stamp, 7, now=T0 + 3601)
    assert refused.value.code == "expired"


def test_a_stamp_is_signed_for_one_article_with_its_own_salt(stamp_limits):
    stamp = spam.make_stamp(7, issued=T0)
    assert signing.loads(stamp, salt="comments.form-stamp") == {"a": 7, "t": T0}
    for value, article_id in ((stamp, 8), (stamp[:-2] + "xx", 7), ("", 7), (None, 7)):
        with pytest.raises(spam.StampError) as refused:
            spam.read_stamp(value, article_id, now=T0 + 10)
        assert refused.value.code == "invalid"


@pytest.mark.parametrize("payload", [[7, T0], {"t": T0}, {"a": 7}, {"a": 7, "t": str(T0)}, {"a": 7, "t": float(T0)}])
def test_a_well_signed_stamp_of_the_wrong_shape_is_invalid(stamp_limits, payload):
    value = signing.dumps(payload, salt="comments.form-stamp")
    with pytest.raises(spam.StampError) as refused:
        spam.read_stamp(value, 7, now=T0 + 10)
    assert refused.value.code == "invalid"


def test_a_stamp_without_a_time_is_issued_now_and_read_against_now(stamp_limits, monkeypatch):
    monkeypatch.setattr("comments.spam.time.time", lambda: T0 + 0.9)
    stamp = spam.make_stamp(7)
    assert signing.loads(stamp, salt="comments.form-stamp") == {"a": 7, "t": T0}
    monkeypatch.setattr("comments.spam.time.time", lambda: T0 + 3)
    assert spam.read_stamp(stamp, 7) == T0
    monkeypatch.setattr("comments.spam.time.time", lambda: T0 + 2)
    with pytest.raises(spam.StampError):
        spam.read_stamp(stamp, 7)


def test_issued_at_zero_is_taken_as_given(stamp_limits):
    assert signing.loads(spam.make_stamp(7, issued=0), salt="comments.form-stamp") == {"a": 7, "t": 0}


def test_a_refused_form_keeps_a_stamp_that_can_still_ripen_and_replaces_a_dead_one(stamp_limits, monkeypatch):
    monkeypatch.setattr("comments.spam.time.time", lambda: T0 + 1)
    early = spam.make_stamp(7, issued=T0)
    assert spam.refreshed_stamp(early, 7) == early  # too fast: it becomes valid by waiting
    for dead in (spam.make_stamp(7, issued=T0 - 7200), spam.make_stamp(8, issued=T0), "garbage"):
        fresh = spam.refreshed_stamp(dead, 7)
        assert fresh != dead
        assert signing.loads(fresh, salt="comments.form-stamp") == {"a": 7, "t": T0 + 1}
    good = spam.make_stamp(7, issued=T0 - 10)
    assert spam.refreshed_stamp(good, 7) == good


def test_stamp_settings_are_read_when_needed(settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 11
    settings.COMMENTS_MAX_FORM_AGE = 22
    assert (spam.min_seconds(), spam.max_form_age()) == (11, 22)


@pytest.mark.django_db
def test_client_limit_counts_this_clients_comments_inside_the_window(article, settings):
    settings.COMMENTS_RATE_LIMIT_CLIENT = (2, 600)
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (100, 600)
    now = timezone.now()
    old = add_comment(article, "Old one")
    aged = now - datetime.timedelta(seconds=601)
    Comment.objects.filter(pk=old.pk).update(client_hash=FINGERPRINTS[0], created_at=aged)
    spam.check_rate_limits(article, FINGERPRINTS, now=now)
    recent = add_comment(article, "Recent one")
    at_the_edge = now - datetime.timedelta(seconds=600)
    Comment.objects.filter(pk=recent.pk).update(client_hash=FINGERPRINTS[1], created_at=at_the_edge)
    other = add_comment(article, "Another client")
    Comment.objects.filter(pk=other.pk).update(client_hash="c" * 64, created_at=now)
    spam.check_rate_limits(article, FINGERPRINTS, now=now)  # one of two: allowed
    Comment.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(seconds=1))
    with pytest.raises(spam.RateLimited) as limited:
        spam.check_rate_limits(article, FINGERPRINTS, now=now)  # two of two: the next is one too many
    assert str(limited.value.message).startswith("You have posted several comments in a short time.")
    assert str(limited.value) == str(limited.value.message)


@pytest.mark.django_db
def test_article_limit_counts_every_clients_comments_on_this_article_only(article, untranslated_article, settings):
    settings.COMMENTS_RATE_LIMIT_CLIENT = (100, 600)
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (2, 600)
    now = timezone.now()
    add_comment(untranslated_article, "Elsewhere one")
    add_comment(untranslated_article, "Elsewhere two")
    first = add_comment(article, "First here")
    Comment.objects.filter(pk=first.pk).update(created_at=now - datetime.timedelta(seconds=601))
    add_comment(article, "Second here")
    spam.check_rate_limits(article, FINGERPRINTS, now=now)
    Comment.objects.filter(pk=first.pk).update(created_at=now - datetime.timedelta(seconds=600))
    with pytest.raises(spam.RateLimited) as limited:
        spam.check_rate_limits(article, FINGERPRINTS, now=now)
    assert str(limited.value.message).startswith("This article is receiving a great many comments right now.")


@pytest.mark.django_db
def test_rate_limits_default_to_the_present(article, settings):
    settings.COMMENTS_RATE_LIMIT_CLIENT = (1, 600)
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (100, 600)
    long_ago = add_comment(article, "Last year")
    Comment.objects.filter(pk=long_ago.pk).update(
        client_hash=FINGERPRINTS[0], created_at=timezone.now() - datetime.timedelta(days=365)
    )
    spam.check_rate_limits(article, FINGERPRINTS)
    Comment.objects.filter(pk=long_ago.pk).update(created_at=timezone.now())
    with pytest.raises(spam.RateLimited):
        spam.check_rate_limits(article, FINGERPRINTS)


@pytest.mark.django_db
def test_report_limit_counts_this_clients_reports_inside_the_window(article, settings):
    settings.COMMENTS_RATE_LIMIT_REPORTS = (2, 3600)
    comment = add_comment(article, "Reported")
    now = timezone.now()
    Report.objects.create(comment=comment, reason="spam", client_hash=FINGERPRINTS[0], created_at=now)
    Report.objects.create(comment=comment, reason="spam", client_hash="c" * 64, created_at=now)
    old = Report.objects.create(
        comment=comment, reason="spam", client_hash=FINGERPRINTS[1], created_at=now - datetime.timedelta(seconds=3601)
    )
    spam.check_report_limit(FINGERPRINTS, now=now)
    spam.check_report_limit(FINGERPRINTS)  # "now" by default
    Report.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(seconds=3600))
    with pytest.raises(spam.RateLimited) as limited:
        spam.check_report_limit(FINGERPRINTS, now=now)
    assert str(limited.value.message) == "You have sent many reports in a short time. Please try again later."
    Report.objects.filter(pk=old.pk).update(created_at=timezone.now())
    with pytest.raises(spam.RateLimited):
        spam.check_report_limit(FINGERPRINTS)


@pytest.mark.django_db
def test_a_ban_on_either_fingerprint_holds():
    assert spam.is_banned(FINGERPRINTS) is False
    ClientBan.objects.create(client_hash=FINGERPRINTS[1])
    assert spam.is_banned(FINGERPRINTS) is True
    assert spam.is_banned(["c" * 64]) is False


@pytest.mark.django_db
def test_one_clients_posts_are_serialised_by_an_advisory_lock_on_its_fingerprint():
    with CaptureQueriesContext(connection) as queries:
        spam.lock_client([])
        spam.lock_client(["0123456789abcdef" + "0" * 48])
    locks = [query["sql"] for query in queries if "pg_advisory_xact_lock" in query["sql"]]
    if connection.vendor != "postgresql":
        assert locks == []
        return
    assert locks == [f"SELECT pg_advisory_xact_lock({int('0123456789abcde', 16)})"]


def test_fold_ignores_case_accents_and_compatibility_forms():
    assert spam.fold("PENDEJÓ") == "pendejo"
    assert spam.fold("Straße") == "strasse"
    assert spam.fold("ﬁesta") == "fiesta"  # the ligature is two letters
    assert spam.fold("niño") == "nino"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eres un PENDEJÓ, de verdad", ("pendejo", "banned")),
        ("Compra pastillas baratas hoy", ("pastillas baratas", "suspect")),
        ("Compra PASTILLAS,   baratas hoy", ("pastillas baratas", "suspect")),
        ("A first-class article", None),  # "class" is not "ass"
        ("pendejos y pendejas", None),  # whole words only
        ("Nothing here", None),
    ],
)
def test_word_rules_match_whole_words_ignoring_case_and_accents(text, expected):
    rules = [("ass", "banned"), ("Pendejo", "banned"), ("pastillas baratas", "suspect")]
    match = spam.match_words(text, rules)
    if expected is None:
        assert match is None
    else:
        assert (fold_phrase(match.phrase), match.action) == expected


def fold_phrase(phrase):
    return spam.fold(phrase)


def test_a_banned_phrase_wins_over_an_earlier_suspect_one_and_the_first_suspect_is_kept():
    rules = [("sospecha", "suspect"), ("duda", "suspect"), ("prohibido", "banned"), ("vetado", "banned")]
    assert spam.match_words("sospecha duda prohibido vetado", rules) == spam.WordMatch("prohibido", "banned")
    assert spam.match_words("duda y sospecha", rules) == spam.WordMatch("sospecha", "suspect")
    assert spam.match_words("solo duda", rules) == spam.WordMatch("duda", "suspect")


def test_a_blank_phrase_matches_nothing_and_does_not_stop_the_search():
    assert spam.match_words("anything at all", [("   ", "banned"), ("", "banned"), ("all", "suspect")]) == (
        spam.WordMatch("all", "suspect")
    )


def test_a_word_match_cannot_be_changed():
    match = spam.WordMatch("x", "banned")
    with pytest.raises(AttributeError):
        match.phrase = "y"


@pytest.mark.django_db
def test_word_rules_come_from_the_word_list_by_default():
    assert spam.match_words("sicario en la esquina") is None
    WordRule.objects.create(phrase="sicario", action=WordRule.Action.SUSPECT)
    assert spam.match_words("SICARIO en la esquina") == spam.WordMatch("sicario", "suspect")
