"""A photo's EXIF (camera, GPS position), comments and every other metadata never pass the import: the
importer gets the pixels re-encoded in a new file."""

import io

from PIL import Image

from hogo.transfer import services
from hogo.transfer.bundle import attachment_name

from ..factories import OfficeFactory
from .helpers import from_portal, portal_signer
from .images import jpeg_with_exif, png


def test_the_importer_receives_the_jpeg_without_exif_or_comment(db, ping):
    office = OfficeFactory()
    photo = jpeg_with_exif()
    assert Image.open(io.BytesIO(photo)).getexif()  # the test's photo does carry EXIF
    name = attachment_name(photo, "jpg")
    seen = {}
    services.register_importer("ping", lambda records, bundle: seen.update(bundle.attachments))
    data = from_portal(
        portal_signer(office.municipality_code),
        office.municipality_code,
        rows=[{"text": "photo", "attachment": name}],
        attachments={name: photo},
    )

    services.import_bundle(data, "photo.zip")

    clean = Image.open(io.BytesIO(seen[name]))
    assert clean.format == "JPEG" and clean.size == (64, 48)
    assert not clean.getexif() and "exif" not in clean.info and "comment" not in clean.info
    assert b"SecretCam" not in seen[name] and b"taken at home" not in seen[name]


def test_a_png_keeps_its_pixels_and_format(db, ping):
    office = OfficeFactory()
    image = png()
    name = attachment_name(image, "png")
    seen = {}
    services.register_importer("ping", lambda records, bundle: seen.update(bundle.attachments))
    data = from_portal(
        portal_signer(office.municipality_code),
        office.municipality_code,
        rows=[{"text": "p"}],
        attachments={name: image},
    )

    services.import_bundle(data, "png.zip")

    clean = Image.open(io.BytesIO(seen[name]))
    assert clean.format == "PNG" and clean.getpixel((0, 0)) == (0, 0, 255, 128)
