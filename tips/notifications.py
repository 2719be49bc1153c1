"""The email that tells tip editors a tip arrived.

Sent by the scheduled ``manage.py tips notify`` run, never when a tip
arrives: the email's own date then tells no one the hour a source wrote.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .permissions import TIP_EDITORS_GROUP


def email_tip_editors():
    """Emails each tip editor that a tip arrived, in their admin language.

    The email says only that: no content, no language, no file count, not
    even which tip, because email passes through servers the newsroom does
    not control. Returns the number of emails sent.
    """
    editors = get_user_model().objects.filter(is_active=True, groups__name=TIP_EDITORS_GROUP).exclude(email="")
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("tips_admin:index")
    sent = 0
    for editor in editors.distinct():
        profile = getattr(editor, "wagtail_userprofile", None)
        language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
        with translation.override(language):
            subject = render_to_string("tips/email/new_tip_subject.txt").strip()
            body = render_to_string("tips/email/new_tip_body.txt", {"url": url})
        sent += EmailMessage(subject, body, to=[editor.email]).send()
    return sent
