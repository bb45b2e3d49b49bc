"""What a recipient may upload: a photo (JPEG, PNG, or HEIC from an iPhone, turned into JPEG) or a PDF, told
by its content, not its name. Images are re-encoded without EXIF/GPS by the transfer bundle's own cleaner
(hogo.transfer.bundle.reencoded_image: the pixel count is read from the header and checked before any pixel
is decoded), so what the portal keeps is exactly what the core will accept; a PDF is only checked (header and
size), never rendered. Limits are the core's: HOGO_PHOTO_MAX_BYTES (10 MB) and HOGO_PHOTO_MAX_PIXELS.

`cleaned(upload)` → (ext, bytes) or ValidationError naming the field, in plain Japanese."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

from hogo.transfer.bundle import BundleRefused, reencoded_image

NOT_A_FILE_WE_TAKE = "写真（JPEG・PNG・HEIC）か PDF のファイルを選んでください。このファイルは読み取れません。"
MAGIC = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


def _refuse(field: str, text: str) -> ValidationError:
    return ValidationError({field: text})


def _too_many_pixels(field: str) -> ValidationError:
    return _refuse(field, "写真の画素数が多すぎます。カメラの設定で小さめにして撮り直してください。")


def _heic_as_jpeg(content: bytes, field: str) -> bytes:
    from pillow_heif import register_heif_opener  # noqa: PLC0415

    register_heif_opener()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(content), formats=["HEIF"])
            if image.width * image.height > settings.HOGO_PHOTO_MAX_PIXELS:
                raise _too_many_pixels(field)
            image.load()
            rgb = image.convert("RGB")
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(field) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _refuse(field, NOT_A_FILE_WE_TAKE) from None
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=85)  # a new file: nothing of the original's metadata
    return out.getvalue()


def _is_heic(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif", b"hevc")


def cleaned(upload, field: str = "file") -> tuple[str, bytes]:
    """The upload as it will be kept and sent: ("jpg" | "png" | "pdf", bytes)."""
    limit = settings.HOGO_PHOTO_MAX_BYTES
    if upload.size > limit:
        raise _refuse(
            field, f"ファイルが大きすぎます（{upload.size / 1024 / 1024:.1f}MB）。{limit // 1024 // 1024}MBまでです。"
        )
    content = upload.read()
    if len(content) > limit:
        raise _refuse(field, f"ファイルが大きすぎます。{limit // 1024 // 1024}MBまでです。")
    if content.startswith(b"%PDF-"):
        return "pdf", content
    kind = next((k for magic, k in MAGIC.items() if content.startswith(magic)), None)
    if kind is None:
        if _is_heic(content[:16]):
            content, kind = _heic_as_jpeg(content, field), "JPEG"
        else:
            raise _refuse(field, NOT_A_FILE_WE_TAKE)
    try:
        data = reencoded_image(content, kind, settings.HOGO_PHOTO_MAX_PIXELS, upload.name or "")
    except BundleRefused as exc:
        if "画素数" in exc.message:
            raise _too_many_pixels(field) from None
        raise _refuse(field, NOT_A_FILE_WE_TAKE) from None
    return ("jpg" if kind == "JPEG" else "png"), data
