"""Shared steps for the notice tests: an approved decision on dates the test chooses, and the text
and fonts of its notice as poppler reads them."""

import shutil
import subprocess
from datetime import date

from hogo.approvals import services as approvals
from hogo.decisions import services
from hogo.decisions.models import ItemStatus
from hogo.decisions.notices import render_notice

DECEMBER = date(2026, 12, 1)


def complete_checklist(cw, application):
    for item in application.checklist.all():
        if item.code == "support_inquiry":
            services.update_checklist_item(
                cw, item, status=ItemStatus.NOT_NEEDED, done_on=None, note="音信不通", exemption="no_contact"
            )
        else:
            services.update_checklist_item(cw, item, status=ItemStatus.DONE, done_on=application.received_on, note="")


def approve(cast, decision):
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    decision.refresh_from_db()
    return decision


def approved_start(cast, applying, *, as_of=DECEMBER, effective_from=DECEMBER, **typed):
    """The applying household's start decision from a need test on `as_of`, approved by SV and chief."""
    household, application = applying
    cw = cast.users["cw"]
    complete_checklist(cw, application)
    test = services.run_need_test(cw, household, as_of=as_of, application=application)
    fields = {"reasons": "最低生活費に対し収入が不足するため。", **typed}
    decision = services.draft_decision(
        cw, household, kind="start", effective_from=effective_from, application=application, need_test=test, **fields
    )
    return household, test, approve(cast, decision)


def approved_change(cast, household, *, as_of, effective_from, reasons="家賃が変わったため。"):
    cw = cast.users["cw"]
    test = services.run_need_test(cw, household, as_of=as_of)
    decision = services.draft_decision(
        cw, household, kind="change", effective_from=effective_from, need_test=test, reasons=reasons
    )
    return test, approve(cast, decision)


def notice_file(decision, tmp_path, name="notice.pdf"):
    path = tmp_path / name
    path.write_bytes(render_notice(decision))
    return path


def poppler(tool: str, *args) -> str:
    assert shutil.which(tool), f"{tool} is needed (Debian poppler-utils; .ci/run installs it)"
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True).stdout


def notice_text(decision, tmp_path) -> str:
    """The notice's running text (lines joined: words wrap inside table cells)."""
    return poppler("pdftotext", notice_file(decision, tmp_path), "-").replace("\n", "")


def notice_rows(decision, tmp_path) -> list[str]:
    """The notice's lines as laid out (pdftotext -layout), runs of spaces made one: a table row reads
    as its cells in order."""
    text = poppler("pdftotext", "-layout", notice_file(decision, tmp_path, "layout.pdf"), "-")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
