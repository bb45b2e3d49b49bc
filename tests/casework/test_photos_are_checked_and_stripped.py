"""Photos: JPEG, PNG or HEIC only, within the size limit; stored without EXIF or GPS; served only
through an audited view to those who may see the household."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hogo.audit.models import Action, AuditEntry
from hogo.casework import services
from hogo.casework.models import Photo


def image_bytes(fmt="JPEG", size=(64, 48), gps=False):
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "CameraMaker"  # Make
        gps_ifd = {1: "N", 2: (35.0, 41.0, 22.0), 3: "E", 4: (139.0, 41.0, 30.0)}
        exif[0x8825] = gps_ifd
        image.save(out, fmt, exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_jpeg_with_gps_is_stored_without_exif(cast, rules):
    original = image_bytes(gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test image does carry GPS
    photo = services.attach_photo(cast.users["cw"], cast.households["own"], upload=upload(original), purpose="room")
    stored = Image.open(photo.image.open("rb"))
    assert stored.format == "JPEG"
    assert not stored.getexif() and not stored.getexif().get_ifd(0x8825)
    assert b"CameraMaker" not in photo.image.open("rb").read()
    assert (photo.width, photo.height, photo.original_type) == (64, 48, "jpeg")


def test_a_png_is_accepted_and_converted(cast, rules):
    photo = services.attach_photo(
        cast.users["cw"],
        cast.households["own"],
        upload=upload(image_bytes("PNG"), "doc.png", "image/png"),
        purpose="document",
    )
    assert photo.original_type == "png" and Image.open(photo.image.open("rb")).format == "JPEG"


def test_a_gif_is_refused_with_the_reason(cast, rules):
    with pytest.raises(ValidationError) as refused:
        services.attach_photo(
            cast.users["cw"],
            cast.households["own"],
            upload=upload(image_bytes("GIF"), "a.gif", "image/gif"),
            purpose="room",
        )
    assert "GIF" in refused.value.message_dict["image"][0]
    assert not Photo.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(cast, rules):
    with pytest.raises(ValidationError, match="画像として読めません"):
        services.attach_photo(
            cast.users["cw"], cast.households["own"], upload=upload(b"%PDF-1.4 not an image"), purpose="room"
        )


def test_a_photo_over_the_limit_is_refused(cast, rules, settings):
    settings.HOGO_PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="大きすぎます"):
        services.attach_photo(
            cast.users["cw"], cast.households["own"], upload=upload(image_bytes(size=(400, 400))), purpose="room"
        )


def test_a_photo_is_served_audited_and_only_within_scope(cast, rules, login):
    photo = services.attach_photo(
        cast.users["cw"], cast.households["own"], upload=upload(image_bytes()), purpose="room"
    )
    response = login(cast.users["sv"]).get(reverse("photo", args=[photo.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert AuditEntry.objects.filter(action=Action.VIEW, target_type="photo", actor_username="sv").exists()
    assert login(cast.users["b_cw"]).get(reverse("photo", args=[photo.public_id])).status_code == 404
    assert AuditEntry.objects.filter(action=Action.DENIED, target_type="photo", actor_username="b_cw").exists()


def test_a_document_photo_attaches_to_the_households_declaration_only(cast, rules, today):
    from hogo.followups.services import register_declaration

    declaration = register_declaration(
        cast.users["b_cw"], cast.households["b_household"], kind="income", received_on=today, channel="visit"
    )
    with pytest.raises(ValidationError, match="別の世帯"):
        services.attach_photo(
            cast.users["cw"],
            cast.households["own"],
            upload=upload(image_bytes()),
            purpose="document",
            declaration=declaration,
        )


def test_a_pay_slip_photo_is_attached_to_the_declaration_from_its_page(cast, rules, login, today):
    from hogo.followups.services import register_declaration

    declaration = register_declaration(
        cast.users["cw"], cast.households["own"], kind="income", received_on=today, channel="visit"
    )
    client = login(cast.users["cw"])
    response = client.post(
        reverse("declaration_photo", args=[declaration.public_id]),
        {"image": upload(image_bytes(gps=True)), "caption": "10月分給与明細"},
    )
    assert response.status_code == 302
    photo = Photo.objects.get(declaration=declaration)
    assert photo.purpose == "document" and photo.caption == "10月分給与明細"
    assert "10月分給与明細" in client.get(reverse("declaration_detail", args=[declaration.public_id])).content.decode()
    refused = login(cast.users["chief"]).post(
        reverse("declaration_photo", args=[declaration.public_id]), {"image": upload(image_bytes())}
    )
    assert refused.status_code == 403
