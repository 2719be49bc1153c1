import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from conftest import make_article
from translations.segments import stream_raw


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@frontera.invalid", "pw")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def edit(page, language=None, paragraph=None, html=None, publish=False, user=None, **fields):
    """Save a new revision of ``page`` (by ``user``) with one body paragraph or fields changed."""
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    if paragraph is not None:
        body = stream_raw(getattr(draft, f"body_{language}"))
        body[paragraph]["value"] = html
        setattr(draft, f"body_{language}", body)
    for name, value in fields.items():
        setattr(draft, name, value)
    revision = draft.save_revision(user=user)
    if publish:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def long_article(blog_index, author):
    """An English-first article in both languages, three paragraphs each (separate block ids)."""
    return make_article(
        blog_index,
        en={
            "title": "Water for sale",
            "slug": "water-for-sale",
            "dek": "A market grows.",
            "body": [
                "The wells are <b>private</b>.",
                "Prices rose.",
                'Nobody <a href="https://x.invalid">answers</a>.',
            ],
        },
        es={
            "title": "Agua en venta",
            "slug": "agua-en-venta",
            "dek": "Crece un mercado.",
            "body": [
                "Los pozos son <b>privados</b>.",
                "Los precios subieron.",
                'Nadie <a href="https://x.invalid">responde</a>.',
            ],
        },
        authors=[author],
    )


@pytest.fixture
def stories_translator(client, django_user_model, blog_index):
    """A translator who may edit the stories section and nothing above it."""
    group = Group.objects.create(name="Stories translators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=blog_index, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("traductora", "t@frontera.invalid", "pw")
    user.groups.add(group)
    client.force_login(user)
    return client
