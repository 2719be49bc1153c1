"""Every page carries a Content-Security-Policy and a Permissions-Policy."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from core.headers import SecurityHeadersMiddleware
from demo.tip_page import seed_tip_page
from tips import security as tip_security

pytestmark = pytest.mark.django_db


def directives(response):
    return {
        part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";") if part.strip()
    }


def test_public_pages_run_only_the_sites_own_scripts(client, translated_article):
    for path in ("/", translated_article.url, "/es/", "/robots.txt", "/no-such-page/"):
        response = client.get(path)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], path
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], path
        assert policy["object-src"] == ["'none'"]
        assert policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "camera=()" in response["Permissions-Policy"], path
        assert "geolocation=()" in response["Permissions-Policy"], path


def test_the_admin_loads_nothing_from_another_origin(client, home_page):
    user = get_user_model().objects.create_superuser("rosa", "rosa@frontera.invalid", "river cactus lantern 42")
    client.force_login(user)
    for path in ("/admin/login/", "/admin/", "/admin/pages/"):
        response = client.get(path, follow=True)
        policy = directives(response)
        # Wagtail's own admin templates carry inline scripts and styles.
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], path
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], path
        assert policy["default-src"] == ["'self'"], path
        assert policy["connect-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert "Permissions-Policy" in response


def test_the_tip_pages_own_stricter_policy_is_kept(client, home_page):
    tip_page = seed_tip_page(home_page)
    response = client.get(tip_page.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == tip_security.CONTENT_SECURITY_POLICY
    assert "script-src 'none'" in response["Content-Security-Policy"]


def test_a_policy_a_view_set_is_never_replaced():
    def view(request):
        response = HttpResponse("ok")
        response["Content-Security-Policy"] = "default-src 'none'"
        response["Permissions-Policy"] = "camera=(self)"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/anything/"))
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Permissions-Policy"] == "camera=(self)"


def test_the_csrf_failure_page_has_the_public_policy(translated_article):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/stories/", {"details": "x"})
    assert response.status_code == 403
    assert directives(response)["script-src"] == ["'self'"]
