"""A payee typed as markup (`<b>&家主`) prints as those characters in the 代理納付 一覧 and goes into the
CSV as typed; the list shows the payee's account, each household's item and amount, and the totals."""

import csv
import io

from hogo.payments.documents import proxy_csv, render_proxy_list
from hogo.payments.models import Payee

from .test_documents_counter_list_shows_each_counter_household_and_the_total import LANDLORD, mixed_run, pdf_text


def test_a_payee_typed_as_markup_prints_literally_with_its_account_and_rows(cast, tmp_path):
    run = mixed_run(cast)
    proxy = run.payments.get(payee=Payee.PROXY)
    text = pdf_text(render_proxy_list(run), tmp_path)
    assert f"納付先 {LANDLORD}" in text
    assert "7654321" in text and "ﾔﾇｼ" in text
    row = next(line for line in text.splitlines() if line.startswith(cast.households["own"].case_number))
    assert "介護保険料" in row and f"{proxy.amount:,}" in row
    assert f"小計 1件 {proxy.amount:,}" in text
    assert f"総計 納付先 1件・1件 {proxy.amount:,}" in text


def test_the_csv_has_a_bom_crlf_and_the_payee_as_typed(cast):
    run = mixed_run(cast)
    data = proxy_csv(run)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2 and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "納付先"
    assert rows[1][0] == LANDLORD
    assert rows[1][6:] == [cast.households["own"].case_number, "介護保険料", "202612", "3000"]
