"""Who a row is about: matched to a member of the office by 宛名番号, else by kana name and birth date.
Never guessed: two candidates, none, a closed case or a member who has left are exceptions for a
caseworker. A row whose person is a member of another office's open case refuses the whole file
(the file was cut for the wrong office). Two queries for the office, two more for the others.
"""

from dataclasses import dataclass, field
from datetime import date

from hogo.common.kana import search_key
from hogo.households import lifecycle
from hogo.households.models import Member

from .layouts import BIRTH, MOVE_IN, FileRefused, Refusal, Row

OPEN = (lifecycle.ACTIVE, lifecycle.SUSPENDED)  # under assistance: the cases data may change

AMBIGUOUS = "候補の世帯員が複数いるため決められません"
NOT_FOUND = "該当する世帯員がいません"
CLOSED = "廃止・却下などで保護を受けていない世帯の世帯員です"
LEFT = "既に世帯を離れた世帯員です"
OTHER_OFFICE = "他の福祉事務所の世帯員です。この事務所のファイルではありません。"


@dataclass(frozen=True)
class Person:
    member_id: int
    household_id: int
    status: str
    left_on: date | None


@dataclass
class Match:
    member_id: int | None = None
    household_id: int | None = None
    candidates: list[int] = field(default_factory=list)
    problem: str = ""


class People:
    """The office's members, indexed the two ways a row may name them."""

    FIELDS = ("id", "household_id", "household__status", "left_on", "resident_number", "search_kana", "birth_date")

    def __init__(self, office_id: int):
        self.by_number: dict[str, list[Person]] = {}
        self.by_kana: dict[tuple, list[Person]] = {}
        rows = Member.objects.filter(household__office_id=office_id).values_list(*self.FIELDS)
        for pk, household_id, status, left_on, number, kana, birth in rows.iterator(chunk_size=5000):
            person = Person(pk, household_id, status, left_on)
            if number:
                self.by_number.setdefault(number, []).append(person)
            self.by_kana.setdefault((kana, birth), []).append(person)

    def named_by(self, row: Row) -> list[Person]:
        number = row.values.get("resident_number")
        if number and number in self.by_number:
            return self.by_number[number]
        return self.by_kana.get((search_key(row.values["kana"]), row.values["birth_date"]), [])


def _pick(people: list[Person], on: date | None) -> Match:
    open_ = [p for p in people if p.status in OPEN]
    present = [p for p in open_ if p.left_on is None or on is None or p.left_on >= on]
    if len(present) == 1:
        return Match(present[0].member_id, present[0].household_id)
    if len(present) > 1:
        return Match(candidates=[p.member_id for p in present], problem=AMBIGUOUS)
    if open_:
        return Match(candidates=[p.member_id for p in open_], problem=LEFT)
    if people:
        return Match(candidates=[p.member_id for p in people], problem=CLOSED)
    return Match(problem=NOT_FOUND)


def _household_of(people: People, number: str) -> Match:
    """A birth or a move into a household: the household of the 世帯主's 宛名番号."""
    households = {p.household_id for p in people.by_number.get(number, []) if p.status in OPEN}
    if len(households) == 1:
        return Match(household_id=households.pop())
    if households:
        return Match(problem="世帯主の宛名番号に当たる世帯が複数あります")
    return Match(problem="世帯主の宛名番号に当たる保護中の世帯がありません")


def _elsewhere(office_id: int, rows: list[Row]) -> set[int]:
    """The lines of `rows` whose person is a member of another office's open case."""
    numbers = {r.values["resident_number"]: r.line for r in rows if r.values.get("resident_number")}
    kana = {(search_key(r.values["kana"]), r.values["birth_date"]): r.line for r in rows}
    others = Member.objects.exclude(household__office_id=office_id).filter(household__status__in=OPEN)
    lines = set()
    for chunk in _chunks(list(numbers)):
        for number in others.filter(resident_number__in=chunk).values_list("resident_number", flat=True):
            lines.add(numbers[number])
    for chunk in _chunks(sorted({k for k, _ in kana})):
        for pair in others.filter(search_kana__in=chunk).values_list("search_kana", "birth_date"):
            if pair in kana:
                lines.add(kana[pair])
    return lines


def _chunks(values: list, size: int = 900):
    """Lists short enough for one IN (SQLite's limit on query parameters)."""
    return [values[i : i + size] for i in range(0, len(values), size)]


PERSON_KEYS = ("resident_number", "name", "kana", "birth_date")
REPEATED = "同じ人の同じ項目が前の行にあります"


def _repeats(rows: list[Row], matches: dict[int, Match], fact_keys: tuple) -> None:
    """Two rows of one member and fact that the file named differently (by 宛名番号 and by kana):
    refused when their values differ, as layouts refuses them when named alike; a later row with the
    same values is left to the caseworker, so no fact is recorded twice."""
    first: dict[tuple, Row] = {}
    refusal = Refusal()
    for row in rows:
        member_id = matches[row.line].member_id
        if member_id is None:
            continue
        seen = first.setdefault((member_id, *(row.values.get(k) for k in fact_keys)), row)
        if seen is row:
            continue
        facts = [{k: v for k, v in r.values.items() if k not in PERSON_KEYS} for r in (seen, row)]
        if facts[0] != facts[1]:
            refusal.add(row.line, None, f"{seen.line}行目と同じ人の同じ項目で、値が違います。")
        else:
            matches[row.line] = Match(candidates=[member_id], problem=f"{seen.line}行目と{REPEATED}")
    if refusal:
        raise FileRefused(refusal)


def match_rows(office_id: int, rows: list[Row], on_of, fact_keys: tuple = ()) -> dict[int, Match]:
    """Each row's match by line. `on_of(row)` is the day the row's data takes effect (a member who
    left before it is not a match). Raises FileRefused when any row is another office's member, or
    when two rows say different values of the same fact of one member (`fact_keys`: layouts)."""
    people = People(office_id)
    matches: dict[int, Match] = {}
    for row in rows:
        if row.values.get("event") in (BIRTH, MOVE_IN):
            matches[row.line] = _household_of(people, row.values["head_number"])
            continue
        match = _pick(people.named_by(row), on_of(row))
        if match.member_id is not None:
            match.household_id = next(p.household_id for p in people.named_by(row) if p.member_id == match.member_id)
        matches[row.line] = match
    unknown = [r for r in rows if matches[r.line].problem == NOT_FOUND]
    if unknown:
        refusal = Refusal()
        for line in sorted(_elsewhere(office_id, unknown)):
            refusal.add(line, "宛名番号・氏名カナ・生年月日", OTHER_OFFICE)
        if refusal:
            raise FileRefused(refusal)
    _repeats(rows, matches, fact_keys)
    return matches
