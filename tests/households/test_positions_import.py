"""Importing household positions from a geocoding CSV: every row checked, errors by row and
field, nothing applied when anything is wrong, idempotent."""

import io

import pytest
from django.core.management import CommandError, call_command

from hogo.households.models import Household
from hogo.households.positions import import_positions


def csv_of(*rows):
    return io.StringIO("case_number,latitude,longitude\n" + "\n".join(rows) + "\n")


def test_positions_are_imported_and_a_second_run_changes_nothing(cast):
    own, mate = cast.households["own"], cast.households["mate"]
    rows = (f"{own.case_number},35.681236,139.767125", f"{mate.case_number},35.6895,139.6917")
    assert import_positions(csv_of(*rows), cast.office_a) == {"errors": [], "updated": 2, "unchanged": 0}
    assert import_positions(csv_of(*rows), cast.office_a) == {"errors": [], "updated": 0, "unchanged": 2}
    own.refresh_from_db()
    assert str(own.latitude) == "35.681236"


def test_one_bad_row_applies_nothing_and_every_error_names_row_and_field(cast):
    own, mate = cast.households["own"], cast.households["mate"]
    result = import_positions(
        csv_of(
            f"{own.case_number},35.68,139.76",
            f"{mate.case_number},abc,139.7",
            "999999,35.0,139.0",
            f"{cast.households['b_household'].case_number},35.0,200.0",
        ),
        cast.office_a,
    )
    messages = [str(e) for e in result["errors"]]
    assert messages[0].startswith("3行目 latitude: 数値ではありません")
    assert messages[1].startswith("4行目 case_number:")
    assert len(messages) == 3
    assert Household.objects.get(pk=own.pk).latitude is None


def test_the_command_refuses_a_file_with_errors(cast, tmp_path):
    path = tmp_path / "positions.csv"
    path.write_text("case_number,lat,lon\n1,2,3\n", encoding="utf-8")
    with pytest.raises(CommandError, match="何も反映していません"):
        call_command("positions", str(path), office=cast.office_a.municipality_code)
