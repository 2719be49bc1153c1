"""The whole flow in a real browser: post in Spanish, approve in the admin, read it in both languages."""

import pytest

from comments.models import Comment
from core.templatetags.bilingual_tags import page_url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_posts_moderator_approves_comment_appears_in_both_languages(
    live_server, browser_page, translated_article, moderator, settings
):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    # The browser may keep a public page for max-age; this test reads the
    # site's own answer after each step, so it asks browsers to keep nothing.
    settings.CACHE_PUBLIC_MAX_AGE = 0
    page = browser_page
    spanish_url = live_server.url + page_url_in(translated_article, "es")
    english_url = live_server.url + page_url_in(translated_article, "en")
    body = "¿Cuándo volverá el agua al canal? Aquí llevamos meses esperando."

    page.goto(spanish_url)
    page.fill("#id_name", "Vecina de Mexicali")
    page.fill("#id_body", body)
    page.click("#comment-form button[type=submit]")
    page.wait_for_url("**/es/comentarios/enviado/**")
    assert body in page.content()
    assert Comment.objects.get().status == Comment.Status.PENDING
    page.goto(spanish_url)
    assert body not in page.content()

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", moderator.username)
    page.fill("#id_password", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/comments/queue/pending/")
    assert body in page.content()
    comment = Comment.objects.get()
    page.click(f"button[name=single][value='approve:{comment.pk}']")
    page.wait_for_url("**/admin/comments/queue/pending/")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert body not in page.content()

    page.goto(spanish_url)
    assert page.locator(f"#comment-{comment.pk} .comment__body").inner_text() == body
    page.goto(english_url)
    english_body = page.locator(f"#comment-{comment.pk} .comment__body")
    assert english_body.get_attribute("lang") == "es"
    assert english_body.inner_text() == body


def test_reply_in_place_with_javascript(live_server, browser_page, translated_article, settings):
    """With JavaScript, Reply moves the form under the comment and the reply is filed under it."""
    from .conftest import add_comment

    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0
    parent = add_comment(translated_article, "Original remark", name="Ana")
    page = browser_page
    page.goto(live_server.url + page_url_in(translated_article, "en"))
    page.click(f"#comment-{parent.pk} [data-comment-reply]")
    assert page.locator(f"#comment-{parent.pk} #comment-form").count() == 1
    page.fill("#id_body", "A reply written in place.")
    page.click("#comment-form button[type=submit]")
    page.wait_for_url("**/comments/sent/**")
    assert Comment.objects.get(body="A reply written in place.").parent_id == parent.pk
