"""`hogo linkage import SOURCE FILE --office CODE [--dry-run]`: the operator's path. It prints the run's
figures; --dry-run saves nothing; a refused file is a CommandError naming the rows and columns."""

import pytest
from django.core.management import CommandError, call_command

from hogo.decisions.models import Decision
from hogo.linkage.models import LinkageRun

from .helpers import PENSION_HEADER, csv_bytes, pension_line, pensioner


def run_command(*args):
    from io import StringIO

    out = StringIO()
    call_command("linkage", "import", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_the_file_and_prints_the_figures(cast, tmp_path):
    head = pensioner(cast.households["own"], cast.users["cw"])
    path = tmp_path / "pension.csv"
    path.write_bytes(csv_bytes(PENSION_HEADER, pension_line(head, annual=780_000)))

    out = run_command("pension", str(path), "--office", cast.office_a.municipality_code)

    run = LinkageRun.objects.get()
    assert run.uploaded_by is None and run.drafted == 1
    assert "変更決定を起案した世帯: 1" in out and f"取込: {run.public_id}" in out
    assert Decision.objects.get(kind="change").drafted_by == cast.users["cw"]


def test_a_dry_run_prints_the_figures_and_saves_nothing(cast, tmp_path):
    head = pensioner(cast.households["own"], cast.users["cw"])
    path = tmp_path / "pension.csv"
    path.write_bytes(csv_bytes(PENSION_HEADER, pension_line(head, annual=780_000)))

    out = run_command("pension", str(path), "--office", cast.office_a.municipality_code, "--dry-run")

    assert "確認だけ行いました" in out and "変更決定を起案した世帯: 1" in out
    assert not LinkageRun.objects.exists() and not Decision.objects.filter(kind="change").exists()


def test_a_refused_file_is_an_error_naming_the_row_and_column(cast, tmp_path):
    head = pensioner(cast.households["own"], cast.users["cw"])
    path = tmp_path / "pension.csv"
    path.write_bytes(csv_bytes(PENSION_HEADER, pension_line(head, annual=780_000).replace("780000", "78万")))

    with pytest.raises(CommandError) as refused:
        run_command("pension", str(path), "--office", cast.office_a.municipality_code)

    assert "2行目・年額" in str(refused.value)
    assert not LinkageRun.objects.exists()


def test_an_unknown_office_code_is_an_error(cast, tmp_path):
    path = tmp_path / "pension.csv"
    path.write_bytes(b"x")
    with pytest.raises(CommandError, match="--office 000000"):
        run_command("pension", str(path), "--office", "000000")
