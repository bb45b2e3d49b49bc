"""The transfer bundle: one signed zip between the zones (docs/transfer/README.md). Pure Python, no Django:
`write_bundle` builds one, `read_bundle` checks every byte of one before anything of it is believed.

Layout:
    manifest.json                the manifest (below), UTF-8 JSON
    signature                    Ed25519 over the exact bytes of manifest.json, base64
    records/<type>.jsonl         one JSON object a line, per record type (a file per type, even when empty)
    attachments/<sha256>.<ext>   jpg, png or pdf; named by the SHA-256 of the bytes the sender wrote

A bundle may also be addressed to an external service (`service:<name>`, e.g. `service:sms`): the core
signs it as it signs a bundle to the portal, the service verifies it with the office's public key, and
neither zone imports it (their zone is not its target). Only such a bundle may carry csv attachments.

A refusal is a `BundleRefused(reason_code, message)`; REASONS lists the codes."""

import base64
import hashlib
import io
import json
import re
import stat
import uuid
import warnings
import zipfile
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from PIL import Image, ImageOps, UnidentifiedImageError

FORMAT = "hogo-transfer"
SCHEMA_VERSION = 1
KNOWN_SCHEMA_VERSIONS = frozenset({1})
ZONES = ("core", "portal")
SERVICE_TARGET = re.compile(r"service:[a-z][a-z0-9_]{0,39}")  # an external service a zone sends files to
MANIFEST = "manifest.json"
SIGNATURE = "signature"

RECORD_TYPE = re.compile(r"[a-z][a-z0-9_]{0,39}")
RECORD_PATH = re.compile(r"records/([a-z][a-z0-9_]{0,39})\.jsonl")
ATTACHMENT_PATH = re.compile(r"attachments/([0-9a-f]{64})\.(jpg|png|pdf|csv)")
IMAGE_FORMATS = {"jpg": "JPEG", "png": "PNG"}
EXTENSIONS = ("jpg", "png", "pdf", "csv")
SERVICE_EXTENSIONS = ("csv",)  # only in a bundle to an external service: the files it is documented to read

# reason code: what a person reads in the quarantine list (services add the ones only a database can tell)
REASONS = {
    "too_large": "バンドルが大きすぎます。",
    "not_a_zip": "zip として読めません。",
    "unsafe_path": "zip に危険なパス（絶対パス・..・シンボリックリンクなど）があります。",
    "zip_bomb": "展開後の大きさ・圧縮率・ファイル数が上限を超えます（zip bomb の疑い）。",
    "bad_manifest": "manifest.json がないか、読めないか、必要な項目が欠けています。",
    "unknown_key": "署名の鍵（key_id）を信頼していません。",
    "retired_key": "署名の鍵は廃止済みです。",
    "key_mismatch": "署名の鍵が、バンドルの送り元ゾーン・福祉事務所のものではありません。",
    "bad_signature": "署名が正しくありません。",
    "unknown_schema_version": "このシステムの知らないスキーマ版です。",
    "wrong_zone": "このゾーンあてのバンドルではありません。",
    "manifest_mismatch": "manifest とファイルが一致しません（欠落・余分・SHA-256・大きさ・件数）。",
    "disallowed_file": "許されていない種類のファイルがあります。",
    "bad_record": "記録の行が JSON オブジェクトとして読めません。",
    "bad_image": "画像として読めないか、JPEG・PNG ではありません。",
    "bad_pdf": "PDF ではないか、大きすぎます。",
}


class BundleRefused(Exception):
    """The bundle is refused whole. `bundle_id` is what the manifest claimed, when it could be read (not
    verified: only for finding the bundle again)."""

    def __init__(self, reason_code: str, message: str, *, bundle_id: str | None = None):
        super().__init__(f"{reason_code}: {message}")
        self.reason_code = reason_code
        self.message = message
        self.bundle_id = bundle_id


@dataclass(frozen=True)
class Limits:
    max_bundle_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 2048 * 1024 * 1024  # all entries, uncompressed
    max_entries: int = 50_000
    max_ratio: int = 100  # uncompressed / compressed, for an entry larger than ratio_floor_bytes
    ratio_floor_bytes: int = 1024 * 1024
    max_image_bytes: int = 10 * 1024 * 1024
    max_image_pixels: int = 40_000_000
    max_pdf_bytes: int = 20 * 1024 * 1024
    max_csv_bytes: int = 100 * 1024 * 1024


@dataclass(frozen=True)
class Signer:
    key_id: str
    private_key: Ed25519PrivateKey

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


@dataclass(frozen=True)
class PublicKey:
    """A key the receiver trusts: whose it is and its 32 raw bytes."""

    key_id: str
    zone: str
    office_code: str
    raw: bytes


@dataclass
class Bundle:
    manifest: dict
    manifest_sha256: str
    records: dict[str, list[dict]]
    attachments: dict[str, bytes]  # by name ("<sha256>.<ext>", as records refer to them): cleaned bytes
    stripped: int = 0  # images re-encoded
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def source_zone(self) -> str:
        return self.manifest["source_zone"]

    @property
    def target_zone(self) -> str:
        return self.manifest["target_zone"]

    @property
    def office_code(self) -> str:
        return self.manifest["office"]

    @property
    def key_id(self) -> str:
        return self.manifest["key_id"]

    @property
    def counts(self) -> dict[str, int]:
        return dict(self.manifest["counts"])

    @property
    def created_at(self) -> str:
        return self.manifest["created_at"]


def is_service(target: str) -> bool:
    """Whether `target` names an external service (`service:<name>`), not a zone."""
    return bool(SERVICE_TARGET.fullmatch(target or ""))


def attachment_name(data: bytes, ext: str) -> str:
    """The name a record uses for an attachment: `<sha256>.<ext>`."""
    if ext not in EXTENSIONS:
        raise ValueError(f"attachment extension {ext!r}: only {', '.join(EXTENSIONS)}")
    return f"{hashlib.sha256(data).hexdigest()}.{ext}"


def write_bundle(
    records: Mapping[str, list[dict]],
    attachments: Mapping[str, bytes],
    *,
    source_zone: str,
    target_zone: str,
    office_code: str,
    signer: Signer,
    created_at: datetime | None = None,
    bundle_id: str | None = None,
    schema_version: int = SCHEMA_VERSION,
) -> bytes:
    """The signed zip. `attachments` are by `attachment_name` (checked); records are JSON-serialisable.
    `target_zone` is the other zone or an external service (`service:<name>`)."""
    if source_zone not in ZONES or not (target_zone in ZONES or is_service(target_zone)) or source_zone == target_zone:
        raise ValueError(f"zones {source_zone!r} → {target_zone!r}: one of {ZONES} to the other or to service:<name>")
    created_at = created_at or datetime.now(UTC)
    entries: list[tuple[str, bytes, int]] = []
    for record_type, rows in records.items():
        if not RECORD_TYPE.fullmatch(record_type):
            raise ValueError(f"record type {record_type!r}: lower-case letters, digits and _")
        text = "".join(
            json.dumps(row, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n" for row in rows
        )
        entries.append((f"records/{record_type}.jsonl", text.encode(), zipfile.ZIP_DEFLATED))
    for name, data in attachments.items():
        ext = name.rpartition(".")[2]
        if name != attachment_name(data, ext):
            raise ValueError(f"attachment {name!r}: name it attachment_name(data, ext)")
        if ext in SERVICE_EXTENSIONS and not is_service(target_zone):
            raise ValueError(f"attachment {name!r}: .{ext} only in a bundle to an external service")
        entries.append((f"attachments/{name}", data, zipfile.ZIP_STORED))  # jpg/png/pdf: compressed already
    manifest = {
        "format": FORMAT,
        "bundle_id": bundle_id or str(uuid.uuid4()),
        "schema_version": schema_version,
        "source_zone": source_zone,
        "target_zone": target_zone,
        "office": office_code,
        "created_at": created_at.isoformat(),
        "key_id": signer.key_id,
        "counts": {record_type: len(rows) for record_type, rows in records.items()},
        "files": {path: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for path, data, _ in entries},
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    signature = base64.b64encode(signer.sign(manifest_bytes)) + b"\n"
    stamp = created_at.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for path, data, method in [
            (MANIFEST, manifest_bytes, zipfile.ZIP_DEFLATED),
            (SIGNATURE, signature, 0),
        ] + entries:
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = method
            info.external_attr = 0o100600 << 16  # a regular file
            zf.writestr(info, data)
    return out.getvalue()


def read_bundle(
    data: bytes,
    *,
    trusted_keys: Mapping[str, PublicKey],
    known_versions: Collection[int] = KNOWN_SCHEMA_VERSIONS,
    limits: Limits = Limits(),
    zone: str,
    retired_keys: Collection[str] = (),
) -> Bundle:
    """The verified bundle for `zone` (a zone, or `service:<name>` where an external service checks what it
    was sent), or BundleRefused. Order: size, zip structure and headers (paths,
    entry count, sizes, ratios), manifest, key, signature, schema version, target zone, every file against
    the manifest (read with a cap), records, attachments."""
    if len(data) > limits.max_bundle_bytes:
        raise BundleRefused("too_large", f"{len(data):,} バイト（上限 {limits.max_bundle_bytes:,} バイト）")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise BundleRefused("not_a_zip", "zip の構造が壊れています。") from None
    with zf:
        by_name = _checked_headers(infos, limits)
        budget = _Budget(limits.max_total_bytes)
        manifest_bytes = _entry(zf, by_name, MANIFEST, budget, "bad_manifest")
        manifest = _manifest(manifest_bytes)
        claimed = manifest["bundle_id"]
        signature = _entry(zf, by_name, SIGNATURE, budget, "bad_signature", bundle_id=claimed)
        _verify(manifest, manifest_bytes, signature, trusted_keys, retired_keys)
        if manifest["schema_version"] not in known_versions:
            raise BundleRefused(
                "unknown_schema_version",
                f"版 {manifest['schema_version']}（知っている版: {sorted(known_versions)}）",
                bundle_id=claimed,
            )
        if manifest["target_zone"] != zone:
            raise BundleRefused("wrong_zone", f"あて先 {manifest['target_zone']}（ここは {zone}）", bundle_id=claimed)
        listed, present = set(manifest["files"]), set(by_name) - {MANIFEST, SIGNATURE}
        if listed != present:
            missing, extra = sorted(listed - present), sorted(present - listed)
            raise BundleRefused(
                "manifest_mismatch", f"欠けているファイル {missing[:5]}、余分なファイル {extra[:5]}", bundle_id=claimed
            )
        records, attachments, stripped = {}, {}, 0
        for path in sorted(present):
            entry = manifest["files"][path]
            if by_name[path].file_size != entry["size"]:
                raise BundleRefused("manifest_mismatch", f"{path}: 大きさが manifest と違います。", bundle_id=claimed)
            content = _entry(zf, by_name, path, budget, "manifest_mismatch", bundle_id=claimed)
            if hashlib.sha256(content).hexdigest() != entry["sha256"]:
                raise BundleRefused("manifest_mismatch", f"{path}: SHA-256 が manifest と違います。", bundle_id=claimed)
            if match := RECORD_PATH.fullmatch(path):
                records[match[1]] = _records(path, content, claimed)
            elif match := ATTACHMENT_PATH.fullmatch(path):
                name = f"{match[1]}.{match[2]}"
                if match[2] in SERVICE_EXTENSIONS and not is_service(zone):
                    raise BundleRefused(
                        "disallowed_file", f"{path}: .{match[2]} はこのゾーンでは受け付けません。", bundle_id=claimed
                    )
                attachments[name] = _clean_attachment(path, match[2], content, limits, claimed)
                stripped += match[2] in IMAGE_FORMATS
            else:  # _checked_headers let only these two kinds through
                raise BundleRefused("disallowed_file", path, bundle_id=claimed)
        counts = manifest["counts"]
        if set(counts) != set(records) or any(len(records[t]) != counts[t] for t in records):
            found = {t: len(rows) for t, rows in records.items()}
            raise BundleRefused("manifest_mismatch", f"件数 {counts} と実際 {found} が違います。", bundle_id=claimed)
    return Bundle(manifest, hashlib.sha256(manifest_bytes).hexdigest(), records, attachments, stripped)


def _checked_headers(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Refuse from the central directory alone, before any entry is decompressed."""
    if len(infos) > limits.max_entries:
        raise BundleRefused("zip_bomb", f"ファイル数 {len(infos):,}（上限 {limits.max_entries:,}）")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        parts = name.split("/")
        if (
            not name
            or name.startswith(("/", "\\"))
            or "\\" in name
            or re.match(r"[A-Za-z]:", name)
            or any(part in ("", ".", "..") for part in parts)
            or "\x00" in name
        ):
            raise BundleRefused("unsafe_path", repr(name[:200]))
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the writer gave no Unix file type
        if info.is_dir() or kind not in (0, stat.S_IFREG):  # a symlink, a device, a folder
            raise BundleRefused("unsafe_path", f"{name[:200]!r} は通常のファイルではありません。")
        if name in by_name:
            raise BundleRefused("unsafe_path", f"{name[:200]!r} が2回あります。")
        if name not in (MANIFEST, SIGNATURE) and not (RECORD_PATH.fullmatch(name) or ATTACHMENT_PATH.fullmatch(name)):
            raise BundleRefused("disallowed_file", repr(name[:200]))
        if info.flag_bits & 0x1:
            raise BundleRefused("disallowed_file", f"{name}: 暗号化されたファイルは受け付けません。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleRefused("disallowed_file", f"{name}: 圧縮方式 {info.compress_type} は受け付けません。")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise BundleRefused("zip_bomb", f"展開後の合計が上限 {limits.max_total_bytes:,} バイトを超えます。")
        if info.file_size > limits.ratio_floor_bytes and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise BundleRefused("zip_bomb", f"{name}: 圧縮率が上限 {limits.max_ratio} 倍を超えます。")
        by_name[name] = info
    return by_name


class _Budget:
    """What may still be decompressed in all: the headers may lie, so reading is capped too."""

    def __init__(self, left: int):
        self.left = left


def _entry(zf, by_name, name, budget: _Budget, missing_code, *, bundle_id=None) -> bytes:
    info = by_name.get(name)
    if info is None:
        raise BundleRefused(missing_code, f"{name} がありません。", bundle_id=bundle_id)
    cap = min(info.file_size, budget.left)
    chunks, size = [], 0
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(min(1024 * 1024, cap + 1 - size)):
                size += len(chunk)
                if size > cap:
                    raise BundleRefused("zip_bomb", f"{name}: 見出しより大きく展開されます。", bundle_id=bundle_id)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise BundleRefused("not_a_zip", f"{name}: 展開できません。", bundle_id=bundle_id) from None
    budget.left -= size
    return b"".join(chunks)


def _manifest(manifest_bytes: bytes) -> dict:
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRefused("bad_manifest", "JSON として読めません。") from None
    if not isinstance(manifest, dict):
        raise BundleRefused("bad_manifest", "JSON オブジェクトではありません。")
    problems = []
    expect = {
        "bundle_id": str,
        "schema_version": int,
        "source_zone": str,
        "target_zone": str,
        "office": str,
        "created_at": str,
        "key_id": str,
        "counts": dict,
        "files": dict,
    }
    for key, kind in expect.items():
        if not isinstance(manifest.get(key), kind) or isinstance(manifest.get(key), bool):
            problems.append(key)
    if manifest.get("format") != FORMAT:
        problems.append("format")
    if not problems:
        try:
            manifest["bundle_id"] = str(uuid.UUID(manifest["bundle_id"]))
        except ValueError:
            problems.append("bundle_id")
        if manifest["source_zone"] not in ZONES:
            problems.append("source_zone")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in manifest["counts"].values()):
            problems.append("counts")
        files = manifest["files"].values()
        if not all(
            isinstance(f, dict) and isinstance(f.get("sha256"), str) and isinstance(f.get("size"), int) for f in files
        ):
            problems.append("files")
    if problems:
        raise BundleRefused("bad_manifest", f"項目 {', '.join(problems)} が欠けているか正しくありません。")
    return manifest


def _verify(manifest, manifest_bytes, signature_text, trusted_keys, retired_keys) -> None:
    claimed, key_id = manifest["bundle_id"], manifest["key_id"]
    if key_id in retired_keys:
        raise BundleRefused("retired_key", f"鍵 {key_id[:80]} は廃止済みです。", bundle_id=claimed)
    key = trusted_keys.get(key_id)
    if key is None:
        raise BundleRefused("unknown_key", f"鍵 {key_id[:80]} を信頼していません。", bundle_id=claimed)
    if key.zone != manifest["source_zone"] or key.office_code != manifest["office"]:
        raise BundleRefused(
            "key_mismatch",
            f"鍵 {key_id} は {key.zone}/{key.office_code} のもの（バンドルは {manifest['source_zone']}/"
            f"{manifest['office'][:20]}）",
            bundle_id=claimed,
        )
    try:
        signature = base64.b64decode(signature_text.strip(), validate=True)
        Ed25519PublicKey.from_public_bytes(key.raw).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise BundleRefused("bad_signature", "manifest.json の署名が鍵と合いません。", bundle_id=claimed) from None


def _records(path: str, content: bytes, claimed: str) -> list[dict]:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRefused("bad_record", f"{path}: UTF-8 ではありません。", bundle_id=claimed) from None
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        try:
            row = json.loads(line, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise BundleRefused(
                "bad_record", f"{path} {number}行目: JSON として読めません。", bundle_id=claimed
            ) from None
        if not isinstance(row, dict):
            raise BundleRefused(
                "bad_record", f"{path} {number}行目: JSON オブジェクトではありません。", bundle_id=claimed
            )
        rows.append(row)
    return rows


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity: Python reads them, JSON has no such numbers


def _clean_attachment(path: str, ext: str, content: bytes, limits: Limits, claimed: str) -> bytes:
    if ext == "csv":  # for an external service only (read_bundle checked): UTF-8 text, never interpreted here
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if len(content) > limits.max_csv_bytes or text is None or "\x00" in text:
            raise BundleRefused(
                "disallowed_file", f"{path}: UTF-8 の CSV ではないか、大きすぎます。", bundle_id=claimed
            )
        return content
    if ext == "pdf":  # never rendered nor executed here: only its header and size are looked at
        if len(content) > limits.max_pdf_bytes or not content.startswith(b"%PDF-"):
            raise BundleRefused("bad_pdf", path, bundle_id=claimed)
        return content
    if len(content) > limits.max_image_bytes:
        raise BundleRefused(
            "bad_image", f"{path}: 上限 {limits.max_image_bytes:,} バイトを超えます。", bundle_id=claimed
        )
    return reencoded_image(content, IMAGE_FORMATS[ext], limits.max_image_pixels, path, claimed)


def reencoded_image(content: bytes, kind: str, max_pixels: int, path: str = "", claimed: str | None = None) -> bytes:
    """The image's pixels in a new file of its format, with no EXIF, GPS, comment or other metadata
    (orientation applied first). The pixel count is checked from the header before decoding."""
    refused = BundleRefused("bad_image", f"{path}: {kind} の画像として読めません。", bundle_id=claimed)
    try:
        with warnings.catch_warnings():  # Pillow's own bomb check warns, then raises: both are a refusal
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(content), formats=[kind])
            if image.width * image.height > max_pixels:
                raise BundleRefused(
                    "bad_image", f"{path}: 画素数 {image.width}×{image.height} が多すぎます。", bundle_id=claimed
                )
            image.load()
    except BundleRefused:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError, Warning):
        raise refused from None
    ImageOps.exif_transpose(image, in_place=True)
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.info = {}
    out = io.BytesIO()
    if kind == "JPEG":
        image.save(out, "JPEG", quality=85)
    else:
        image.save(out, "PNG")
    return out.getvalue()
