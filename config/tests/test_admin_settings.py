"""The admin's address, avatars and passwords, as the settings make them."""

import importlib

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import clear_url_caches
from wagtail.users.utils import get_gravatar_url

import config.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def custom_admin_url(settings):
    settings.ADMIN_URL = "desk-7f3a/"
    importlib.reload(config.urls)
    clear_url_caches()
    yield "/desk-7f3a/"
    settings.ADMIN_URL = "admin/"
    importlib.reload(config.urls)
    clear_url_caches()


def test_admin_lives_at_admin_url_and_robots_txt_does_not_name_it(client, home_page, custom_admin_url):
    assert client.get(custom_admin_url + "login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404
    robots = client.get("/robots.txt").content.decode()
    assert "desk-7f3a" not in robots
    assert "Disallow" not in robots


def test_default_admin_url_is_disallowed_in_robots_txt(client, home_page):
    assert client.get("/admin/login/").status_code == 200
    assert "Disallow: /admin/\n" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize("password", ["frontera1", "frontera202", "password1234", "123456789012"])
def test_short_and_common_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_passphrase_is_accepted():
    validate_password("river cactus lantern 42")


def test_no_gravatar_url_for_any_editor():
    assert get_gravatar_url("editor@frontera.invalid") is None
