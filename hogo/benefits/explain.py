"""The explanation as Japanese text a caseworker can check by hand."""

from hogo.common.wareki import seireki, wareki

from .engine import Calculation


def explain_text(calc: Calculation) -> str:
    out = [f"保護費の計算（{wareki(calc.as_of)}（{seireki(calc.as_of)}）現在、基準 {calc.standards_version} 版）", ""]
    for line in calc.lines:
        who = f"［{line.member}］" if line.member else ""
        mark = "" if line.verified else "　※未確認"
        out.append(
            f"{line.label}{who}: {line.amount:,}円{mark}"
            if line.code != "need"
            else f"{line.label}: {'要保護' if line.amount else '否'}"
        )
        out.append(f"    計算: {line.working}")
        out.append(f"    根拠: {line.source}")
    out += [
        "",
        f"最低生活費 {calc.minimum_cost_of_living:,}円 / 収入充当額 {calc.recognized_income:,}円 / "
        f"扶助額 {calc.benefit:,}円（{'要保護' if calc.need else '否'}）",
    ]
    if calc.unconfirmed:
        out += ["", "未確認の値・規則（職員が確認してください）:"]
        out += [f"  - {item}" for item in calc.unconfirmed]
    out += ["", "この計算は参考です。決定は福祉事務所が行います。"]
    return "\n".join(out)
