"""The database out of reach: every page answers 503, and a post's text is not lost.

The site-wide error handler (``core.views.server_error``) and the tip line's
own (``tips.serving.answer``) both tell a database outage from a bug, ask
the client to come back, and show a post's writer the text they sent.
"""

import contextlib

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import InterfaceError, OperationalError
from django.http.multipartparser import MultiPartParserError

# How long a client is asked to wait while the database is unreachable.
RETRY_AFTER_SECONDS = 60


def database_is_down(error):
    """True for the database refusing, dropping or timing out a connection: a wait, not a bug."""
    return isinstance(error, (OperationalError, InterfaceError))


class SkipFiles(FileUploadHandler):
    """Reads a post's fields and not one byte of its files.

    An outage can come before the tip line's own upload handler is in place,
    and Django's would spool a source's photo, metadata and all, to disk.
    """

    def new_file(self, *args, **kwargs):
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


def kept_texts(request):
    """The free text a refused post held, for its writer to copy; nothing from any other request."""
    if request.method != "POST":
        return []
    # AttributeError: the post was read before the error, with the view's own handlers.
    with contextlib.suppress(AttributeError):
        request.upload_handlers = [SkipFiles(request)]
    try:
        data = request.POST
    except (SuspiciousOperation, MultiPartParserError, OSError):
        return []
    return [text for name in settings.KEPT_WHEN_DATABASE_IS_DOWN if (text := data.get(name, "").strip())]
