"""The demo seed builds a site that works in both languages."""

import io
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from blog.models import ArticlePage, Author
from core.models import NewsroomSettings
from demo.content import load_content
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_creates_the_newsroom(seeded):
    assert ArticlePage.objects.live().count() == len(load_content().articles) >= 12
    assert Author.objects.count() == 4
    originals = set(ArticlePage.objects.values_list("original_language", flat=True))
    assert originals == {"en", "es"}
    untranslated = [a for a in ArticlePage.objects.all() if len(a.available_languages()) == 1]
    assert len(untranslated) >= 2
    assert StandardPage.objects.count() == 2
    settings = NewsroomSettings.objects.get()
    assert settings.about_page and settings.comment_policy_page


def test_seed_prints_an_admin_login(seeded):
    assert "Admin login: http://127.0.0.1:8000/admin/" in seeded
    password = seeded.split("password: ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(password)
    assert admin.groups.filter(name="Tip editors").exists()


def test_every_seeded_page_answers_in_both_languages(seeded, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > len(load_content().articles)
    for page in pages:
        for language in ("en", "es"):
            with translation.override(language):
                url = page.get_url()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert f'<html lang="{language}">' in response.content.decode()


def test_seed_is_idempotent(seeded):
    pages = Page.objects.count()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert Page.objects.count() == pages
    assert "password unchanged" in out.getvalue()


def test_if_empty_leaves_an_existing_site_alone(seeded):
    ArticlePage.objects.first().delete()
    pages = Page.objects.count()
    call_command("seed_demo", "--if-empty", stdout=io.StringIO())
    assert Page.objects.count() == pages


def test_reset_admin_password_prints_a_new_one(seeded):
    out = io.StringIO()
    call_command("seed_demo", "--if-empty", "--reset-admin-password", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_hero_images_are_generated_locally(seeded):
    article = ArticlePage.objects.exclude(hero_image=None).first()
    assert article.hero_image.width == 1600
    assert article.hero_image.height == 900


def test_seeded_hero_images_have_alt_text_in_both_languages(seeded):
    """The demo's illustrations are described for readers who cannot see them, in each language written."""
    articles = ArticlePage.objects.exclude(hero_image=None)
    assert articles.exists()
    for article in articles:
        if article.title_en:
            assert article.hero_alt_en.startswith("Illustration: ")
        if article.title_es:
            assert article.hero_alt_es.startswith("Ilustración: ")


class AccountForm(HTMLParser):
    """What a browser sends from the admin's account page (inputs and selects; it has no text areas)."""

    def __init__(self, html):
        super().__init__()
        self.data, self.select = {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("file", "submit"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[name] = attrs.get("value", "")
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


@pytest.mark.parametrize("admin_before", ["new", "seeded without a name"])
def test_the_seeded_admin_can_switch_the_admin_to_spanish(client, translated_article, admin_before):
    """Account settings save only with a name: the demo's admin has one, from the start or once reset.

    The site has an article, so ``--if-empty`` (what ``make run`` passes) adds only the admin.
    """
    if admin_before == "seeded without a name":
        get_user_model().objects.create_superuser("admin", "admin@frontera.invalid", "old")
    out = io.StringIO()
    call_command("seed_demo", "--if-empty", "--reset-admin-password", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert client.login(username="admin", password=password)
    form = AccountForm(client.get("/admin/account/").content.decode()).data
    form["locale-preferred_language"] = "es"
    response = client.post("/admin/account/", form)
    assert response.status_code == 302, "the account form was refused"
    assert get_user_model().objects.get(username="admin").wagtail_userprofile.preferred_language == "es"
    assert "Panel" in client.get("/admin/").content.decode()  # Wagtail's Spanish "Dashboard"
