"""The moderators' side in the Wagtail admin."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile

from comments.models import MODERATORS_GROUP_NAME, ClientBan, Comment, ModerationEvent, Report, WordRule
from conftest import listing_rows

from .conftest import add_comment, send_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue_comments(article, untranslated_article):
    return {
        "pending_es": add_comment(article, "Comentario pendiente sobre el agua", status="pending", language="es"),
        "pending_en": add_comment(untranslated_article, "Pending note on the bridge", status="pending"),
        "approved": add_comment(article, "Already approved"),
        "spam": add_comment(article, "Cheap pills", status="spam"),
    }


def test_moderators_group_has_only_comment_permissions():
    """The data migration's group can reach the admin and the comment models, nothing else."""
    group = Group.objects.get(name=MODERATORS_GROUP_NAME)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("wagtailadmin", "access_admin") in codenames
    assert ("comments", "change_comment") in codenames
    assert {app for app, _codename in codenames} == {"wagtailadmin", "comments"}
    assert ("comments", "delete_comment") not in codenames


def test_the_migration_and_the_repair_agree_on_the_group():
    """ensure_moderators_group rebuilds exactly what the data migration made."""
    from comments.permissions import MODERATOR_PERMISSIONS

    group = Group.objects.get(name=MODERATORS_GROUP_NAME)
    migrated = set(group.permissions.values_list("content_type__app_label", "content_type__model", "codename"))
    assert migrated == set(MODERATOR_PERMISSIONS)


def test_moderator_sees_pending_queue_but_not_page_editing(moderator_client, queue_comments, article):
    response = moderator_client.get("/admin/comments/queue/pending/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Comentario pendiente sobre el agua" in html
    assert "Already approved" not in html
    assert moderator_client.get(f"/admin/pages/{article.pk}/edit/").status_code in (302, 403)


def test_user_without_comment_permissions_is_refused(client, django_user_model, queue_comments):
    editor = django_user_model.objects.create_user(username="editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    response = client.get("/admin/comments/queue/pending/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    target = queue_comments["pending_es"]
    response = client.post("/admin/comments/bulk/", {"action": "approve", "comment": [target.pk]})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    target.refresh_from_db()
    assert target.status == Comment.Status.PENDING
    assert "comments-pending" not in client.get("/admin/").content.decode()
    for path in ("/admin/comments/", "/admin/comments/history/", f"/admin/comments/{target.pk}/"):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), path
    Comment.objects.filter(pk=target.pk).update(client_hash="a" * 64)
    for operation in ({"operation": "approve"}, {"operation": "ban"}, {"operation": "language", "language": "en"}):
        response = client.post(f"/admin/comments/{target.pk}/", operation)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), operation
    target.refresh_from_db()
    assert (target.status, target.language) == (Comment.Status.PENDING, "es")
    assert not ClientBan.objects.exists()


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"language": "es"}, "Comentario pendiente", "Pending note on the bridge"),
        ({"q": "bridge"}, "Pending note on the bridge", "Comentario pendiente"),
        ({"date_from": "2000-01-01", "date_to": "2000-01-02"}, None, "Comentario pendiente"),
    ],
)
def test_queue_filters_and_search(moderator_client, queue_comments, query, shown, hidden):
    html = moderator_client.get("/admin/comments/queue/pending/", query).content.decode()
    if shown:
        assert shown in html
    assert hidden not in html


def test_queue_filters_by_article(moderator_client, queue_comments, untranslated_article):
    html = moderator_client.get("/admin/comments/queue/pending/", {"article": untranslated_article.pk}).content.decode()
    assert "Pending note on the bridge" in html
    assert "Comentario pendiente" not in html


def test_bulk_approve_records_history(moderator_client, moderator, queue_comments):
    ids = [queue_comments["pending_es"].pk, queue_comments["pending_en"].pk]
    response = moderator_client.post(
        "/admin/comments/bulk/", {"action": "approve", "comment": ids, "next": "/admin/comments/queue/pending/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/comments/queue/pending/"
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"approved"}
    events = ModerationEvent.objects.filter(comment_id__in=ids)
    assert {(event.user, event.from_status, event.to_status) for event in events} == {
        (moderator, "pending", "approved")
    }


def test_single_action_button(moderator_client, queue_comments):
    target = queue_comments["pending_en"]
    moderator_client.post("/admin/comments/bulk/", {"single": f"spam:{target.pk}"})
    target.refresh_from_db()
    assert target.status == Comment.Status.SPAM


def test_bulk_action_refuses_unsafe_next(moderator_client, queue_comments):
    response = moderator_client.post(
        "/admin/comments/bulk/",
        {"action": "reject", "comment": [queue_comments["pending_en"].pk], "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/comments/queue/pending/"


def listed_comment_ids(html):
    """The comments a queue lists, by the id on each row's checkbox."""
    return {int(pk) for pk in re.findall(r'<input type="checkbox" name="comment" value="(\d+)"', html)}


def test_each_queue_lists_exactly_its_own_comments(moderator_client, client, queue_comments, article):
    """Every queue shows its comments and none of another queue's; an unknown queue is 404."""
    rejected = add_comment(article, "Rejected remark", status="rejected")
    reported = queue_comments["approved"]
    assert send_report(client, reported, {"reason": "abuse"}).status_code == 200
    expected = {
        "pending": {queue_comments["pending_es"].pk, queue_comments["pending_en"].pk},
        "reported": {reported.pk},
        "approved": {reported.pk},
        "rejected": {rejected.pk},
        "spam": {queue_comments["spam"].pk},
    }
    for queue, ids in expected.items():
        response = moderator_client.get(f"/admin/comments/queue/{queue}/")
        assert response.status_code == 200
        assert listed_comment_ids(response.content.decode()) == ids, queue
    assert "Cheap pills" in moderator_client.get("/admin/comments/queue/spam/").content.decode()
    assert moderator_client.get("/admin/comments/queue/unknown/").status_code == 404


def test_history_lists_each_decision(moderator_client, moderator, queue_comments):
    """The history page shows who decided what about which comment."""
    moderator_client.post("/admin/comments/bulk/", {"action": "reject", "comment": [queue_comments["pending_en"].pk]})
    response = moderator_client.get("/admin/comments/history/")
    assert response.status_code == 200
    [(_when, who, comment, change, _reason)] = listing_rows(response.content.decode())
    assert who == moderator.username
    assert "Pending note on the bridge" in comment
    assert change == "Pending → Rejected"


def test_history_is_searchable(moderator_client, queue_comments):
    moderator_client.post("/admin/comments/bulk/", {"action": "reject", "comment": [queue_comments["pending_en"].pk]})
    moderator_client.post("/admin/comments/bulk/", {"action": "approve", "comment": [queue_comments["pending_es"].pk]})
    html = moderator_client.get("/admin/comments/history/", {"q": "bridge"}).content.decode()
    assert "Pending note on the bridge" in html
    assert "Comentario pendiente" not in html
    html = moderator_client.get("/admin/comments/history/", {"q": "moderadora"}).content.decode()
    assert "Comentario pendiente" in html


def test_word_held_comment_shows_the_word(moderator_client, article):
    add_comment(article, "Something about plaza", status="pending")
    Comment.objects.update(matched_word="plaza")
    html = moderator_client.get("/admin/comments/queue/pending/").content.decode()
    assert "Word list: “plaza”" in html


def test_detail_shows_context_and_corrects_language(moderator_client, article):
    parent = add_comment(article, "The parent comment", name="Ana")
    reply = add_comment(article, "Respuesta en español", parent=parent, status="pending", language="en")
    html = moderator_client.get(f"/admin/comments/{reply.pk}/").content.decode()
    assert "The parent comment" in html and "The dry canal" in html
    moderator_client.post(f"/admin/comments/{reply.pk}/", {"operation": "language", "language": "es"})
    reply.refresh_from_db()
    assert reply.language == "es"
    assert ModerationEvent.objects.get(comment=reply).reason == ModerationEvent.Reason.LANGUAGE


def test_reply_as_the_newsroom_is_published(moderator_client, moderator, article, client):
    parent = add_comment(article, "A question for the reporter")
    response = moderator_client.post(
        f"/admin/comments/{parent.pk}/", {"operation": "reply", "body": "We asked the water board.", "language": "en"}
    )
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert (reply.status, reply.user, reply.display_name) == ("approved", moderator, "Frontera")
    client.logout()
    html = client.get("/stories/the-dry-canal/").content.decode()
    assert "We asked the water board." in html and "comment--newsroom" in html


def test_ban_writer(moderator_client, article):
    comment = add_comment(article, "Abuse", status="pending")
    Comment.objects.filter(pk=comment.pk).update(client_hash="a" * 64)
    moderator_client.post(f"/admin/comments/{comment.pk}/", {"operation": "ban"})
    assert ClientBan.objects.filter(client_hash="a" * 64).exists()


def test_our_spanish_words_do_not_replace_wagtails_in_the_spanish_admin(client, django_user_model, article):
    """“Reports” is Wagtail's reports menu (Informes) and, on a comment, readers' abuse reports (Denuncias)."""
    editor = django_user_model.objects.create_superuser("editora", "e@frontera.invalid", "x")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(editor)
    comment = add_comment(article, "A reported remark")
    dashboard = client.get("/admin/").content.decode()
    assert "Informes" in dashboard and "Denuncias" not in dashboard
    detail = client.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert "<h2>Denuncias</h2>" in detail


def test_the_queues_read_in_spanish_for_a_spanish_speaking_moderator(moderator_client, moderator, queue_comments):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "es"
    profile.save()
    pk = queue_comments["pending_es"].pk
    html = moderator_client.get("/admin/comments/queue/pending/").content.decode()
    buttons = re.findall(rf'<button [^>]*value="(\w+):{pk}">([^<]+)</button>', html)
    assert buttons == [("approve", "Aprobar"), ("reject", "Rechazar"), ("spam", "Marcar como spam")]
    assert 'value="approve">Aprobar seleccionados</button>' in html
    queues = re.findall(r'href="/admin/comments/queue/\w+/"[^>]*>([^<]+)</a>', html)
    assert queues == ["Pendientes (2)", "Denunciados (0)", "Aprobados", "Rechazados", "Spam"]


def test_dashboard_panel_shows_pending_count(moderator_client, queue_comments):
    html = moderator_client.get("/admin/").content.decode()
    assert "2 comments pending" in html
    assert "/admin/comments/queue/pending/" in html


def test_comments_menu_and_word_lists(moderator_client):
    html = moderator_client.get("/admin/").content.decode()
    assert "comments-pending" in html and "comments-words" in html
    response = moderator_client.post("/admin/comments/words/new/", {"phrase": "sicario", "action": "suspect"})
    assert response.status_code == 302
    assert WordRule.objects.get().phrase == "sicario"
    assert moderator_client.get("/admin/comments/words/").status_code == 200


def test_reported_queue_and_dismiss(moderator_client, client, article):
    """A reader's report puts the comment in the Reported queue; dismissing it clears it."""
    comment = add_comment(article, "Insulting remark")
    response = send_report(client, comment, {"reason": "abuse", "details": "Insulta"}, language="es")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gracias por tu denuncia" in html and "Thank you for your report" not in html
    send_report(client, comment, {"reason": "abuse"})  # the same reader again
    assert Report.objects.count() == 1
    html = moderator_client.get("/admin/comments/queue/reported/").content.decode()
    assert "Insulting remark" in html and "Insulta" in html
    moderator_client.post("/admin/comments/bulk/", {"action": "dismiss", "comment": [comment.pk]})
    assert "Insulting remark" not in moderator_client.get("/admin/comments/queue/reported/").content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_only_reported_comments_are_counted_and_queued(moderator_client, client, article, queue_comments):
    """Comments nobody reported stay out of the Reported queue and its count."""
    reported = add_comment(article, "Reported once")
    send_report(client, reported, {"reason": "abuse"})
    from comments.moderation import queue, queue_counts

    assert queue_counts()["reported"] == 1
    assert list(queue("reported")) == [reported]
    assert "1 reported comment" in moderator_client.get("/admin/").content.decode()


def test_rejecting_a_reported_comment_resolves_its_reports(moderator_client, client, article):
    comment = add_comment(article, "Spam link")
    send_report(client, comment, {"reason": "spam"})
    moderator_client.post("/admin/comments/bulk/", {"action": "reject", "comment": [comment.pk]})
    assert Report.objects.get().resolved_at is not None


def test_report_needs_a_reason_and_is_rate_limited(client, article, settings):
    comment = add_comment(article, "Fine comment")
    assert send_report(client, comment, {"reason": ""}).status_code == 400
    settings.COMMENTS_RATE_LIMIT_REPORTS = (1, 3600)
    other = add_comment(article, "Other comment")
    assert send_report(client, comment, {"reason": "spam"}).status_code == 200
    assert send_report(client, other, {"reason": "spam"}).status_code == 429
    hidden = add_comment(article, "Pending", status="pending")
    assert client.get(f"/comments/report/{hidden.pk}/").status_code == 404
