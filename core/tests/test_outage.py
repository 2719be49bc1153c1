"""What an outage page keeps of a post: its free text, and nothing of its files."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from core.outage import kept_texts


def test_the_text_of_a_post_is_kept_and_its_files_are_not_read():
    photo = SimpleUploadedFile("border.jpg", b"\xff\xd8\xff\xe1 GPS 31.7N 106.4W", content_type="image/jpeg")
    data = {"message": "  The trucks cross at night.  ", "contact": "signal:+52 555", "files": photo}
    request = RequestFactory().post("/tips/", data)
    assert kept_texts(request) == ["The trucks cross at night."]
    assert not request.FILES


def test_a_post_already_read_keeps_its_text():
    request = RequestFactory().post("/comments/post/1/", {"body": "Kept.", "name": "Lectora"})
    assert request.POST["body"] == "Kept."
    assert kept_texts(request) == ["Kept."]


def test_a_read_keeps_nothing():
    assert kept_texts(RequestFactory().get("/tips/", {"message": "In the address bar."})) == []
