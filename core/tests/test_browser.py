"""An editor signs in with a code in Chromium; no page asks another origin for anything."""

from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "river cactus lantern 42"

# Collected in the page itself; an init script is not subject to the page's policy.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def current_code(device):
    return f"{TOTP(device.bin_key, step=30, digits=6).token():06d}"


def test_two_factor_sign_in_and_admin_pages_stay_on_this_origin(live_server, browser_page, translated_article):
    user = get_user_model().objects.create_superuser("rosa", "rosa@frontera.invalid", PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    page = browser_page
    origin = urlsplit(live_server.url)
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and problems.append((page.url, message.text)))
    page.on("pageerror", lambda error: problems.append((page.url, str(error))))
    page.add_init_script(RECORD_VIOLATIONS)

    def visit(path):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        problems.extend((page.url, violation) for violation in page.evaluate("window.__violations"))

    # The password, then the code: nothing of the admin before the code.
    visit("/admin/login/")
    page.fill("#id_username", "rosa")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/**")
    visit("/admin/pages/")
    assert "/admin/two-factor/verify/" in page.url
    page.fill("#id_token", current_code(device))
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url("**/admin/pages/")

    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{translated_article.get_parent().pk}/",
        f"/admin/pages/{translated_article.pk}/edit/",
        "/admin/users/",
        "/admin/two-factor/",
        "/",
        translated_article.url,
        "/es/",
    ):
        visit(path)
        assert page.locator("body").count() == 1

    # The edit page really is the editor, with its scripts running under the policy.
    visit(f"/admin/pages/{translated_article.pk}/edit/")
    page.get_by_role("button", name="Save draft").first.wait_for()

    foreign = [
        url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != origin.netloc
    ]
    assert foreign == []
    assert not [url for url in requests if "gravatar" in url]
    assert problems == []


def test_a_superuser_requires_two_factor_and_an_editor_sets_it_up(live_server, browser, home_page):
    get_user_model().objects.create_superuser("boss", "boss@frontera.invalid", PASSWORD)
    editor = get_user_model().objects.create_user("rosa", "rosa@frontera.invalid", PASSWORD)
    # An editor may sign in to the admin and nothing more. (Wagtail's own
    # "Editors" group is gone when an earlier transactional test flushed it.)
    editors, _created = Group.objects.get_or_create(name="Frontera editors")
    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    editor.groups.add(editors)

    def sign_in(page, username):
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")

    boss_context = browser.new_context(locale="en-US")
    boss = boss_context.new_page()
    sign_in(boss, "boss")
    boss.goto(live_server.url + "/admin/settings/core/securitysettings/")
    boss.check("#id_require_two_factor")
    boss.get_by_role("button", name="Save").first.click()
    boss.wait_for_load_state("networkidle")
    boss_context.close()

    context = browser.new_context(locale="en-US")
    page = context.new_page()
    sign_in(page, "rosa")
    assert "/admin/two-factor/" in page.url
    assert page.locator(".two-factor-qr svg").count() == 1
    key = b32decode(page.locator("[data-two-factor-key]").inner_text())
    page.fill("#id_token", f"{TOTP(key, step=30, digits=6).token():06d}")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    page.wait_for_url(live_server.url + "/admin/")
    assert TOTPDevice.objects.get(user=editor).confirmed
    context.close()
