"""--fetch-images brings linked images into the library, and never fails on an unreachable one."""

import http.server
import io
import pathlib
import threading

import pytest
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from blog.models import ArticlePage
from blogger.models import PendingImage

TAKEOUT = pathlib.Path(__file__).parent / "data" / "feed.atom"
SERVER_PORT = 8401
CLOSED_PORT = 8402  # nothing listens here


def png_bytes():
    data = io.BytesIO()
    PILImage.new("RGB", (40, 30), "orange").save(data, "PNG")
    return data.getvalue()


@pytest.fixture
def image_server():
    """A loopback server standing in for Blogger's CDN: one image, everything else 404."""
    body = png_bytes()
    requests_seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests_seen.append(self.path)
            if self.path == "/img/puente.jpg":
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", SERVER_PORT), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{SERVER_PORT}", requests_seen
    server.shutdown()
    server.server_close()


def import_with_image_at(tmp_path, url):
    feed = tmp_path / "feed.atom"
    feed.write_text(
        TAKEOUT.read_text().replace("https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh1/s1600", url)
    )
    call_command("import_blogger", str(feed), stdout=io.StringIO(), stderr=io.StringIO())


def test_unreachable_image_keeps_its_link(tmp_path, blog_index):
    """An image at a closed port is reported, kept as a link and left for the next pass."""
    import_with_image_at(tmp_path, f"http://127.0.0.1:{CLOSED_PORT}/img")
    out = io.StringIO()
    call_command("import_blogger", "--fetch-images", "--image-host", "127.0.0.1", stdout=out, stderr=io.StringIO())
    assert "Images fetched: 0; not reachable (kept as links, tried again next time): 1" in out.getvalue()
    pending = PendingImage.objects.get()
    assert pending.image is None and "ConnectionError" in pending.error
    body = ArticlePage.objects.get(title_es="Migración en el puente").body_es
    assert body.raw_data[2]["type"] == "paragraph"


def test_only_blogger_image_servers_are_fetched_by_default(tmp_path, blog_index, image_server):
    """An image on any other host (here the server's own loopback) is not requested unless allowed."""
    address, requests_seen = image_server
    import_with_image_at(tmp_path, f"{address}/img")
    call_command("import_blogger", "--fetch-images", stdout=io.StringIO(), stderr=io.StringIO())
    assert requests_seen == []
    assert "not on Blogger's image servers" in PendingImage.objects.get().error
    assert not get_image_model().objects.exists()


def test_fetched_image_replaces_its_link(tmp_path, blog_index, image_server, client):
    """A reachable image becomes an image block in place of the link, in the live page too."""
    address, requests_seen = image_server
    import_with_image_at(tmp_path, f"{address}/img")
    out = io.StringIO()
    call_command("import_blogger", "--fetch-images", "--image-host", "127.0.0.1", stdout=out, stderr=io.StringIO())
    assert "Images fetched: 1; not reachable (kept as links, tried again next time): 0" in out.getvalue()
    assert requests_seen == ["/img/puente.jpg"]
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 30)
    article = ArticlePage.objects.get(title_es="Migración en el puente")
    block = article.body_es.raw_data[2]
    assert (block["type"], block["value"]["image"]) == ("image", image.pk)
    assert article.live_revision_id == article.latest_revision_id
    assert PendingImage.objects.get().image_id == image.pk
    assert "<img" in client.get("/es/historias/migracion-en-el-puente/").content.decode()
    # A second pass has nothing left to do.
    out = io.StringIO()
    call_command("import_blogger", "--fetch-images", "--image-host", "127.0.0.1", stdout=out, stderr=io.StringIO())
    assert "Images fetched: 0; not reachable (kept as links, tried again next time): 0" in out.getvalue()


def test_something_that_is_not_an_image_is_refused(tmp_path, blog_index, image_server):
    import_with_image_at(tmp_path, f"{image_server[0]}/missing")
    call_command(
        "import_blogger", "--fetch-images", "--image-host", "127.0.0.1", stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert "404" in PendingImage.objects.get().error
    assert not get_image_model().objects.exists()
