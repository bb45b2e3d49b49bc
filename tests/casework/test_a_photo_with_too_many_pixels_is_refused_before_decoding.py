"""A photo is limited in pixels as well as in bytes (decision 0023): a PNG of a few hundred KB can
declare hundreds of millions of pixels. It is refused on the photo field from its header, before any
pixel is decoded — within a small memory budget — and never with a server error, whether it is above
our limit only or also above Pillow's own decompression-bomb limits."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hogo.casework import services
from hogo.casework.models import Photo
from hogo.followups.services import register_declaration
from tests.roles import said

MiB = 1024 * 1024


def blank_png(width: int, height: int) -> bytes:
    """A valid black PNG of any size, written row by row (1 bit a pixel, so it is cheap to make and
    compresses to almost nothing) — the shape of a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + the row's bits
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def attach(cast, data: bytes):
    upload = SimpleUploadedFile("bomb.png", data, content_type="image/png")
    return services.attach_photo(cast.users["cw"], cast.households["own"], upload=upload, purpose="room")


def memory_growth_of(act) -> int:
    """How far the process's peak resident memory rose above its memory before `act()`, in bytes.
    The peak is reset first (Linux: /proc/self/clear_refs), so earlier tests do not hide the rise."""
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("needs Linux /proc to measure peak memory")

    def read(field: str) -> int:
        line = next(line for line in status.read_text().splitlines() if line.startswith(field + ":"))
        return int(line.split()[1]) * 1024

    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current resident size
    except OSError:
        pytest.skip("this kernel does not let a process reset its peak memory")
    before = read("VmRSS")
    act()
    return read("VmHWM") - before


def test_the_test_bomb_is_a_real_png_of_that_size():
    image = Image.open(io.BytesIO(blank_png(8_000, 7_500)))
    assert (image.format, image.size) == ("PNG", (8_000, 7_500))
    assert len(blank_png(8_000, 7_500)) < 200 * 1024


@pytest.mark.parametrize(
    "width, height",
    [
        (8_000, 7_500),  # 60 Mpx: above our limit, below Pillow's warning (89 Mpx)
        (11_000, 11_000),  # 121 Mpx, the probe's file: Pillow only warns
        (20_000, 20_000),  # 400 Mpx: Pillow raises DecompressionBombError
    ],
)
def test_a_pixel_bomb_is_refused_on_the_photo_field_and_nothing_is_stored(cast, rules, width, height):
    with pytest.raises(ValidationError) as refused:
        attach(cast, blank_png(width, height))
    assert refused.value.message_dict["image"][0].startswith("写真の画素数が多すぎます")
    assert "4,000万画素まで" in refused.value.message_dict["image"][0]
    assert not Photo.objects.exists()


def test_refusing_a_121_megapixel_photo_stays_within_50_mib(cast, rules):
    bomb = blank_png(11_000, 11_000)  # made before measuring

    def refuse():
        with pytest.raises(ValidationError):
            attach(cast, bomb)

    assert memory_growth_of(refuse) < 50 * MiB


def test_a_photo_at_the_limit_is_accepted(cast, rules, settings):
    settings.HOGO_PHOTO_MAX_PIXELS = 2_000_000
    photo = attach(cast, blank_png(2_000, 1_000))
    assert (photo.width, photo.height) == (2_000, 1_000)
    with pytest.raises(ValidationError, match="200万画素まで"):
        attach(cast, blank_png(2_001, 1_000))


def test_a_400_megapixel_photo_posted_to_a_declaration_is_a_message_not_a_server_error(cast, rules, login, today):
    declaration = register_declaration(
        cast.users["cw"], cast.households["own"], kind="income", received_on=today, channel="visit"
    )
    upload = SimpleUploadedFile("bomb.png", blank_png(20_000, 20_000), content_type="image/png")
    response = login(cast.users["cw"]).post(
        reverse("declaration_photo", args=[declaration.public_id]), {"image": upload}
    )
    assert response.status_code == 302
    [(level, text)] = said(response)
    assert level == "error" and text.startswith("写真の画素数が多すぎます")
    assert not Photo.objects.exists()
