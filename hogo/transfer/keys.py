"""Signing keys. Each zone signs with its own Ed25519 key per office, named
`<zone>-<office>-<yyyymmddhhmmss>`; the private key is a file in HOGO_TRANSFER_KEYS_DIR (0600, never in
the database), the receiver holds the sender's public key in TrustedKey.

Rotation: `new_key` makes a key that signs from then on (the newest key of the zone and office is the
current one); the old key stays trusted by the receiver until it is retired there, so bundles already
on their way still verify. A retired key's bundles are refused."""

import base64
import json
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .bundle import ZONES, PublicKey, Signer
from .models import TrustedKey

PUBLIC_FORMAT = "hogo-transfer-public-key"
OFFICE_CODE = re.compile(r"\d{6}")
KEY_ID = re.compile(r"(core|portal)-(\d{6})-(\d{14})")


def keys_dir() -> Path:
    return Path(settings.HOGO_TRANSFER_KEYS_DIR)


def _checked(zone: str, office_code: str) -> None:
    if zone not in ZONES:
        raise ValidationError({"zone": f"ゾーンは {' / '.join(ZONES)} のどちらかです。"})
    if not OFFICE_CODE.fullmatch(office_code or ""):
        raise ValidationError({"office": "団体コードは6桁の数字です。"})


def new_key(zone: str, office_code: str, *, now=None) -> str:
    """A new signing key for the zone and office; it signs from now on (the newest key id is current).
    Returns its key id."""
    _checked(zone, office_code)
    key_id = f"{zone}-{office_code}-{timezone.localtime(now):%Y%m%d%H%M%S}"
    folder = keys_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        fd = os.open(folder / f"{key_id}.key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ValidationError(f"鍵 {key_id} は既にあります（1秒おいてもう一度）。") from None
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    (folder / f"{key_id}.pub").write_text(_public_text(key_id, private.public_key()), encoding="utf-8")
    return key_id


def _public_text(key_id: str, public: Ed25519PublicKey) -> str:
    zone, office_code, _ = KEY_ID.fullmatch(key_id).groups()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    body = {
        "format": PUBLIC_FORMAT,
        "key_id": key_id,
        "zone": zone,
        "office": office_code,
        "public_key": base64.b64encode(raw).decode(),
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _private(key_id: str) -> Ed25519PrivateKey:
    path = keys_dir() / f"{key_id}.key"
    if not path.is_file():
        raise ValidationError(f"鍵 {key_id} の秘密鍵がこの機械にありません（{keys_dir()}）。")
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError(f"鍵 {key_id} は Ed25519 の鍵ではありません。")
    return key


def export_public(key_id: str) -> str:
    """The text to give the receiving zone (`hogo transfer keys trust FILE` there)."""
    if not KEY_ID.fullmatch(key_id or ""):
        raise ValidationError({"key_id": "鍵IDは <zone>-<団体コード>-<年月日時分秒> です。"})
    return _public_text(key_id, _private(key_id).public_key())


def current_key_id(zone: str, office_code: str) -> str:
    """The newest key of the zone and office on this machine: the one that signs."""
    _checked(zone, office_code)
    names = sorted(p.stem for p in keys_dir().glob(f"{zone}-{office_code}-*.key") if KEY_ID.fullmatch(p.stem))
    if not names:
        raise ValidationError(
            f"{zone} / {office_code} の署名鍵がありません: hogo transfer keys new --zone {zone} --office {office_code}"
        )
    return names[-1]


def signer_for(zone: str, office_code: str) -> Signer:
    key_id = current_key_id(zone, office_code)
    return Signer(key_id, _private(key_id))


@transaction.atomic
def trust(text: str) -> tuple[TrustedKey, bool]:
    """Add a sender's public key (the text `export_public` printed). Returns (key, created); the same key
    again changes nothing; another key under a known key id is refused."""
    try:
        body = json.loads(text)
        if body.get("format") != PUBLIC_FORMAT:
            raise ValueError
        key_id, zone, office_code = body["key_id"], body["zone"], body["office"]
        raw = base64.b64decode(body["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ValidationError(
            {"file": "公開鍵のファイルとして読めません（hogo transfer keys export-public の出力）。"}
        ) from None
    _checked(zone, office_code)
    match = KEY_ID.fullmatch(key_id) if isinstance(key_id, str) else None
    if match is None or match.group(1) != zone or match.group(2) != office_code:
        raise ValidationError({"key_id": f"鍵ID {key_id!r} がゾーン・団体コードと合いません。"})
    encoded = base64.b64encode(raw).decode()
    key, created = TrustedKey.objects.get_or_create(
        key_id=key_id, defaults={"zone": zone, "office_code": office_code, "public_key": encoded}
    )
    if not created and key.public_key != encoded:
        raise ValidationError({"key_id": f"鍵ID {key_id} には別の公開鍵が登録されています。"})
    if not created and key.retired_at is not None:
        raise ValidationError({"key_id": f"鍵 {key_id} は廃止済みです（廃止した鍵は戻せません。新しい鍵を）。"})
    if created:
        _audit("trust", key)
    return key, created


@transaction.atomic
def retire(key_id: str) -> TrustedKey | None:
    """From now on the key's bundles are refused here; where its private key is, it no longer signs
    either (the file is renamed `.key.retired`). The trusted key, or None where it was only a signing key."""
    key = TrustedKey.objects.select_for_update().filter(key_id=key_id).first()
    private = keys_dir() / f"{key_id}.key"
    if key is None and not private.is_file():
        raise ValidationError({"key_id": f"鍵 {key_id} は信頼している鍵にも、この機械の署名鍵にもありません。"})
    if key is not None and key.retired_at is None:
        key.retired_at = timezone.now()
        key.save(update_fields=["retired_at"])
        _audit("retire", key)
    if private.is_file():
        private.rename(private.with_suffix(".key.retired"))
    return key


def trusted_keys() -> dict[str, PublicKey]:
    return {
        k.key_id: PublicKey(k.key_id, k.zone, k.office_code, base64.b64decode(k.public_key))
        for k in TrustedKey.objects.filter(retired_at=None)
    }


def retired_key_ids() -> set[str]:
    return set(TrustedKey.objects.exclude(retired_at=None).values_list("key_id", flat=True))


def _audit(what: str, key: TrustedKey) -> None:
    from .services import audit  # noqa: PLC0415 - services imports this module

    audit("GRANT", target_type="transfer_key", target_id=key.key_id, detail={"transfer_key": what, "zone": key.zone})
