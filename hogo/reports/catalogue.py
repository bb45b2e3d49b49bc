"""The reports Hogo produces: their names (for URLs and the CLI), titles and who may run them.
No Django import: the model's choices, the forms and the CLI all read this one list."""

from dataclasses import dataclass

CHIEF, CLERK, SUPERVISOR, CASEWORKER = "chief", "clerk", "supervisor", "caseworker"
OFFICE_WIDE = (CHIEF, CLERK)


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    source: str  # the form or rule it follows
    roles: tuple[str, ...]  # who may run it (office-wide roles for the office, SV for the team, CW own)
    heavy: bool = True  # runs in the background


REPORTS = {
    r.key: r
    for r in (
        Report("monthly", "被保護者調査（月次調査）", "厚生労働省 被保護者調査 月次調査", (*OFFICE_WIDE, SUPERVISOR)),
        Report(
            "annual", "被保護者調査（年次調査・7月末）", "厚生労働省 被保護者調査 年次調査", (*OFFICE_WIDE, SUPERVISOR)
        ),
        Report("welfare", "福祉行政報告例（生活保護）", "厚生労働省 福祉行政報告例", (*OFFICE_WIDE, SUPERVISOR)),
        Report("compliance", "14日以内の決定", "生活保護法第24条第5項", (*OFFICE_WIDE, SUPERVISOR, CASEWORKER)),
        Report("caseload", "担当世帯数と標準数", "社会福祉法第16条", (*OFFICE_WIDE, SUPERVISOR, CASEWORKER)),
        Report(
            "followups", "期限切れの確認事項", "Hogo の確認事項（followups）", (*OFFICE_WIDE, SUPERVISOR, CASEWORKER)
        ),
        Report("spending", "扶助別・月別の保護費", "決定の台帳（hogo.decisions.ledger）", OFFICE_WIDE),
        Report("receivables", "債権と収納率", "法第63条・第78条の債権", OFFICE_WIDE),
    )
}
