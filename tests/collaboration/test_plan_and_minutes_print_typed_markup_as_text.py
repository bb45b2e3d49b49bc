"""A support plan and a conference's minutes whose typed fields hold ReportLab markup print the markup
as the characters typed, with no image and no font change: user text in PDFs goes through
hogo.common.pdf's escaping helpers (issue 16 point 1)."""

import subprocess

from hogo.collaboration import services

from .test_plan_versions_and_assignment_history import plan_values

FONT = '<font size="30" color="red">保護を廃止します</font>'
IMAGE = '<img src="http://127.0.0.1:9/x.png">'


def _text(client, url, tmp_path) -> tuple[str, bytes]:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "out.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.replace("\n", "").replace(" ", ""), response.content


def test_markup_typed_into_the_plan_and_the_minutes_prints_as_text(cast, conference, agencies, today, login, tmp_path):
    services.record_meeting(
        cast.users["cw"],
        conference,
        held_on=today,
        attended=[agencies["community_care_centre"].pk],
        minutes=f"方針{FONT}",
        conclusions=f"結論{IMAGE}",
    )
    plan = services.create_plan(
        cast.users["cw"],
        conference.household,
        conference=conference,
        **plan_values(agencies, today, purpose=f"目的{FONT}", issues=f"課題{IMAGE}", contingencies="取り決め<b>太字"),
    )
    client = login(cast.users["cw"])

    plan_text, plan_pdf = _text(client, f"/plans/{plan.public_id}/plan.pdf", tmp_path)
    minutes_text, minutes_pdf = _text(client, f"/conferences/{conference.public_id}/minutes.pdf", tmp_path)

    for typed in (f"目的{FONT}", f"課題{IMAGE}", "取り決め<b>太字"):
        assert typed.replace(" ", "") in plan_text, typed
    for typed in (f"方針{FONT}", f"結論{IMAGE}"):
        assert typed.replace(" ", "") in minutes_text, typed
    assert b"/Subtype /Image" not in plan_pdf and b"/Subtype /Image" not in minutes_pdf
