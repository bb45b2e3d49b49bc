"""What a recipient uploads with a submission: only a JPEG, PNG, HEIC (kept as JPEG) or PDF, told by its
content; at most 10 MB; an image declaring too many pixels (a pixel bomb) refused before decoding; a person
of another household refused; the same form posted twice makes one submission. A refusal names the field
in plain Japanese and saves nothing."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hogo.recipient_portal.models import Attachment, RecipientPerson, Submission

from .recipient_helpers import HEAD_A, HEAD_B, PDF, income_post, jpeg, png, signed_in, two_households


def post(client, upload, person=None, **kw):
    head = RecipientPerson.objects.get(key=HEAD_A)
    return client.post(
        reverse("my_submission_new", args=["income"]), income_post(head.pk, upload=upload, file_person=person, **kw)
    )


def refused(response, text):
    html = response.content.decode()
    assert response.status_code == 200 and text in html, html[-3000:]
    assert not Submission.objects.exists() and not Attachment.objects.exists()


def test_a_photo_is_kept_without_its_metadata(client, db):
    two_households()
    signed_in(client)
    image = Image.new("RGB", (60, 40))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)

    response = post(client, SimpleUploadedFile("slip.jpg", out.getvalue()))

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.ext == "jpg" and b"SecretCam" not in bytes(attachment.data)


def test_a_png_and_a_pdf_are_taken_by_their_content_whatever_their_name(client, db):
    two_households()
    signed_in(client)
    assert post(client, SimpleUploadedFile("slip.txt", png())).status_code == 302
    assert post(client, SimpleUploadedFile("slip.bin", PDF), token="1" * 32).status_code == 302
    assert sorted(Attachment.objects.values_list("ext", flat=True)) == ["pdf", "png"]


def test_a_heic_photo_from_an_iphone_is_kept_as_jpeg(client, db):
    import pillow_heif

    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (1, 2, 3)).save(out, "HEIF")
    two_households()
    signed_in(client)

    assert post(client, SimpleUploadedFile("IMG_0001.HEIC", out.getvalue())).status_code == 302

    attachment = Attachment.objects.get()
    assert attachment.ext == "jpg" and bytes(attachment.data).startswith(b"\xff\xd8\xff")


def test_a_file_that_is_not_an_image_or_pdf_is_refused(client, db):
    two_households()
    signed_in(client)
    refused(post(client, SimpleUploadedFile("slip.jpg", b"MZ\x90\x00 not an image")), "JPEG・PNG・HEIC")
    refused(post(client, SimpleUploadedFile("slip.jpg", b"\xff\xd8\xff\xe0 broken jpeg")), "読み取れません")


def test_an_oversize_file_is_refused(client, db, settings):
    settings.HOGO_PHOTO_MAX_BYTES = 1000
    two_households()
    signed_in(client)
    refused(post(client, SimpleUploadedFile("slip.pdf", PDF + b"0" * 2000)), "大きすぎます")


def test_a_pixel_bomb_is_refused_before_decoding(client, db, settings):
    settings.HOGO_PHOTO_MAX_PIXELS = 1000
    two_households()
    signed_in(client)
    refused(post(client, SimpleUploadedFile("bomb.png", png((200, 200)))), "画素数が多すぎます")


def test_a_person_of_another_household_is_refused(client, db):
    two_households()
    signed_in(client)
    other = RecipientPerson.objects.get(key=HEAD_B)
    refused(post(client, SimpleUploadedFile("slip.jpg", jpeg()), person=other.pk), "この世帯の方を選んでください")
    data = income_post(other.pk)
    refused(client.post(reverse("my_submission_new", args=["income"]), data), "この世帯の方を選んでください")


def test_an_amount_must_be_whole_yen(client, db):
    two_households()
    signed_in(client)
    head = RecipientPerson.objects.get(key=HEAD_A)
    response = client.post(reverse("my_submission_new", args=["income"]), income_post(head.pk, amount="1200.5"))
    refused(response, "金額は円の数字だけで入力してください")


def test_the_same_form_posted_twice_makes_one_submission(client, db):
    two_households()
    signed_in(client)
    first = post(client, SimpleUploadedFile("slip.jpg", jpeg()))
    second = post(client, SimpleUploadedFile("slip.jpg", jpeg()))

    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Submission.objects.count() == 1 and Attachment.objects.count() == 1
