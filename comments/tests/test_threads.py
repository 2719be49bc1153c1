"""Thread order, numbering, nesting, paging and the query budget."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from comments.threads import load_thread
from core.templatetags.bilingual_tags import page_url_in

from .conftest import add_comment, site_comment_settings

pytestmark = pytest.mark.django_db


def thread_ids(html):
    section = html[html.index('id="comments"') :]
    return [int(pk) for pk in re.findall(r'<li class="comment[^"]*" id="comment-(\d+)"', section)]


def six_comment_thread(article):
    """Two top-level comments, nested replies, accents and curly quotes."""
    first = add_comment(
        article, "¿Quién pagará la sequía? “Nadie”, dice el alcalde.", name="Señora Peña", language="es"
    )
    reply = add_comment(article, "Él mintió: el canal está vacío desde año nuevo.", parent=first, language="es")
    add_comment(article, "Exacto, ñandú.", parent=reply, language="es")
    second = add_comment(article, "The dam operator never answered.", name="Río Bravo")
    add_comment(article, "They answered us last week.", parent=second)
    late = add_comment(article, "Una respuesta tardía al primero.", parent=first, language="es")
    return first, reply, second, late


def test_six_comment_thread_renders_in_order_numbered_and_nested(client, article):
    """Top-level comments are numbered, replies nest under their parents, accents survive."""
    first, _reply, second, late = six_comment_thread(article)
    html = client.get(page_url_in(article, "es")).content.decode()
    expected = list(Comment.objects.order_by("path").values_list("pk", flat=True))
    assert thread_ids(html) == expected
    assert expected.index(late.pk) < expected.index(second.pk)
    assert f'<a class="comment__number" href="#comment-{first.pk}"' in html
    assert ">1.</a>" in html and ">2.</a>" in html and ">3.</a>" not in html
    assert "¿Quién pagará la sequía? “Nadie”, dice el alcalde." in html
    assert "Señora Peña" in html and "Exacto, ñandú." in html
    # The reply to the reply sits in a list nested two levels deep.
    section = html[html.index('id="comments"') :]
    first_block = section[section.index(f'id="comment-{first.pk}"') : section.index(f'id="comment-{second.pk}"')]
    assert first_block.count('<ol class="comment-replies">') == 2
    assert html.count("<ol") == html.count("</ol>")
    assert len(re.findall(r"<li[\s>]", html)) == html.count("</li>")


def test_both_languages_show_the_same_order(client, article):
    six_comment_thread(article)
    english = client.get(page_url_in(article, "en")).content.decode()
    spanish = client.get(page_url_in(article, "es")).content.decode()
    assert thread_ids(english) == thread_ids(spanish)
    assert len(thread_ids(english)) == 6


def test_posting_a_reply_writes_no_other_row(article, django_assert_max_num_queries):
    """A reply takes the next path under its parent; the other rows are never updated."""
    first = add_comment(article, "Top")
    for number in range(3):
        add_comment(article, f"Reply {number}", parent=first)
    before = dict(Comment.objects.values_list("pk", "path"))
    with CaptureQueriesContext(connection) as queries:
        reply = add_comment(article, "New reply", parent=first)
    assert not [query for query in queries if query["sql"].lstrip().upper().startswith("UPDATE")]
    assert dict(Comment.objects.exclude(pk=reply.pk).values_list("pk", "path")) == before
    assert reply.path == first.path + "00004"


def test_a_comments_replies_are_numbered_from_one_whatever_its_elder_siblings_replies(article):
    """Positions count per parent, so one busy comment does not use up the numbers of the next one's replies."""
    first = add_comment(article, "First")
    for number in range(3):
        add_comment(article, f"Reply {number}", parent=first)
    second = add_comment(article, "Second")
    assert add_comment(article, "Reply to the second", parent=second).path == second.path + "00001"


def test_a_reply_at_the_deepest_stored_level_costs_no_more_queries_than_one_to_a_top_comment(article):
    """Its parent is already where it is filed: no lookup of an ancestor."""
    top = add_comment(article, "Level one")
    two = add_comment(article, "Level two", parent=top)
    add_comment(article, "Level three", parent=two)
    counts = []
    for parent in (top, two):
        with CaptureQueriesContext(connection) as queries:
            reply = add_comment(article, "Another reply", parent=parent)
        assert reply.parent == parent
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_deep_replies_attach_to_the_deepest_shown_level(client, article):
    """Past the depth limit a reply is filed at the deepest level and says whom it answers."""
    top = add_comment(article, "Level one")
    two = add_comment(article, "Level two", parent=top)
    three = add_comment(article, "Level three", parent=two, name="Tercera")
    four = add_comment(article, "Level four", parent=three)
    assert four.depth == 3 and four.parent == three
    thread = load_thread(article, page_number=1, page_size=50, max_depth=3)
    assert [entry.depth for entry in thread.entries] == [1, 2, 3, 3]
    assert thread.entries[-1].reply_to == three
    html = client.get(page_url_in(article, "en")).content.decode()
    assert f'in reply to <a href="#comment-{three.pk}"><bdi>Tercera</bdi></a>' in html


def test_replies_to_a_rejected_comment_are_hidden(article):
    top = add_comment(article, "Will be rejected")
    add_comment(article, "Approved reply", parent=top)
    Comment.objects.filter(pk=top.pk).update(status=Comment.Status.REJECTED)
    thread = load_thread(article, page_number=1, page_size=50, max_depth=3)
    assert thread.entries == [] and thread.total == 0
    assert not thread.paginated


def test_pages_never_split_a_thread(client, article):
    """Long threads are paged by top-level comment, replies staying with their parent."""
    site_settings = site_comment_settings()
    site_settings.page_size = 5
    site_settings.save()
    tops = [add_comment(article, f"Top {number}") for number in range(12)]
    for top in tops:
        add_comment(article, f"Reply to {top.body}", parent=top)
    url = page_url_in(article, "en")
    first_page = client.get(url).content.decode()
    third_page = client.get(url + "?comments-page=3").content.decode()
    assert "Reply to Top 4" in first_page and "Top 5" not in first_page
    assert "Top 10" in third_page and "Reply to Top 11" in third_page
    assert ">11.</a>" in third_page
    assert 'href="?comments-page=2#comments" rel="next"' in first_page
    assert client.get(url + "?comments-page=99").status_code == 200


def make_thread(article, size):
    tops = []
    for number in range(size):
        if number % 5 == 0 or not tops:
            tops.append(add_comment(article, f"Top comment {number} https://example.org/{number}", name="Ana"))
        else:
            add_comment(article, f"Reply {number}", parent=tops[-1], language="es")


@pytest.mark.parametrize("size", [5, 500])
def test_thread_query_count_does_not_grow(client, article, size, django_assert_num_queries):
    """5 and 500 comments render with the same number of queries."""
    site_settings = site_comment_settings()
    site_settings.page_size = 500
    site_settings.save()
    make_thread(article, size)
    url = page_url_in(article, "en")
    client.get(url)  # warm Wagtail's site and settings caches
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    baseline = len(warm)
    with django_assert_num_queries(baseline):
        html = client.get(url).content.decode()
    assert len(thread_ids(html)) == size
    assert baseline <= 30


def test_thread_itself_takes_two_queries(article, django_assert_num_queries):
    make_thread(article, 50)
    with django_assert_num_queries(2):
        thread = load_thread(article, page_number=1, page_size=100, max_depth=3)
    assert len(thread.entries) == 50


def test_a_position_that_keeps_clashing_is_given_up_after_five_tries(article, monkeypatch):
    """Rows written past the lock may take the next position more than once; not for ever."""
    from django.db import IntegrityError

    from comments import threads

    taken = add_comment(article, "Already there")
    tries = []

    def always_taken(article_id, under):
        tries.append(under)
        return taken.path

    monkeypatch.setattr(threads, "next_path", always_taken)
    with pytest.raises(IntegrityError):
        add_comment(article, "Never placed")
    assert len(tries) == 5
    assert list(Comment.objects.values_list("body", flat=True)) == ["Already there"]
