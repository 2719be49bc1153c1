"""A reader's comment from the form to the moderation queue, and every refusal."""

import time

import pytest
from django.apps import apps
from django.db import connection

from comments.models import ClientBan, Comment, ModerationEvent, Report, WordRule
from comments.spam import make_stamp
from core.templatetags.bilingual_tags import page_url_in

from .conftest import READER_ADDRESS, add_comment, post, send_report, site_comment_settings

pytestmark = pytest.mark.django_db


def page_html(client, article, language):
    response = client.get(page_url_in(article, language))
    assert response.status_code == 200
    return response.content.decode()


def test_spanish_comment_waits_for_moderation_then_shows_on_both_pages(client, article, moderator):
    """A comment posted on /es/ is on neither page until approved, then on both, marked lang="es" in English."""
    body = "¿Quién va a responder por el agua? Los campesinos esperan desde marzo."
    response = post(client, article, language="es", body=body)
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.language == "es"
    assert body not in page_html(client, article, "en")
    assert body not in page_html(client, article, "es")

    from comments.moderation import set_status

    set_status([comment], Comment.Status.APPROVED, moderator)
    english = page_html(client, article, "en")
    spanish = page_html(client, article, "es")
    assert f'<div class="comment__body" lang="es"><p>{body}</p></div>' in english
    assert f'<div class="comment__body"><p>{body}</p></div>' in spanish


def test_awaiting_moderation_message_is_in_the_readers_language(client, article):
    """After posting, the reader sees the moderation notice in their language, with their text."""
    response = post(client, article, language="es", body="Gracias por el reportaje tan completo.", follow=False)
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Gracias por tu comentario</h1>" in html
    assert "<title>Gracias por tu comentario" in html
    assert "Tu comentario está en espera de moderación." in html
    assert "awaiting moderation" not in html
    assert "Gracias por el reportaje tan completo." in html
    assert response["Location"].startswith("/es/comentarios/enviado/")


def test_language_falls_back_to_the_interface_for_short_text(client, article):
    """Text too short to tell is recorded in the language of the page it came from."""
    post(client, article, language="es", body="ok")
    assert Comment.objects.get().language == "es"


def test_language_detected_from_text_over_interface(client, article):
    """English text posted from the Spanish page is recorded as English."""
    post(client, article, language="es", body="The reporting on the canal was careful and fair, thank you.")
    assert Comment.objects.get().language == "en"


def test_markup_and_javascript_links_are_inert(client, article, moderator):
    """<script>, <img onerror> and javascript: links come out as text, web links as nofollow links."""
    body = (
        '<script>alert("x")</script> <img src=x onerror=alert(1)> '
        '<a href="javascript:alert(2)">click</a> javascript:alert(3) see https://example.org/report?id=1&x=2.'
    )
    add_comment(article, body)
    html = page_html(client, article, "en")
    section = html[html.index('id="comments"') :]
    assert "<script>alert" not in section
    assert "<img" not in section
    assert 'href="javascript' not in section
    assert "&lt;script&gt;" in section
    assert "&lt;img src=x onerror=alert(1)&gt;" in section
    assert (
        '<a href="https://example.org/report?id=1&amp;x=2" rel="nofollow ugc noopener">'
        "https://example.org/report?id=1&amp;x=2</a>." in section
    )


def test_too_long_body_is_refused_with_text_kept(client, article):
    """A 10,000-character comment is refused with a clear message and the text stays in the form."""
    body = "ñ" * 9990 + "final words"
    response = post(client, article, body=body)
    assert response.status_code == 400
    html = response.content.decode()
    assert "characters long and the limit is 3000" in html
    assert body in html
    assert not Comment.objects.exists()


def test_honeypot_is_refused(client, article):
    """A form that fills the hidden field is refused, and the text is kept."""
    response = post(client, article, body="Buy cheap watches now", website="http://spam.example")
    assert response.status_code == 400
    assert "Buy cheap watches now" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("stamp", "message"),
    [
        ("forged-value", "could not be checked"),
        (lambda article: make_stamp(article.pk + 1000, issued=time.time() - 60), "could not be checked"),
        (lambda article: make_stamp(article.pk, issued=time.time()), "faster than anyone can write"),
        (lambda article: make_stamp(article.pk, issued=time.time() - 3 * 86400), "open for too long"),
    ],
)
def test_bad_timestamps_are_refused(client, article, stamp, message):
    """Forged, borrowed, too-fast and too-old form stamps are each refused, text kept."""
    value = stamp(article) if callable(stamp) else stamp
    response = post(client, article, body="Un comentario legítimo.", stamp=value)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Un comentario legítimo." in html
    assert not Comment.objects.exists()


def test_too_fast_form_keeps_its_stamp_so_a_second_try_works(client, article, settings):
    """After "too fast" the same stamp is served again, and it passes once enough time has gone by."""
    stamp = make_stamp(article.pk, issued=time.time())
    response = post(client, article, stamp=stamp)
    assert f'value="{stamp}"' in response.content.decode()
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    assert post(client, article, stamp=stamp).status_code == 302


def test_flood_from_one_client_gets_429_with_text_kept(client, article):
    """The sixth comment in ten minutes from one client is refused with 429 and the text kept."""
    for number in range(5):
        assert post(client, article, body=f"Comment number {number} here").status_code == 302
    response = post(client, article, body="Sexto comentario, demasiado pronto")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a few minutes" in html
    assert "Sexto comentario, demasiado pronto" in html
    assert post(client, article, body="Another reader entirely", address="198.51.100.4").status_code == 302


def test_flood_on_one_article_gets_429(client, article, settings):
    """Many clients flooding one article are slowed down too."""
    settings.COMMENTS_RATE_LIMIT_ARTICLE = (3, 600)
    for number in range(3):
        assert post(client, article, address=f"198.51.100.{number}", body=f"Reader {number}").status_code == 302
    assert post(client, article, address="198.51.100.99", body="One more").status_code == 429


def test_spanish_refusal_is_translated(client, article):
    """Error messages follow the reader's language."""
    response = post(client, article, language="es", body="x" * 4000)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tu comentario tiene 4000 caracteres y el límite es de" in html
    assert "characters long" not in html
    assert "x" * 4000 in html  # the reader's text is kept


def test_banned_word_rejects_and_records_it(client, article):
    """A banned word rejects the comment at once, naming the word; the reader is not told."""
    WordRule.objects.create(phrase="pendejo", action=WordRule.Action.BANNED)
    response = post(client, article, body="Eres un PENDEJÓ y lo sabes")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.REJECTED
    assert comment.matched_word == "pendejo"
    event = ModerationEvent.objects.get()
    assert (event.reason, event.note, event.user) == (ModerationEvent.Reason.BANNED_WORD, "pendejo", None)


def test_suspect_phrase_holds_and_flags(client, article, settings):
    """A suspect phrase holds the comment even without pre-moderation, and flags the phrase."""

    site_settings = site_comment_settings()
    site_settings.premoderation = False
    site_settings.save()
    WordRule.objects.create(phrase="cartel del golfo", action=WordRule.Action.SUSPECT)
    post(client, article, body="Dicen que el Cártel  del Golfo controla la garita.")
    comment = Comment.objects.get()
    assert (comment.status, comment.matched_word) == (Comment.Status.PENDING, "cartel del golfo")


def test_whole_words_only(client, article):
    """A word-list entry does not match inside a longer word."""
    WordRule.objects.create(phrase="ass", action=WordRule.Action.BANNED)
    post(client, article, body="A classic story of class and water.")
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_without_premoderation_a_clean_comment_is_published(client, article):

    site_settings = site_comment_settings()
    site_settings.premoderation = False
    site_settings.save()
    response = post(client, article, body="Published straight away, thanks.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED
    assert "Your comment is published" in client.get(response["Location"]).content.decode()


def test_banned_client_is_silently_rejected(client, article):
    """A banned writer's next comment is rejected without telling them."""
    first = add_comment(article, "First")
    post(client, article, body="Hello again")
    first = Comment.objects.exclude(pk=first.pk).get()
    ClientBan.objects.create(client_hash=first.client_hash, comment=first)
    response = post(client, article, body="And once more")
    assert response.status_code == 302
    assert Comment.objects.get(body="And once more").status == Comment.Status.REJECTED


def test_closed_article_refuses_comments_and_keeps_showing_approved_ones(client, article):
    """With comments switched off, approved comments stay and the form says comments are closed."""
    add_comment(article, "An approved comment before closing")
    article.comments_enabled = False
    article.save_revision().publish()
    html = page_html(client, article, "en")
    assert "An approved comment before closing" in html
    assert "Comments are closed on this article." in html
    assert 'id="comment-form"' not in html
    response = post(client, article, body="Too late but here it is")
    assert response.status_code == 403
    assert "Too late but here it is" in response.content.decode()


def test_comments_close_automatically_after_n_days(client, blog_index):
    """An article older than the site's N days takes no comments."""
    from conftest import make_article

    old = make_article(blog_index, en={"title": "Old story", "slug": "old-story", "body": ["Old."]}, days_ago=40)
    assert "Comments are closed on this article." in page_html(client, old, "en")
    site_settings = site_comment_settings()
    site_settings.auto_close_days = 0
    site_settings.save()
    assert 'id="comment-form"' in page_html(client, old, "en")


def test_reply_page_works_without_javascript(client, article):
    """The Reply link opens a page with the parent comment and a form that posts the reply."""
    parent = add_comment(article, "Parent comment text", name="Ana")
    html = client.get(f"/es/comentarios/responder/{parent.pk}/").content.decode()
    assert "Parent comment text" in html
    assert f'name="parent" value="{parent.pk}"' in html
    post(client, article, body="La respuesta", parent=str(parent.pk))
    assert Comment.objects.get(body="La respuesta").parent == parent


def test_reply_to_unapproved_comment_is_refused(client, article):
    hidden = add_comment(article, "Pending one", status=Comment.Status.PENDING)
    assert client.get(f"/comments/reply/{hidden.pk}/").status_code == 404
    response = post(client, article, body="Sneaky reply", parent=str(hidden.pk))
    assert response.status_code == 400
    assert "Sneaky reply" in response.content.decode()


def test_no_table_holds_the_posting_address(client, article):
    """The client's address appears in no column of any table."""
    post(client, article, body="Comment from a reader")
    post(client, article, body="Second comment from a reader")
    comment = Comment.objects.first()
    Comment.objects.update(status=Comment.Status.APPROVED)
    response = send_report(client, comment, {"reason": "spam"}, REMOTE_ADDR=READER_ADDRESS)
    assert response.status_code == 200
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if not model._meta.managed or model._meta.proxy:
                continue
            table = model._meta.db_table
            columns = [field.column for field in model._meta.local_concrete_fields]
            cursor.execute(f"SELECT {', '.join(connection.ops.quote_name(c) for c in columns)} FROM {table}")  # noqa: S608
            for row in cursor.fetchall():
                assert not any(READER_ADDRESS in str(value) for value in row), table
    assert len(comment.client_hash) == 64
    assert Report.objects.get().client_hash
