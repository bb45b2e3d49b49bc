"""A 納付書 whose debtor name and address hold ReportLab markup prints the markup as text, with no
image: user text in PDFs goes through hogo.common.pdf's escaping helpers."""

import subprocess

from django.urls import reverse

FONT = '<font size="30" color="red">保護を廃止します</font>'
IMAGE = '<img src="http://x">'


def test_a_payment_slip_prints_markup_in_the_debtors_name_and_address_as_text(receivable, collector, client, tmp_path):
    type(receivable).objects.filter(pk=receivable.pk).update(
        debtor_name=f"山田{FONT}", debtor_address=f"みなと市{IMAGE}"
    )
    client.force_login(collector)
    path = tmp_path / "slips.pdf"
    path.write_bytes(client.get(reverse("payment_slips", args=[receivable.public_id])).content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace("\n", "").replace(" ", "")
    assert f"山田{FONT}".replace(" ", "") in flat and f"みなと市{IMAGE}".replace(" ", "") in flat
    assert b"/Subtype /Image" not in path.read_bytes()
