"""Import household positions (latitude, longitude) from a CSV file, e.g. the output of a
geocoding service run outside the core zone: columns `case_number,latitude,longitude`.
Every row is checked first; one bad row and nothing is applied. Importing the same file twice
changes nothing the second time."""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from hogo.audit.models import Action
from hogo.audit.services import record

from .models import Household

COLUMNS = ("case_number", "latitude", "longitude")
JAPAN = {"latitude": (Decimal(20), Decimal(46)), "longitude": (Decimal(122), Decimal(154))}


@dataclass
class RowError:
    row: int
    field: str
    message: str

    def __str__(self):
        return f"{self.row}行目 {self.field}: {self.message}"


def read_positions(lines, office) -> tuple[dict, list[RowError]]:
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != list(COLUMNS):
        return {}, [
            RowError(1, "見出し", f"列は {','.join(COLUMNS)} にしてください（{','.join(reader.fieldnames or [])}）")
        ]
    known = dict(Household.objects.filter(office=office).values_list("case_number", "pk"))
    positions, errors, seen = {}, [], set()
    for number, row in enumerate(reader, start=2):
        case_number = (row["case_number"] or "").strip()
        if case_number not in known:
            errors.append(RowError(number, "case_number", f"ケース番号「{case_number}」の世帯はこの事務所にありません"))
            continue
        if case_number in seen:
            errors.append(RowError(number, "case_number", f"ケース番号「{case_number}」が2回あります"))
            continue
        seen.add(case_number)
        values = {}
        for field in ("latitude", "longitude"):
            try:
                value = Decimal((row[field] or "").strip()).quantize(Decimal("0.000001"))
            except InvalidOperation:
                errors.append(RowError(number, field, f"数値ではありません（{row[field]}）"))
                continue
            low, high = JAPAN[field]
            if not low <= value <= high:
                errors.append(RowError(number, field, f"{value} は日本の範囲（{low}〜{high}）の外です"))
                continue
            values[field] = value
        if len(values) == 2:
            positions[known[case_number]] = (values["latitude"], values["longitude"])
    return positions, errors


def import_positions(lines, office, actor=None) -> dict:
    positions, errors = read_positions(lines, office)
    if errors:
        return {"errors": errors, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        households = Household.objects.select_for_update().filter(pk__in=positions)
        changed = [h for h in households if (h.latitude, h.longitude) != positions[h.pk]]
        for household in changed:
            household.latitude, household.longitude = positions[household.pk]
        Household.objects.bulk_update(changed, ["latitude", "longitude"], batch_size=1000)
        record(
            actor,
            Action.BULK_LOAD,
            office_id=office.pk,
            detail={"positions": len(positions), "updated": len(changed)},
        )
    return {"errors": [], "updated": len(changed), "unchanged": len(positions) - len(changed)}
