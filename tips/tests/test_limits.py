"""The tip line holds under floods, oversized posts and huge photos, and keeps the source's text."""

import struct
import threading
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from PIL import Image, ImageFile

from tips import codenames, conf
from tips.models import Tip, TipFile

from .conftest import form_url, minimal_pdf, png_chunk, stored_files, token_for

pytestmark = pytest.mark.django_db

BUSY = {"en": "Too many messages have reached this page", "es": "Han llegado demasiados mensajes"}


def tip_data(page, **fields):
    data = {"message": "The convoy leaves on Friday.", "links": "", "reply": "none", "contact": "", "token": ""}
    data["token"] = token_for(page)
    data.update(fields)
    return data


def png_header(width, height):
    """A PNG that claims ``width`` by ``height`` pixels in a few dozen bytes: its pixel data is junk."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    junk = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", junk) + png_chunk(b"IEND", b"")


@pytest.mark.parametrize("language", ["en", "es"])
def test_pixel_limit_is_checked_from_the_header_before_decoding(client, tip_page, monkeypatch, language):
    # The default limit fires, not Pillow's own guard (about 89 megapixels).
    assert conf.max_image_pixels() < 7000 * 7000
    assert Image.MAX_IMAGE_PIXELS > 7000 * 7000

    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    upload = SimpleUploadedFile("border.png", png_header(7000, 7000), content_type="image/png")
    response = client.post(form_url(tip_page, language), tip_data(tip_page, message="Keep this text", files=[upload]))
    page = response.content.decode()
    assert response.status_code == 400
    assert {"en": "too large in pixels", "es": "demasiado grande en píxeles"}[language] in page
    assert {"en": "at most 40 megapixels", "es": "40 megapíxeles"}[language] in page
    assert "Keep this text</textarea>" in page
    assert Tip.objects.count() == 0


def test_with_a_limit_past_pillows_own_warning_a_large_photo_is_counted_not_crashed_on(client, tip_page, settings):
    """A newsroom may allow photos past Pillow's warning (about 89 megapixels); reading the header stays quiet."""
    settings.TIPS_MAX_IMAGE_PIXELS = 150_000_000
    assert Image.MAX_IMAGE_PIXELS < 10_000 * 10_000 < 2 * Image.MAX_IMAGE_PIXELS
    assert conf.max_submission_pixels() < 10_000 * 10_000
    upload = SimpleUploadedFile("border.png", png_header(10_000, 10_000), content_type="image/png")
    response = client.post(form_url(tip_page), tip_data(tip_page, message="Keep this text", files=[upload]))
    page = response.content.decode()
    assert response.status_code == 400
    assert "too large together" in page
    assert "Keep this text</textarea>" in page


@pytest.mark.parametrize("language", ["en", "es"])
def test_photos_too_large_together_are_refused_before_any_is_decoded(client, tip_page, monkeypatch, language):
    """Five photos each under the single-photo limit, 180 megapixels in all: one worker for 20 s without a total."""
    assert conf.max_image_pixels() >= 6000 * 6000 and conf.max_submission_pixels() < 5 * 6000 * 6000

    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    uploads = [SimpleUploadedFile(f"{n}.png", png_header(6000, 6000), content_type="image/png") for n in range(5)]
    response = client.post(form_url(tip_page, language), tip_data(tip_page, message="Keep this text", files=uploads))
    page = response.content.decode()
    assert response.status_code == 400
    expected = {
        "en": "These photos are too large together to be processed safely (180 megapixels; at most 60 in one message)",
        "es": "Estas fotos juntas son demasiado grandes para procesarlas con seguridad (180 megapíxeles; "
        "máximo 60 en un mensaje)",
    }[language]
    assert expected in page
    assert "Keep this text</textarea>" in page
    assert Tip.objects.count() == 0


def test_photos_up_to_the_total_are_accepted(client, tip_page, settings):
    settings.TIPS_MAX_SUBMISSION_PIXELS = 2 * 100 * 100
    import io

    def photo(name):
        image = io.BytesIO()
        Image.new("RGB", (100, 100), (10, 20, 30)).save(image, "PNG")
        return SimpleUploadedFile(name, image.getvalue(), content_type="image/png")

    response = client.post(form_url(tip_page), tip_data(tip_page, files=[photo("a.png"), photo("b.png")]))
    assert response.status_code == 200 and TipFile.objects.count() == 2
    response = client.post(form_url(tip_page), tip_data(tip_page, files=[photo(f"{n}.png") for n in range(3)]))
    assert "too large together" in response.content.decode() and TipFile.objects.count() == 2


def test_a_photo_under_the_limit_is_still_accepted(client, tip_page, settings):
    settings.TIPS_MAX_IMAGE_PIXELS = 100 * 100
    import io

    image = io.BytesIO()
    Image.new("RGBA", (100, 100), (10, 20, 30, 128)).save(image, "PNG")
    upload = SimpleUploadedFile("ok.png", image.getvalue(), content_type="image/png")
    response = client.post(form_url(tip_page), tip_data(tip_page, files=[upload]))
    assert response.status_code == 200 and TipFile.objects.get().kind == "image"
    with Image.open(io.BytesIO(TipFile.objects.get().read())) as stored:
        assert stored.size == (100, 100) and stored.mode == "RGBA"


@pytest.mark.parametrize("language", ["en", "es"])
def test_files_over_the_total_size_are_refused_and_the_text_kept(client, tip_page, settings, language):
    settings.TIPS_MAX_SUBMISSION_SIZE = 3000
    files = [SimpleUploadedFile(f"{n}.pdf", minimal_pdf() + b"0" * 1500) for n in range(2)]
    response = client.post(form_url(tip_page, language), tip_data(tip_page, message="Texto guardado", files=files))
    page = response.content.decode()
    expected = {"en": "all files together can be at most", "es": "todos los archivos juntos pueden pesar"}[language]
    assert expected in page
    assert "Texto guardado</textarea>" in page
    assert Tip.objects.count() == 0


def test_the_page_states_its_limits(client, tip_page, settings):
    settings.TIPS_MAX_SUBMISSION_SIZE = 30 * 1024 * 1024
    settings.TIPS_SUBMISSIONS_PER_CLIENT = 7
    page = client.get(form_url(tip_page)).content.decode()
    assert "All files together: up to 30.0\xa0MB." in page
    assert "Messages can be up to 20000 characters, and photos up to 40 megapixels." in page
    assert "one connection can send 7 messages a day" in page
    page = client.get(form_url(tip_page, "es")).content.decode()
    assert "Todos los archivos juntos: hasta 30.0\xa0MB." in page
    assert "una misma conexión puede enviar 7 mensajes al día" in page
    settings.TIPS_RATE_WINDOW = 3600
    assert "one connection can send 7 messages every 60 minutes" in client.get(form_url(tip_page)).content.decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_flood_from_one_client_gets_429_with_the_text_kept(client, tip_page, settings, monkeypatch, language):
    settings.TIPS_SUBMISSIONS_PER_CLIENT = 3
    url = form_url(tip_page, language)
    for number in range(3):
        assert client.post(url, tip_data(tip_page, message=f"Tip {number}")).status_code == 200

    def not_over_budget(upload):
        raise AssertionError("a file of a post over budget was read")

    monkeypatch.setattr("tips.forms.check_upload", not_over_budget)
    upload = SimpleUploadedFile("a.pdf", minimal_pdf())
    response = client.post(url, tip_data(tip_page, message="The fourth one", files=[upload]))
    page = response.content.decode()
    assert response.status_code == 429
    assert BUSY[language] in page
    assert "The fourth one</textarea>" in page
    assert Tip.objects.count() == 3
    assert "no-store" in response["Cache-Control"]
    # Another client is not held back by this one.
    other = client.post(url, tip_data(tip_page, message="Other"), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200 and Tip.objects.count() == 4


def test_a_flood_from_many_clients_hits_the_overall_budget(client, tip_page, settings):
    settings.TIPS_SUBMISSIONS_TOTAL = 4
    url = form_url(tip_page)
    statuses = [
        client.post(url, tip_data(tip_page, message=f"From {n}"), REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n in range(1, 7)
    ]
    assert statuses == [200, 200, 200, 200, 429, 429]
    assert Tip.objects.count() == 4


def test_follow_ups_count_against_the_tips_budget(client, tip_page, settings):
    from tips.security import source_token
    from tips.submission import create_source

    settings.TIPS_SUBMISSIONS_PER_CLIENT = 1
    source = create_source(codenames.generate())
    url = form_url(tip_page) + "replies/more/"
    data = {"message": "More detail", "links": "", "source_token": source_token(source)}
    assert client.post(url, data).status_code == 200
    response = client.post(url, {**data, "message": "Even more"})
    assert response.status_code == 429
    assert "Even more</textarea>" in response.content.decode()
    assert Tip.objects.count() == 1


def test_codename_check_flood_gets_429_without_running_scrypt(client, tip_page, settings, monkeypatch):
    settings.TIPS_CODENAME_CHECKS_PER_CLIENT = 2
    derived = []
    real_derive = codenames.derive
    monkeypatch.setattr(codenames, "derive", lambda codename: derived.append(codename) or real_derive(codename))
    url = form_url(tip_page) + "replies/"
    for _attempt in range(2):
        response = client.post(url, {"codename": "wrong guess words", "token": token_for(tip_page)})
        assert response.status_code == 200
    response = client.post(url, {"codename": "third guess words", "token": token_for(tip_page)})
    page = response.content.decode()
    assert response.status_code == 429
    assert BUSY["en"] in page and 'value="third guess words"' in page
    assert len(derived) == 2


@pytest.mark.parametrize("language", ["en", "es"])
def test_too_much_text_answers_400_with_what_could_be_kept(client, tip_page, settings, language):
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    data = {"token": token_for(tip_page), "links": "https://kept.example/link", "reply": "none", "message": huge}
    response = client.post(form_url(tip_page, language), data)
    page = response.content.decode()
    assert response.status_code == 400
    expected = {"en": "Your text was too long for this form", "es": "Tu texto era demasiado largo"}[language]
    assert expected in page and "20,000" in page
    assert "https://kept.example/link</textarea>" in page
    # The message the limit cut off is not reported as forgotten, nor the reply choice after it.
    assert {"en": "This field is required", "es": "Este campo es necesario"}[language] not in page
    assert huge not in page and Tip.objects.count() == 0


@pytest.mark.parametrize("language", ["en", "es"])
def test_more_than_1000_fields_answers_400_with_the_text_kept(client, tip_page, language):
    data = tip_data(tip_page, message="Survives the junk")
    data.update({f"junk{n}": "x" for n in range(1001)})
    response = client.post(form_url(tip_page, language), data)
    page = response.content.decode()
    assert response.status_code == 400
    expected = {"en": "far more fields than it has", "es": "muchos más campos de los que tiene"}[language]
    assert expected in page
    assert "Survives the junk</textarea>" in page
    assert Tip.objects.count() == 0


def test_more_than_1000_fields_on_the_codename_form_answers_400(client, tip_page):
    body = "codename=kept+words&token=t&" + "&".join(f"junk{n}=x" for n in range(1001))
    response = client.post(form_url(tip_page) + "replies/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "far more fields than it has" in response.content.decode()
    assert 'value="kept words"' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_101_files_answer_400_with_the_text_kept(client, tip_page, private_storage, language):
    files = [SimpleUploadedFile(f"{n}.txt", b"note") for n in range(101)]
    response = client.post(form_url(tip_page, language), tip_data(tip_page, message="Many files", files=files))
    page = response.content.decode()
    assert response.status_code == 400
    expected = {"en": "more files than this form can receive (at most 5)", "es": "(como máximo 5)"}[language]
    assert expected in page
    assert "Many files</textarea>" in page
    assert Tip.objects.count() == 0 and stored_files(private_storage) == []


@pytest.mark.django_db(transaction=True)
def test_concurrent_codename_checks_stay_within_the_overall_budget(tip_page, settings):
    settings.TIPS_CODENAME_CHECKS_TOTAL = 5
    # The site's settings rows exist before the rush, as on any site that has
    # served a page: SQLite's shared in-memory test database locks a table
    # that twelve threads try to create a row in at once.
    from wagtail.models import Site

    from core.models import NewsroomSettings

    NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    url = form_url(tip_page) + "replies/"
    token = token_for(tip_page)
    Client().get(url)
    statuses = []
    barrier = threading.Barrier(12)

    def check(number):
        try:
            barrier.wait()
            response = Client().post(url, {"codename": "a guess", "token": token}, REMOTE_ADDR=f"198.51.100.{number}")
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=check, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 5 + [429] * 7


def test_a_follow_up_with_1001_fields_answers_400_with_the_text_kept(client, tip_page):
    from tips.security import source_token
    from tips.submission import create_source

    source = create_source(codenames.generate())
    data = {"message": "More about the convoy", "links": "", "source_token": source_token(source)}
    data.update({f"junk{n}": "x" for n in range(1001)})
    response = client.post(form_url(tip_page) + "replies/more/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "far more fields than it has" in page and "More about the convoy</textarea>" in page
    assert Tip.objects.count() == 0


@pytest.mark.parametrize("content_type", ["multipart/form-data", "multipart/form-data; boundary=\u00e9"])
def test_a_malformed_body_answers_400_not_500(client, tip_page, content_type):
    response = client.generic("POST", form_url(tip_page), b"--x\r\nnonsense", content_type=content_type)
    assert response.status_code == 400
    assert "This form could not be read" in response.content.decode()
