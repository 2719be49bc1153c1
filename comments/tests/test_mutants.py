"""Behaviours an audit found unguarded: hidden ancestors, proxies, fingerprints at midnight.

Each test here failed against a small planted bug (see MUTATION.md) and walks
the reader's or moderator's real path through the site's URLs.
"""

import datetime
import html.parser
from unittest import mock

import pytest
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone

from comments.models import Comment, Report
from comments.threads import insert
from core.templatetags.bilingual_tags import page_url_in

from .conftest import add_comment, comments_url, form_data, post, site_comment_settings

pytestmark = pytest.mark.django_db

REAL_CLIENT = "203.0.113.50"
PROXY = "10.0.0.2"


@pytest.fixture
def moderator_browser(moderator):
    """A moderator in their own browser, apart from the reader's ``client``."""
    browser = Client()
    browser.force_login(moderator)
    return browser


def reject(moderator_browser, comment):
    response = moderator_browser.post("/admin/comments/bulk/", {"action": "reject", "comment": [comment.pk]})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED


def article_html(client, article, language="en"):
    response = client.get(page_url_in(article, language))
    assert response.status_code == 200
    return response.content.decode()


# Thread visibility: an approved reply under a rejected comment stays hidden.


@pytest.fixture
def chain(article):
    """An approved thread four deep (depth limit 3, so the last reply is filed under its grandparent)."""
    top = add_comment(article, "Top level remark")
    middle = add_comment(article, "Reply in the middle", parent=top)
    deep = add_comment(article, "Third level reply", parent=middle)
    flattened = add_comment(article, "Reply to the third level", parent=deep)
    sibling = add_comment(article, "An unrelated remark")
    assert flattened.depth == 3 and flattened.parent_id == deep.pk
    return {"top": top, "middle": middle, "deep": deep, "flattened": flattened, "sibling": sibling}


def test_replies_under_a_rejected_comment_disappear_in_both_languages(client, moderator_browser, article, chain):
    for language in ("en", "es"):
        html = article_html(client, article, language)
        assert all(comment.body in html for comment in chain.values())

    reject(moderator_browser, chain["middle"])
    for language in ("en", "es"):
        html = article_html(client, article, language)
        assert "Top level remark" in html and "An unrelated remark" in html
        for hidden in ("Reply in the middle", "Third level reply", "Reply to the third level"):
            assert hidden not in html, (language, hidden)


def test_a_reply_filed_under_its_grandparent_hides_with_its_rejected_parent(client, moderator_browser, article, chain):
    """A reply flattened below the depth limit still hides when the comment it answers is rejected."""
    reject(moderator_browser, chain["deep"])
    html = article_html(client, article)
    assert "Reply in the middle" in html
    assert "Third level reply" not in html
    assert "Reply to the third level" not in html


def test_rejecting_a_top_comment_hides_its_whole_thread(client, moderator_browser, article, chain):
    reject(moderator_browser, chain["top"])
    html = article_html(client, article)
    assert "An unrelated remark" in html
    assert all(chain[name].body not in html for name in ("top", "middle", "deep", "flattened"))


def test_the_comment_feed_leaves_out_replies_under_a_rejected_comment(client, moderator_browser, article, chain):
    reject(moderator_browser, chain["top"])
    feed = client.get(f"/comments/feed/{article.pk}/").content.decode()
    assert "An unrelated remark" in feed
    assert all(chain[name].body not in feed for name in ("middle", "deep", "flattened"))


@pytest.mark.parametrize("name", ["middle", "deep", "flattened"])
def test_reply_and_report_pages_404_under_a_rejected_ancestor(client, moderator_browser, chain, name):
    """A reader cannot reach, reply to or report a comment hidden by a rejected ancestor."""
    target = chain[name]
    assert client.get(f"/comments/reply/{target.pk}/").status_code == 200
    assert client.get(f"/comments/report/{target.pk}/").status_code == 200
    reject(moderator_browser, chain["top"])
    assert client.get(f"/comments/reply/{target.pk}/").status_code == 404
    assert client.get(comments_url("reply", target.pk, "es")).status_code == 404
    assert client.get(f"/comments/report/{target.pk}/").status_code == 404
    assert client.post(f"/comments/report/{target.pk}/", {"reason": "abuse"}).status_code == 404
    assert not Report.objects.filter(comment=target).exists()
    assert client.get(f"/comments/reply/{chain['sibling'].pk}/").status_code == 200


def test_a_reply_to_a_comment_whose_parent_was_rejected_is_404(client, moderator_browser, chain):
    """Only the direct parent of the flattened reply is rejected; its path ancestors are approved."""
    reject(moderator_browser, chain["deep"])
    assert client.get(f"/comments/reply/{chain['flattened'].pk}/").status_code == 404
    assert client.get(f"/comments/report/{chain['flattened'].pk}/").status_code == 404
    assert client.get(f"/comments/reply/{chain['middle'].pk}/").status_code == 200


# Client address behind trusted proxies: only the right-most entries are trusted.


@pytest.fixture
def two_per_client(settings):
    settings.COMMENTS_RATE_LIMIT_CLIENT = (2, 600)
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    site_settings = site_comment_settings()
    site_settings.premoderation = False
    site_settings.save()
    return settings


def post_via_proxy(client, article, forwarded_for, body):
    return client.post(
        f"/comments/post/{article.pk}/",
        form_data(article, body=body),
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_spoofed_forwarded_for_does_not_escape_the_rate_limit(client, article, two_per_client):
    """Behind one proxy, a reader who forges X-Forwarded-For is still counted by the proxy's entry."""
    two_per_client.COMMENTS_TRUSTED_PROXY_COUNT = 1
    for number in range(2):
        forged = f"198.51.100.{number}, {REAL_CLIENT}"
        assert post_via_proxy(client, article, forged, f"Forged comment {number}").status_code == 302
    response = post_via_proxy(client, article, f"198.51.100.77, {REAL_CLIENT}", "Forged comment 3")
    assert response.status_code == 429
    # Another reader behind the same proxy is a different client.
    assert post_via_proxy(client, article, "198.51.100.1, 203.0.113.99", "Someone else").status_code == 302


def test_two_trusted_proxies_read_the_second_entry_from_the_right(client, article, two_per_client):
    two_per_client.COMMENTS_TRUSTED_PROXY_COUNT = 2
    for number in range(2):
        forwarded = f"198.51.100.{number}, {REAL_CLIENT}, 10.0.0.1"
        assert post_via_proxy(client, article, forwarded, f"Through two proxies {number}").status_code == 302
    assert post_via_proxy(client, article, f"192.0.2.9, {REAL_CLIENT}, 10.0.0.1", "Third").status_code == 429
    assert post_via_proxy(client, article, f"{REAL_CLIENT}, 203.0.113.98, 10.0.0.1", "Other").status_code == 302


def test_without_trusted_proxies_forwarded_for_is_ignored(client, article, two_per_client):
    two_per_client.COMMENTS_TRUSTED_PROXY_COUNT = 0
    for number in range(2):
        assert post_via_proxy(client, article, f"198.51.100.{number}", f"Direct {number}").status_code == 302
    assert post_via_proxy(client, article, "198.51.100.200", "Direct 3").status_code == 429


def test_a_short_forwarded_for_falls_back_to_the_connection(client, article, two_per_client):
    """With two proxies trusted but one entry sent, the header is not trusted at all."""
    two_per_client.COMMENTS_TRUSTED_PROXY_COUNT = 2
    for number in range(2):
        assert post_via_proxy(client, article, f"198.51.100.{number}", f"Short {number}").status_code == 302
    assert post_via_proxy(client, article, "198.51.100.9", "Short 3").status_code == 429


# Fingerprints change each UTC day; yesterday's still counts, so limits and bans survive midnight.


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_rate_limit_holds_across_midnight(client, article, two_per_client):
    now = timezone.now()
    yesterday_late = datetime.datetime.combine(now.date(), datetime.time(23, 59), tzinfo=datetime.UTC)
    yesterday_late -= datetime.timedelta(days=1)
    with at(yesterday_late):
        for number in range(2):
            assert post(client, article, address=REAL_CLIENT, body=f"Before midnight {number}").status_code == 302
    assert post(client, article, address=REAL_CLIENT, body="Just after midnight").status_code == 429
    assert post(client, article, address="203.0.113.51", body="A neighbour").status_code == 302


def test_ban_holds_across_midnight(client, moderator_browser, article, two_per_client):
    now = timezone.now()
    yesterday = now - datetime.timedelta(days=1)
    with at(yesterday):
        assert post(client, article, address=REAL_CLIENT, body="Threat posted yesterday").status_code == 302
    comment = Comment.objects.get(body="Threat posted yesterday")
    moderator_browser.post(f"/admin/comments/{comment.pk}/", {"operation": "ban"})
    assert post(client, article, address=REAL_CLIENT, body="Another threat today").status_code == 302
    assert Comment.objects.get(body="Another threat today").status == Comment.Status.REJECTED
    # Two days on, the fingerprint has rotated out and the ban no longer applies.
    with at(now + datetime.timedelta(days=1)):
        assert post(client, article, address=REAL_CLIENT, body="Two days later").status_code == 302
    assert Comment.objects.get(body="Two days later").status == Comment.Status.APPROVED


# Comments close by age: the last day is still open, the day after is not.


@pytest.mark.parametrize(("days_ago", "open_"), [(0, True), (9, True), (10, True), (11, False), (400, False)])
def test_comments_close_the_day_after_the_last_day(client, blog_index, days_ago, open_):
    from conftest import make_article

    site_settings = site_comment_settings()
    site_settings.auto_close_days = 10
    site_settings.save()
    story = make_article(
        blog_index, en={"title": "Dated story", "slug": "dated-story", "body": ["Text."]}, days_ago=days_ago
    )
    html = article_html(client, story)
    assert ('id="comment-form"' in html) is open_
    assert ("Comments are closed on this article." in html) is not open_
    response = post(client, story, body="Is this still open for comments?")
    assert (response.status_code == 302) is open_
    assert Comment.objects.filter(body="Is this still open for comments?").exists() is open_


# Thread paging and depth limits, through the article page.


def test_out_of_range_and_garbled_page_numbers_show_the_last_and_first_pages(client, article):
    site_settings = site_comment_settings()
    site_settings.page_size = 5
    site_settings.save()
    for number in range(12):
        add_comment(article, f"Numbered remark {number:02d}")
    url = page_url_in(article, "en")
    last = client.get(url + "?comments-page=99").content.decode()
    assert "Numbered remark 11" in last and "Numbered remark 09" not in last and ">11.</a>" in last
    first = client.get(url + "?comments-page=abc").content.decode()
    assert "Numbered remark 00" in first and "Numbered remark 05" not in first and ">1.</a>" in first


def test_a_reply_with_depth_one_is_shown_flat(client, article, settings):
    """With nesting switched off (depth 1), a reader's reply is still taken and shown flat."""
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    site_settings = site_comment_settings()
    site_settings.max_depth = 1
    site_settings.premoderation = False
    site_settings.save()
    parent = add_comment(article, "A top-level remark", name="Ana", max_depth=1)
    response = post(client, article, body="A reply with nesting off", parent=str(parent.pk))
    assert response.status_code == 302
    reply = Comment.objects.get(body="A reply with nesting off")
    # Stored in Ana's thread, shown at the top level with whom it answers.
    assert reply.parent_id == parent.pk and reply.path.startswith(parent.path)
    html = article_html(client, article)
    assert "A reply with nesting off" in html
    assert f'in reply to <a href="#comment-{parent.pk}"><bdi>Ana</bdi></a>' in html
    assert 'class="comment-replies"' not in html


def test_stored_nesting_never_exceeds_eight_levels(article):
    comment = add_comment(article, "Level 1", max_depth=50)
    for level in range(2, 12):
        comment = add_comment(article, f"Level {level}", parent=comment, max_depth=50)
    assert comment.depth == 8
    assert len(comment.path) == 8 * 5
    assert Comment.objects.get(body="Level 9").depth == 8


def test_a_reply_past_the_depth_limit_is_filed_in_its_own_articles_thread(article, untranslated_article):
    """Paths restart on each article, so the ancestor a deep reply is filed under is looked up in its article."""
    for thread_article in (article, untranslated_article):
        comment = add_comment(thread_article, f"Top of {thread_article.pk}")
        for level in (2, 3):
            comment = add_comment(thread_article, f"Level {level} of {thread_article.pk}", parent=comment)
    deep = add_comment(untranslated_article, "Past the limit", parent=comment)
    filed_under = Comment.objects.get(body=f"Level 2 of {untranslated_article.pk}")
    assert deep.path.startswith(filed_under.path) and deep.depth == 3


def test_a_new_reply_follows_its_last_sibling_whatever_replies_that_sibling_has(article):
    """The next position counts the parent's own replies, never the replies to them."""
    parent = add_comment(article, "Parent")
    add_comment(article, "First reply", parent=parent)
    second = add_comment(article, "Second reply", parent=parent)
    add_comment(article, "Reply to the second", parent=second)
    third = add_comment(article, "Third reply", parent=parent)
    assert third.path == parent.path + "00003" and third.depth == 2


def test_each_article_shows_only_its_own_comments(client, article, untranslated_article):
    add_comment(article, "About the canal")
    add_comment(untranslated_article, "About the bridge")
    canal = article_html(client, article)
    bridge = article_html(client, untranslated_article)
    assert "About the canal" in canal and "About the bridge" not in canal
    assert "About the bridge" in bridge and "About the canal" not in bridge


def test_a_reply_takes_the_first_position_under_its_parent_whatever_later_threads_hold(article):
    first = add_comment(article, "First thread")
    second = add_comment(article, "Second thread")
    for number in range(3):
        add_comment(article, f"Reply {number} in the second thread", parent=second)
    reply = add_comment(article, "First reply in the first thread", parent=first)
    assert reply.path == first.path + "00001"


# The thread's shape as readers get it: nesting, "in reply to", closed lists.


class ThreadOutline(html.parser.HTMLParser):
    """Each comment's nesting level and whom it says it answers, from the page's markup.

    Fails on a closing tag that does not close the innermost open element,
    so a list left open or closed twice is caught where it happens.
    """

    def __init__(self):
        super().__init__()
        self.open = []
        self.level = {}
        self.answers = {}
        self.current = None
        self.in_reply_to = False
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        attrs = dict(attrs)
        if tag in ("ol", "li"):
            self.open.append((tag, attrs.get("class", ""), attrs.get("id", "")))
        if tag == "li" and attrs.get("id", "").startswith("comment-"):
            self.current = int(attrs["id"].removeprefix("comment-"))
            self.level[self.current] = sum(1 for _tag, css, _id in self.open if css == "comment-replies") + 1
        if tag == "span" and attrs.get("class") == "comment__reply-to":
            self.in_reply_to = True
        if tag == "a" and self.in_reply_to:
            self.answers[self.current] = int(attrs["href"].removeprefix("#comment-"))
            self.in_reply_to = False

    def handle_endtag(self, tag):
        if tag in ("ol", "li") and not self.done:
            assert self.open, f"</{tag}> closes nothing"
            opened = self.open.pop()
            assert opened[0] == tag, f"</{tag}> closes <{opened[0]} {opened[1:]}>"
            self.done = not self.open


def outline(page_html):
    """The thread's outline, read from its first list to where that list closes."""
    parser = ThreadOutline()
    parser.feed(page_html[page_html.index('<ol class="comment-thread">') :])
    assert parser.done, "the thread's list is never closed"
    return parser


def test_the_thread_nests_each_reply_under_whom_it_answers(client, article, chain):
    """Nested replies sit in their parent's list; only the flattened one says whom it answers."""
    last_thread_reply = add_comment(article, "A reply that ends the page", parent=chain["sibling"])
    parser = outline(article_html(client, article))
    levels = {name: parser.level[comment.pk] for name, comment in {**chain, "last": last_thread_reply}.items()}
    assert levels == {"top": 1, "middle": 2, "deep": 3, "flattened": 3, "sibling": 1, "last": 2}
    assert parser.answers == {chain["flattened"].pk: chain["deep"].pk}


def test_a_position_taken_meanwhile_is_retried_and_the_last_clash_raises(article):
    """Rows written without the thread lock (an import) make ``insert`` try the next position, five times."""
    taken = add_comment(article, "Written by an import meanwhile")
    free = taken.path[:-5] + "00099"
    with mock.patch("comments.threads.next_path", side_effect=[taken.path] * 4 + [free]):
        comment = insert(Comment(article=article, body="Fifth time lucky", status=Comment.Status.APPROVED), 3)
    assert Comment.objects.get(pk=comment.pk).path == free
    with mock.patch("comments.threads.next_path", return_value=taken.path), pytest.raises(IntegrityError):
        insert(Comment(article=article, body="Never placed", status=Comment.Status.APPROVED), 3)
    assert not Comment.objects.filter(body="Never placed").exists()
