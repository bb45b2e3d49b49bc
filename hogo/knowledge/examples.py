"""Case examples (処遇検討事例) and know-how: written, checked for identifying details, published,
searched with the law, and shared between offices as a file."""

import hashlib
import json
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from hogo.common.refusals import ErrorList
from hogo.common.search_terms import index_terms
from hogo.households.models import Household, Member
from hogo.offices.acting import office_for
from hogo.offices.models import Office, Role
from hogo.offices.queries import standing_of

from .egov import Passage as Parsed
from .importer import passage_terms
from .models import CHARACTERISTICS, WORK_AREAS, CaseExample, KnowHow, Passage, Source

PHONE = re.compile(r"0\d{1,4}[-－ー（(]?\d{1,4}[-－ー）)]?\d{3,4}")
POSTAL = re.compile(r"〒?\s?\d{3}[-－]\d{4}")
ADDRESS = re.compile(
    r"[一-龥ぁ-んァ-ヶ]{1,6}[市区町村][一-龥ぁ-んァ-ヶ]{0,8}\d+丁目|\d+番地?\d*号?|\d+[-－]\d+[-－]\d+"
)
FIELDS = ("title", "situation", "handling", "outcome", "lessons")
TITLE_MAX = CaseExample._meta.get_field("title").max_length
# An exported file nests four deep (file > examples > example > characteristics); a file nested
# deeper than this is refused before it is parsed (decision 0023).
MAX_JSON_DEPTH = 20
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _nesting_within(text: str, limit: int) -> bool:
    """Whether the JSON text nests arrays and objects at most `limit` deep (strings are skipped),
    read without parsing it — the parser itself would recurse once per level."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        bracket = token.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > limit:
                return False
        elif bracket in ("]", "}"):
            depth -= 1
    return True


EXPORT_VERSION = 1


def identifying_details(text: str, office) -> list[str]:
    """What in `text` could identify a person: names of the office's recipients, case numbers,
    addresses, phone numbers and postal codes."""
    found = []
    names = set()
    for name in Member.objects.filter(household__office=office).values_list("name", flat=True):
        names.add(name)
        names.update(part for part in name.split() if len(part) >= 2)
    found += [f"氏名「{n}」" for n in sorted(names, key=len, reverse=True) if n in text]
    numbers = set(Household.objects.filter(office=office).values_list("case_number", flat=True))
    found += [f"ケース番号「{n}」" for n in sorted(numbers) if len(n) >= 4 and n in text]
    found += [f"電話番号「{m}」" for m in PHONE.findall(text)]
    found += [f"郵便番号「{m}」" for m in POSTAL.findall(text)]
    found += [f"住所「{m}」" for m in ADDRESS.findall(text)]
    return list(dict.fromkeys(found))


def _fingerprint(values: dict) -> str:
    return hashlib.sha256(json.dumps([values.get(f, "") for f in FIELDS], ensure_ascii=False).encode()).hexdigest()


def _clean(values: dict) -> dict:
    errors = {f: "文字で入力してください。" for f in FIELDS if not isinstance(values.get(f) or "", str)}
    cleaned = {f: ("" if f in errors else (values.get(f) or "").strip()) for f in FIELDS}
    if len(cleaned["title"]) > TITLE_MAX:
        errors["title"] = f"表題は{TITLE_MAX}文字までです。"
    for field, label in (("title", "表題"), ("situation", "事例の概要"), ("handling", "対応")):
        if not cleaned[field] and field not in errors:
            errors[field] = f"{label}を入力してください。"
    if not isinstance(values.get("work_area"), str) or values["work_area"] not in dict(WORK_AREAS):
        errors["work_area"] = "業務の分野は一覧から選んでください。"
    characteristics = values.get("characteristics") or []
    if not isinstance(characteristics, list | tuple):
        characteristics = [characteristics]
    unknown = [str(c)[:30] for c in characteristics if not isinstance(c, str) or c not in dict(CHARACTERISTICS)]
    if unknown:
        errors["characteristics"] = f"本人の特性「{'」「'.join(unknown)}」は一覧にありません。"
    if errors:
        raise ValidationError(errors)
    return {**cleaned, "work_area": values["work_area"], "characteristics": list(characteristics)}


def _office_of(actor, office: Office | None, *roles) -> Office:
    """The office the work is for (the view passes the acting office), checked against the actor's roles."""
    return office_for(actor, office, roles, denied="この操作をする権限がありません。")


@transaction.atomic
def write_example(actor, values: dict, office: Office | None = None) -> CaseExample:
    office = _office_of(actor, office, Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF)
    cleaned = _clean(values)
    return CaseExample.objects.create(office=office, author=actor, fingerprint=_fingerprint(cleaned), **cleaned)


@transaction.atomic
def publish_example(actor, example: CaseExample) -> CaseExample:
    """Supervisors and chiefs publish; anything that could identify a person refuses it."""
    if example.office_id not in standing_of(actor).offices_with(Role.SUPERVISOR, Role.CHIEF):
        raise PermissionDenied("事例を公開できるのは査察指導員と課長です。")
    findings = identifying_details(example.text(), example.office)
    if findings:
        raise ValidationError("個人を特定できる記載が残っているため公開できません: " + "、".join(findings))
    example.published_by, example.published_at = actor, timezone.now()
    example.save(update_fields=["published_by", "published_at"])
    rebuild_office_sources(example.office)
    return example


@transaction.atomic
def write_know_how(actor, *, question: str, answer: str, office: Office | None = None) -> KnowHow:
    office = _office_of(actor, office, Role.CASEWORKER, Role.SUPERVISOR, Role.CHIEF, Role.CLERK)
    errors = {}
    if not (question or "").strip():
        errors["question"] = "問いを入力してください。"
    if not (answer or "").strip():
        errors["answer"] = "答えを入力してください。"
    if errors:
        raise ValidationError(errors)
    entry = KnowHow.objects.create(office=office, question=question.strip(), answer=answer.strip(), author=actor)
    rebuild_office_sources(entry.office)
    return entry


def require_reviewer(actor, entry: KnowHow) -> None:
    if entry.office_id not in standing_of(actor).offices_with(Role.SUPERVISOR, Role.CHIEF):
        raise PermissionDenied("ノウハウを確認できるのは査察指導員と課長です。")


@transaction.atomic
def review_know_how(actor, entry: KnowHow) -> KnowHow:
    require_reviewer(actor, entry)
    entry.reviewed_by, entry.reviewed_at = actor, timezone.now()
    entry.save(update_fields=["reviewed_by", "reviewed_at"])
    return entry


def rebuild_office_sources(office) -> None:
    """Published examples and know-how become the office's own sources in the search index."""
    entries = {
        f"office-{office.pk}-examples": (
            "処遇検討事例",
            [
                Parsed(
                    "",
                    None,
                    e.title,
                    f"処遇検討事例「{e.title}」",
                    f"{e.situation}\n対応: {e.handling}\n結果: {e.outcome}\nポイント: {e.lessons}",
                )
                for e in CaseExample.objects.filter(office=office, published_at__isnull=False)
            ],
        ),
        f"office-{office.pk}-know-how": (
            "ノウハウ",
            [
                Parsed("", None, k.question, f"ノウハウ「{k.question}」", k.answer)
                for k in KnowHow.objects.filter(office=office)
            ],
        ),
    }
    for code, (title, passages) in entries.items():
        source, _ = Source.objects.update_or_create(
            code=code, defaults={"title": title, "kind": "text", "office": office, "sha256": "", "origin": office.name}
        )
        Passage.objects.filter(source=source).delete()
        Passage.objects.bulk_create(
            [
                Passage(
                    source=source,
                    order=i,
                    caption=p.caption[:200],
                    citation=p.citation[:200],
                    text=p.text,
                    terms=passage_terms(p),
                )
                for i, p in enumerate(passages)
            ]
        )
        source.save()


def export_examples(office) -> bytes:
    rows = [
        {
            "title": e.title,
            "work_area": e.work_area,
            "characteristics": e.characteristics,
            "situation": e.situation,
            "handling": e.handling,
            "outcome": e.outcome,
            "lessons": e.lessons,
        }
        for e in CaseExample.objects.filter(office=office, published_at__isnull=False).order_by("pk")
    ]
    return json.dumps(
        {"format": "hogo-case-examples", "version": EXPORT_VERSION, "from": office.name, "examples": rows},
        ensure_ascii=False,
        indent=2,
    ).encode("utf-8")


@transaction.atomic
def import_examples(actor, data: bytes, source_name: str = "", office: Office | None = None) -> dict:
    """All or nothing: every row is checked (fields, choices, identifying details) before any is
    saved; a row already present (same content) is skipped, so importing twice adds nothing."""
    office = _office_of(actor, office, Role.SUPERVISOR, Role.CHIEF)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if not _nesting_within(text, MAX_JSON_DEPTH):
        raise ValidationError(f"事例ファイルの入れ子が深すぎます（{MAX_JSON_DEPTH}段まで）。")
    try:
        payload = json.loads(text)
        rows = payload["examples"]
    except (ValueError, KeyError, TypeError, RecursionError):
        payload, rows = None, None
    if not isinstance(rows, list) or payload.get("format") != "hogo-case-examples":
        raise ValidationError("Hogo の事例ファイル（JSON）として読めません。")
    errors, cleaned = ErrorList(), []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            errors.add(f"{number}件目: 事例の項目（表題・概要・対応…）の組ではありません。")
            continue
        try:
            values = _clean(row)
        except ValidationError as exc:
            errors.add(*(f"{number}件目 {field}: {'、'.join(msgs)}" for field, msgs in exc.message_dict.items()))
            continue
        findings = identifying_details("\n".join(values[f] for f in FIELDS), office)
        if findings:
            errors.add(f"{number}件目: 個人を特定できる記載があります（{'、'.join(findings)}）")
        cleaned.append(values)
    if errors:
        raise errors.refusal()
    existing = set(CaseExample.objects.filter(office=office).values_list("fingerprint", flat=True))
    added = 0
    for values in cleaned:
        fingerprint = _fingerprint(values)
        if fingerprint in existing:
            continue
        CaseExample.objects.create(
            office=office,
            author=actor,
            fingerprint=fingerprint,
            imported_from=source_name[:120],
            published_by=actor,
            published_at=timezone.now(),
            **values,
        )
        existing.add(fingerprint)
        added += 1
    if added:
        rebuild_office_sources(office)
    return {"added": added, "skipped": len(cleaned) - added}


def filtered_examples(office, *, work_area: str = "", characteristic: str = "", query: str = ""):
    examples = CaseExample.objects.filter(office=office, published_at__isnull=False)
    if work_area:
        examples = examples.filter(work_area=work_area)
    examples = list(examples)
    if characteristic:
        examples = [e for e in examples if characteristic in e.characteristics]
    if query.strip():
        words = set(index_terms(query))
        examples = [e for e in examples if words & set(index_terms(e.text()))]
    return examples
