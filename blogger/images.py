"""Bring the images an imported body links to into the Wagtail image library.

Runs separately (``import_blogger --fetch-images``) because the server may
have no way out to Blogger's CDN; an image that cannot be fetched keeps its
link and its error, and is tried again on the next pass.
"""

import io
import posixpath
from urllib.parse import urlparse

import requests
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from .models import PendingImage

# Only Blogger's own image servers, unless the operator names more: an export
# could otherwise make the server request addresses on its own network.
BLOGGER_IMAGE_HOSTS = ("blogger.googleusercontent.com",)
BLOGGER_IMAGE_DOMAINS = (".googleusercontent.com", ".bp.blogspot.com", ".blogspot.com")
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
TIMEOUT = 15


class FetchError(Exception):
    pass


def allowed(url, extra_hosts=()):
    host = (urlparse(url).hostname or "").lower()
    return host in BLOGGER_IMAGE_HOSTS or host.endswith(BLOGGER_IMAGE_DOMAINS) or host in extra_hosts


def download(url, extra_hosts=()):
    if not allowed(url, extra_hosts):
        raise FetchError("not on Blogger's image servers (allow its host with --image-host)")
    try:
        # Redirects are not followed: they could lead off the allowed hosts.
        with requests.get(url, timeout=TIMEOUT, stream=True, allow_redirects=False) as response:
            if response.is_redirect:
                raise FetchError(f"redirected to {response.headers.get('Location', '')[:150]}")
            response.raise_for_status()
            data = io.BytesIO()
            for chunk in response.iter_content(64 * 1024):
                data.write(chunk)
                if data.tell() > MAX_BYTES:
                    raise FetchError("larger than 20 MB")
    except requests.RequestException as error:
        raise FetchError(error.__class__.__name__ + ": " + str(error)[:200]) from error
    try:
        with PILImage.open(io.BytesIO(data.getvalue())) as image:
            if image.width * image.height > MAX_PIXELS:
                raise FetchError("more than 50 megapixels")
            image.verify()
    except (OSError, SyntaxError, PILImage.DecompressionBombError) as error:
        raise FetchError(f"not an image ({error.__class__.__name__})") from error
    data.seek(0)
    return data


def replace_block(page, field_name, block_id, image, caption):
    page = page.specific
    blocks = list(getattr(page, field_name).raw_data)
    for position, block in enumerate(blocks):
        if block.get("id") == block_id:
            blocks[position] = {
                "type": "image",
                "value": {"image": image.pk, "caption": caption, "credit": ""},
                "id": block_id,
            }
            break
    else:
        return
    setattr(page, field_name, blocks)
    page.save(clean=False)
    revision = page.save_revision(clean=False, changed=not page.live)
    if page.live:
        Page.objects.filter(pk=page.pk).update(live_revision=revision)


def fetch_images(report=None, extra_hosts=()):
    """Fetch every image not fetched yet; returns ``(fetched, failed)``."""
    fetched = failed = 0
    for pending in PendingImage.objects.filter(image__isnull=True).select_related("page").iterator():
        try:
            data = download(pending.url, extra_hosts)
        except FetchError as error:
            PendingImage.objects.filter(pk=pending.pk).update(error=str(error)[:255])
            failed += 1
            if report:
                report(pending, str(error))
            continue
        name = posixpath.basename(urlparse(pending.url).path) or "image"
        with transaction.atomic():
            image = get_image_model()(title=(pending.caption or name)[:255], file=ImageFile(data, name=name))
            image.save()
            replace_block(pending.page, pending.field_name, pending.block_id, image, pending.caption)
            PendingImage.objects.filter(pk=pending.pk).update(image=image, error="")
        fetched += 1
    return fetched, failed
