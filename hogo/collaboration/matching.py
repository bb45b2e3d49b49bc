"""Which agencies to invite for a household's issues, from the 表24 matrix (seed 002) and the
office's own directory. Pure functions, no Django import."""

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MATRIX_FILE = Path(__file__).with_name("agency_matrix.json")
MAIN, RELATED = "○", "△"
POINTS = {MAIN: 2, RELATED: 1}
OWN_LISTING = 2  # the office registered the agency for this issue


@lru_cache(maxsize=1)
def matrix() -> dict:
    return json.loads(MATRIX_FILE.read_text(encoding="utf-8"))


def issues() -> list[tuple[str, str]]:
    return [tuple(pair) for pair in matrix()["issues"]]


def issue_label(code: str) -> str:
    return dict(issues()).get(code, code)


def kinds() -> list[tuple[str, str]]:
    return [(row["kind"], row["label"]) for row in matrix()["agencies"]]


def marks_of(kind: str) -> dict[str, str]:
    """{issue code: ○ or △} for an agency kind (empty for kinds not in the table)."""
    row = next((r for r in matrix()["agencies"] if r["kind"] == kind), None)
    if row is None:
        return {}
    return {code: mark for (code, _), mark in zip(issues(), row["marks"], strict=False) if mark in POINTS}


@dataclass(frozen=True)
class Listed:
    id: int
    name: str
    kind: str
    extra_issues: tuple[str, ...] = ()


@dataclass
class Suggestion:
    agency: Listed
    score: int
    main: int
    reasons: list = field(default_factory=list)


def suggest(household_issues: list[str], agencies: list[Listed]) -> list[Suggestion]:
    """Agencies with at least one of the household's issues, best first: ○ counts 2, △ 1, an issue
    the office listed for the agency 2. Each suggestion says why."""
    found = []
    for agency in agencies:
        marks = marks_of(agency.kind)
        reasons, score, main = [], 0, 0
        for issue in household_issues:
            if issue in agency.extra_issues:
                reasons.append(f"{issue_label(issue)}: 事務所の登録")
                score += OWN_LISTING
                main += 1
            elif issue in marks:
                reasons.append(f"{issue_label(issue)}: {marks[issue]}（表24）")
                score += POINTS[marks[issue]]
                main += marks[issue] == MAIN
        if score:
            found.append(Suggestion(agency, score, main, reasons))
    found.sort(key=lambda s: (-s.score, -s.main, s.agency.name))
    return found
