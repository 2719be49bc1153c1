"""Two-factor sign-in to the admin with an authenticator app (TOTP, django-otp).

An editor who has set up an app is asked for a code after the password, on
every sign-in. When a superuser turns on *Require two-factor sign-in* in
*Settings → Security settings*, an editor without an app is sent to set one
up before any other admin page.
"""

import base64
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import SecuritySettings

# Admin pages an editor reaches before the second step: signing in and out,
# the second step itself, and the script catalogue and icons its page loads.
OPEN_ADMIN_VIEWS = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "core_two_factor_verify",
    "core_two_factor_setup",
)


def two_factor_required(request):
    return SecuritySettings.load(request_or_site=request).require_two_factor


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class TwoFactorMiddleware:
    """Holds a signed-in but unverified editor at the second step.

    Install after ``django_otp.middleware.OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_step_redirect(request) or self.get_response(request)

    def second_step_redirect(self, request):
        # Only admin paths look at the user: reading it touches the session,
        # which would mark every public page ``Vary: Cookie`` and uncacheable.
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        if request.path_info in {reverse(name) for name in OPEN_ADMIN_VIEWS}:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if user_has_device(user, confirmed=True):
            target = "core_two_factor_verify"
        elif two_factor_required(request):
            target = "core_two_factor_setup"
        else:
            return None
        query = "?" + urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(reverse(target) + query)


@never_cache
def verify(request):
    """The second step: a code from the editor's authenticator app."""
    home = reverse("wagtailadmin_home")
    if request.user.is_verified():
        return redirect(safe_next(request, home))
    error = None
    if request.method == "POST":
        token = "".join(request.POST.get("token", "").split())
        for device in devices_for_user(request.user, confirmed=True):
            if token.isdigit() and device.verify_token(token):
                otp_login(request, device)
                return redirect(safe_next(request, home))
        error = _("That code did not match. Codes change every 30 seconds: type the one your app shows now.")
    context = {"error": error, "next": safe_next(request, home)}
    return TemplateResponse(request, "core/two_factor_verify.html", context, status=400 if error else 200)


@never_cache
def setup(request):
    """Sets up an authenticator app: a key to scan or type, then one code to confirm it."""
    home = reverse("wagtailadmin_home")
    if user_has_device(request.user, confirmed=True):
        return TemplateResponse(request, "core/two_factor_setup.html", {"enabled": True})
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    error = None
    if request.method == "POST":
        token = "".join(request.POST.get("token", "").split())
        if token.isdigit() and device.verify_token(token):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on. You will be asked for a code at each sign-in."))
            return redirect(safe_next(request, home))
        error = _("That code did not match. Check the key and type the code your app shows now.")
    context = {
        "enabled": False,
        "error": error,
        "key": base64.b32encode(device.bin_key).decode(),
        # The code is drawn here, as inline SVG: no image service sees the key.
        "qr_svg": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4)),
        "next": safe_next(request, home),
        "required": two_factor_required(request),
    }
    return TemplateResponse(request, "core/two_factor_setup.html", context, status=400 if error else 200)
