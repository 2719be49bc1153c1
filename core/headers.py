"""Content-Security-Policy and Permissions-Policy on every response.

Public pages get ``CONTENT_SECURITY_POLICY`` (no inline script: a template
that needs one uses ``request.csp_nonce``); the Wagtail admin, whose
widgets set inline styles, gets ``CONTENT_SECURITY_POLICY_ADMIN``. A view
that set its own policy (the tip page's is stricter) keeps it.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
