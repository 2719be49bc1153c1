"""An editor signs in with a code in Chromium; no page asks another origin for anything."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
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
