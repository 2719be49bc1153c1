"""Two-factor sign-in to the admin with an authenticator app."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import SecuritySettings

pytestmark = pytest.mark.django_db

PASSWORD = "river cactus lantern 42"


def code_for(key, offset=0):
    totp = TOTP(key, step=30, digits=6)
    totp.drift = offset
    return f"{totp.token():06d}"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("rosa", "rosa@frontera.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_with_app(editor):
    return TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)


def sign_in(client):
    response = client.post("/admin/login/", {"username": "rosa", "password": PASSWORD, "next": "/admin/pages/"})
    assert response.status_code == 302
    return client.get(response["Location"])


def test_an_editor_with_an_app_is_held_at_the_code_step(editor_with_app):
    client = Client()
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"
    for path in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/settings/core/securitysettings/"):
        assert client.get(path)["Location"].startswith("/admin/two-factor/verify/")
    wrong = client.post("/admin/two-factor/verify/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 400
    assert "That code did not match" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    # A wrong code makes the app wait (1 s, doubling): let that delay pass.
    TOTPDevice.objects.update(throttling_failure_timestamp=None)

    right = client.post(
        "/admin/two-factor/verify/", {"token": code_for(editor_with_app.bin_key), "next": "/admin/pages/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_the_next_address_cannot_leave_the_site(editor_with_app):
    client = Client()
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"token": code_for(editor_with_app.bin_key), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_without_an_app_and_without_the_requirement_the_password_is_enough(editor):
    client = Client()
    assert sign_in(client).status_code == 200


def test_when_required_an_editor_sets_up_an_app_before_anything_else(editor):
    settings_row = SecuritySettings.load()
    settings_row.require_two_factor = True
    settings_row.save()
    client = Client()
    response = sign_in(client)
    assert response["Location"] == "/admin/two-factor/?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html
    assert "otpauth" not in html  # the QR code is drawn here, the key is not sent anywhere
    key = base64.b32decode(html.split("data-two-factor-key>")[1].split("<")[0])
    assert client.get("/admin/pages/").status_code == 302

    response = client.post("/admin/two-factor/", {"token": code_for(key), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/pages/").status_code == 200

    # Next sign-in, the code is asked for.
    client.post("/admin/logout/")
    assert sign_in(client)["Location"].startswith("/admin/two-factor/verify/")


def test_only_a_superuser_can_require_two_factor(editor):
    client = Client()
    sign_in(client)
    refused = client.get("/admin/settings/core/securitysettings/", follow=True)
    assert "require_two_factor" not in refused.content.decode()
    assert client.post("/admin/settings/core/securitysettings/1/", {"require_two_factor": "on"}).status_code != 200
    assert not SecuritySettings.load().require_two_factor
    get_user_model().objects.create_superuser("boss", "boss@frontera.invalid", PASSWORD)
    boss = Client()
    boss.post("/admin/login/", {"username": "boss", "password": PASSWORD})
    response = boss.get("/admin/settings/core/securitysettings/", follow=True)
    assert response.status_code == 200
    assert "require_two_factor" in response.content.decode()


def test_a_superuser_resets_a_lost_app(editor_with_app):
    call_command("two_factor", "reset", "rosa")
    assert not TOTPDevice.objects.filter(user__username="rosa").exists()
    assert sign_in(Client()).status_code == 200
