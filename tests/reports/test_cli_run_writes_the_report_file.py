"""`hogo reports run NAME --office CODE --month YYYY-MM --out FILE --as USER` computes the report as the
named person, stores the run and writes XLSX or CSV; refusals name the option and write nothing."""

import io
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

from hogo.reports.models import ReportRun

from .report_helpers import populate


@pytest.fixture(autouse=True)
def late_enough(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 3))


def run(cast, out, *more, report="monthly", month="2026-11", user="chief"):
    stdout = StringIO()
    code = cast.office_a.municipality_code
    call_command(
        "reports",
        "run",
        report,
        "--office",
        code,
        "--month",
        month,
        "--out",
        str(out),
        "--as",
        user,
        *more,
        stdout=stdout,
    )
    return stdout.getvalue().splitlines()


def test_the_monthly_report_is_written_as_xlsx_and_stored(cast, tmp_path):
    populate(cast)
    out = tmp_path / "monthly.xlsx"
    lines = run(cast, out)
    stored = ReportRun.objects.get()
    assert lines[0] == str(stored.public_id)
    assert stored.status == "done" and stored.requested_by == cast.users["chief"] and stored.scope == "office"
    assert "  一致: 前月末 + 開始 − 廃止 = 当月末" in lines
    sheet = load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    assert sheet["A1"].value == "被保護者調査（月次調査）"


def test_a_csv_is_written_for_a_csv_file(cast, tmp_path):
    populate(cast)
    out = tmp_path / "welfare.csv"
    run(cast, out, report="welfare")
    assert "保護の申請と処理" in out.read_bytes().decode("utf-8-sig")


@pytest.mark.parametrize(
    "report,month,user,said",
    [
        ("nosuch", "2026-11", "chief", "NAME: 統計「nosuch」はありません"),
        ("monthly", "2027-01", "chief", "--month: 対象月（2027年1月）はまだ来ていません"),
        ("monthly", "2026-13", "chief", "--month: 対象月は 2026-11 のように"),
        ("monthly", "2000-01", "chief", "--month: 対象月（2000年1月）はこの事務所の記録"),
        ("monthly", "2026-11", "b_chief", "--office: その福祉事務所の統計は作成できません"),
        ("spending", "2026-11", "cw", "この統計を作成する権限がありません"),
    ],
)
def test_refusals_name_the_option_and_write_nothing(cast, tmp_path, report, month, user, said):
    populate(cast)
    out = tmp_path / "x.xlsx"
    with pytest.raises(CommandError) as refused:
        run(cast, out, report=report, month=month, user=user)
    assert said in str(refused.value)
    assert not out.exists()
    assert not ReportRun.objects.exists()


def test_an_unknown_user_or_a_wrong_suffix_is_refused(cast, tmp_path):
    with pytest.raises(CommandError, match="--as nobody"):
        run(cast, tmp_path / "x.xlsx", user="nobody")
    with pytest.raises(CommandError, match=r"--out .*\.xlsx 又は \.csv"):
        run(cast, tmp_path / "x.pdf")
