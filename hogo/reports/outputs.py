"""A finished run as the office files or keeps it: XLSX laid out like the forms (a heading block, then
each table with its row and column labels), and CSV (one line per cell). Cells below the office's
threshold print as 秘匿 with a footnote, in every output alike. No names: the tables hold counts."""

import csv
import io

from django.utils.timezone import localtime
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from hogo.common.wareki import wareki, wareki_month

from .catalogue import REPORTS
from .rules import SUPPRESSED, suppressed_rows

FOOTNOTE = "「秘匿」: 世帯数・人数が{n}未満の欄は、個人の特定を防ぐため表示しません（事務所の設定）。"


def shown_tables(run) -> list[dict]:
    """The run's tables with their rows as shown (suppressed cells replaced). A table of one row and many
    columns is `transposed` on screen (a column per label would not fit a tablet); the files keep the
    form's layout."""
    return [
        {**t, "shown": suppressed_rows(t, run.threshold), "transposed": len(t["rows"]) == 1 and len(t["columns"]) > 5}
        for t in (run.result or {}).get("tables", [])
    ]


def heading(run) -> list[tuple[str, str]]:
    report = REPORTS[run.report]
    return [
        ("統計", report.title),
        ("根拠", report.source),
        ("福祉事務所", run.office.name),
        ("対象月", wareki_month(run.month)),
        ("基準日", wareki(run.reference_date)),
        ("範囲", run.get_scope_display()),
        (
            "集計日時",
            f"{wareki(localtime(run.finished_at).date())} {localtime(run.finished_at):%H:%M}"
            if run.finished_at
            else "",
        ),
    ]


def has_suppressed(run) -> bool:
    return any(SUPPRESSED in values for t in shown_tables(run) for _label, values in t["shown"])


def xlsx(run) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = REPORTS[run.report].title[:31].replace("（", "(").replace("）", ")")
    bold, thin = Font(bold=True), Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="EEEEEE")
    row = 1
    sheet.cell(row, 1, REPORTS[run.report].title).font = Font(bold=True, size=14)
    row += 2
    for label, value in heading(run):
        sheet.cell(row, 1, label).font = bold
        sheet.cell(row, 2, value)
        row += 1
    width = 2
    for table in shown_tables(run):
        row += 1
        sheet.cell(row, 1, table["title"]).font = bold
        row += 1
        corner = sheet.cell(row, 1, "区分")
        corner.font, corner.border, corner.fill = bold, box, header_fill
        for j, column in enumerate(table["columns"], start=2):
            cell = sheet.cell(row, j, column)
            cell.font, cell.border, cell.fill = bold, box, header_fill
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        width = max(width, len(table["columns"]) + 1)
        for label, values in table["shown"]:
            row += 1
            sheet.cell(row, 1, label).border = box
            for j, value in enumerate(values, start=2):
                cell = sheet.cell(row, j, value if value is not None else "—")
                cell.border = box
                cell.alignment = Alignment(horizontal="right")
                if isinstance(value, int) and not table.get("counts", True):
                    cell.number_format = "#,##0"
        if table.get("note"):
            row += 1
            sheet.cell(row, 1, table["note"])
    if has_suppressed(run):
        row += 2
        sheet.cell(row, 1, FOOTNOTE.format(n=run.threshold))
    sheet.column_dimensions["A"].width = 30
    for j in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(j)].width = 14
    checks = book.create_sheet("検算と版")
    checks.append(["検算", "結果"])
    for check in (run.result or {}).get("checks", []):
        checks.append([check["label"], "一致" if check["ok"] else "不一致"])
    checks.append([])
    checks.append(["集計に使った記録の版", ""])
    for key, value in (run.data_version or {}).items():
        checks.append([key, str(value)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_text(run) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for label, value in heading(run):
        writer.writerow(["#", label, value])
    writer.writerow(["表", "区分", "項目", "値"])
    for table in shown_tables(run):
        for label, values in table["shown"]:
            for column, value in zip(table["columns"], values, strict=False):
                writer.writerow([table["title"], label, column, "—" if value is None else value])
    if has_suppressed(run):
        writer.writerow(["#", "注", FOOTNOTE.format(n=run.threshold)])
    return out.getvalue()


def csv_bytes(run) -> bytes:
    return ("\ufeff" + csv_text(run)).encode("utf-8")  # with a BOM: Excel opens it as UTF-8
