"""Media on S3-compatible object storage (django-storages), against moto's
S3 server on loopback: what an editor uploads lands in the bucket, and
readers get the same HTML every time, with media under the site's own
media address."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.contrib.auth import get_user_model
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
BUCKET = "frontera-media"
MEDIA_DOMAIN = "testserver/media"


@pytest.fixture
def s3_server(monkeypatch):
    """moto's S3 server on a free loopback port, with a bucket and throwaway keys."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    yield endpoint, s3
    server.stop()


def settings_storages(environment):
    """STORAGES["default"] as the production settings build it from ``environment``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("S3_", "DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="media-storage-test-" + "x" * 40,
        ALLOWED_HOSTS="news.example",
        **environment,
    )
    script = "import django, json; django.setup(); from django.conf import settings; "
    script += "print(json.dumps(settings.STORAGES['default']))"
    output = subprocess.run(  # noqa: S603 (fixed command line)
        [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_media_stay_on_the_servers_disk_unless_a_bucket_is_set():
    """Without S3_BUCKET uploads go to MEDIA_ROOT; with it, to the bucket, unsigned,
    under the media address the site serves it from."""
    assert settings_storages({})["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    storage = settings_storages(
        {"S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": "http://127.0.0.1:9000", "S3_CUSTOM_DOMAIN": "news.example/media"}
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == BUCKET
    assert storage["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
    assert storage["OPTIONS"]["custom_domain"] == "news.example/media"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert storage["OPTIONS"]["file_overwrite"] is False


def without_stamp(html):
    return re.sub(r'name="stamp" value="[^"]*"', "", html)


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_uploaded_photo_is_stored_in_the_bucket_and_shown_from_the_media_address(
    s3_server, settings, client, translated_article
):
    """An editor uploads a photo in the admin and sets it as an article's hero: the
    original and its rendition are in the bucket, and both language versions
    show it from the media address, the same HTML for every reader."""
    endpoint, s3 = s3_server
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "custom_domain": MEDIA_DOMAIN,
                "url_protocol": "http:",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(editor)
    upload = io.BytesIO(png_bytes())
    upload.name = "canal.png"
    response = client.post("/admin/images/add/", {"title": "The canal gates", "file": upload})
    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get(title="The canal gates")
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
    assert image.file.name in keys

    translated_article.hero_image = image
    translated_article.save_revision().publish()
    client.logout()
    for url in ("/stories/the-dry-canal/", "/es/historias/el-canal-seco/"):
        first = client.get(url).content.decode()
        assert f'src="http://{MEDIA_DOMAIN}/images/' in first
        assert "X-Amz-Signature" not in first and endpoint not in first
        # The same for every reader: only the comment form's time stamp moves with the clock.
        assert without_stamp(client.get(url).content.decode()) == without_stamp(first)
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
    assert any(key.startswith("images/") and ".width-1200" in key for key in keys), keys
