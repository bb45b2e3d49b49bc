"""Benchmark: transfer bundles (issue 22) — export and import of one bundle of 10,000 records and 500
photos.

A fresh database (`hogo migrate`, no demo) with one office. A bench record type `bench_note` is
registered: its exporter gives N synthetic records (a tenth name a photo) and P synthetic JPEGs of about
50 KB, 640×480, each carrying EXIF (camera and GPS) so that the import's re-encoding without metadata is
exercised; its importer bulk-creates one row per record (an auth Group, a table both zones have).

The portal's side exports (its settings: ZONE=portal, the office served, its own key) and the core's side
imports (the portal's public key trusted): `services.export_bundle` then `services.import_bundle`, each
timed from records to bytes and from bytes to committed rows (verify, check every file, re-encode every
photo, apply in one transaction, audit). Prints records/s for each and the peak memory of the process.

    .venv/bin/python bench/transfer.py [--records 10000] [--photos 500] [--database-url postgres://…]

Without --database-url a temporary SQLite file is used (removed at the end unless --keep). A PostgreSQL
database named by the URL is flushed first (use a scratch database).
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchenv import bench_environment
from linkage import peak_mib

ROOT = Path(__file__).resolve().parent.parent
OFFICE_CODE = "139998"


def photo(i: int) -> bytes:
    """About 50 KB of JPEG, 640×480, with EXIF (maker and a GPS position); each one different."""
    from PIL import Image

    base = Image.linear_gradient("L").resize((640, 480)).convert("RGB")
    image = Image.blend(base, Image.effect_noise((640, 480), 40).convert("RGB"), 0.3)
    image.putpixel((0, 0), (i % 256, i // 256 % 256, 7))
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    exif[0x8825] = {1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 44.0, 28.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=62, exif=exif.tobytes())
    return out.getvalue()


def register(records: int, photos: int) -> int:
    """The bench record type; returns the photos' total size in bytes."""
    from django.contrib.auth.models import Group

    from hogo.transfer import services
    from hogo.transfer.bundle import attachment_name

    images = [photo(i) for i in range(photos)]
    names = [attachment_name(data, "jpg") for data in images]

    def export(office_code):
        rows = [
            {
                "id": f"note-{i:06d}",
                "office": office_code,
                "kind": "declaration" if i % 3 else "visit_answer",
                "submitted_at": "2026-12-01T10:00:00+09:00",
                "text": f"架空の申告 {i}: 収入はありません。通院 {i % 7} 回。",
                **({"photo": names[i // 10]} if i % 10 == 0 and i // 10 < len(names) else {}),
            }
            for i in range(records)
        ]
        return services.Exported(rows, dict(zip(names, images, strict=True)))

    def apply(rows, bundle):
        missing = [r["photo"] for r in rows if "photo" in r and r["photo"] not in bundle.attachments]
        assert not missing, missing  # noqa: S101 - a bench's own consistency check
        Group.objects.bulk_create([Group(name=f"bench {r['id']}") for r in rows], batch_size=2000)

    services.register_exporter("bench_note", export)
    services.register_importer("bench_note", apply)
    return sum(len(data) for data in images)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", action="store_true", help="keep the temporary var dir (and SQLite file)")
    args = parser.parse_args()
    env = bench_environment(args.database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"

    def hogo(*cmd):
        subprocess.run(
            [sys.executable, "-m", "hogo.cli", *cmd], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    try:
        hogo("migrate", "--noinput", "-v0")
        if args.database_url:
            hogo("flush", "--noinput")
        import django

        django.setup()
        from django.contrib.auth.models import Group
        from django.test import override_settings

        from hogo.audit.context import audit_context
        from hogo.offices.models import Office
        from hogo.transfer import keys, services

        Office.objects.create(
            name="ベンチ市福祉事務所",
            municipality_code=OFFICE_CODE,
            default_grade_area="1-1",
            default_winter_region="VI",
        )
        t0 = time.perf_counter()
        photo_bytes = register(args.records, args.photos)
        made = time.perf_counter() - t0
        print(
            f"transfer bundle on {backend}, one process, {os.cpu_count()} cores: {args.records:,} records, "
            f"{args.photos} photos ({photo_bytes / args.photos / 1024:.0f} KiB each with EXIF; made in {made:.1f} s)"
        )
        with audit_context(source="bench"):
            with override_settings(ZONE="portal", HOGO_TRANSFER_SERVED_OFFICES=[OFFICE_CODE]):
                key_id = keys.new_key("portal", OFFICE_CODE)
                start = time.perf_counter()
                data = services.export_bundle(OFFICE_CODE, "core")
                exported = time.perf_counter() - start
            export_peak = peak_mib()
            keys.trust(keys.export_public(key_id))
            start = time.perf_counter()
            received = services.import_bundle(data, "bench.zip")
            imported = time.perf_counter() - start
        applied = Group.objects.filter(name__startswith="bench ").count()
        print(f"  bundle: {len(data) / 1024 / 1024:.1f} MiB; counts {received.counts}; {applied:,} rows applied")
        print(
            f"  export {exported:.2f} s: {args.records / exported:,.0f} records/s "
            f"(peak memory so far, max RSS, {export_peak:.0f} MiB)"
        )
        print(
            f"  import {imported:.2f} s (verify, SHA-256 of every file, {args.photos} photos re-encoded without "
            f"EXIF, one transaction): {args.records / imported:,.0f} records/s"
        )
        print(f"  peak memory (max RSS) {peak_mib():.0f} MiB")
    finally:
        if args.keep:
            print(f"  kept {env['HOGO_VAR_DIR']}")
        else:
            shutil.rmtree(env["HOGO_VAR_DIR"], ignore_errors=True)


if __name__ == "__main__":
    main()
