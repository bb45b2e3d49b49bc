"""Synthetic case records for the demo: a few signed visit and phone records per household under
assistance, written from phrases caseworkers use, so the record list and search have something
to show. Nothing here is about a real person."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from hogo.common.search_terms import index_text
from hogo.households.scoping import active_assignments
from hogo.offices.models import Role, RoleAssignment

from .models import CaseRecord

PHRASES = [
    "本人は膝の痛みで整形外科に通院した",
    "月2回精神科に通院している",
    "服薬は続けていると話した",
    "体調は安定している",
    "ハローワークで求職活動をしている",
    "面接を2社受けたが不採用だった",
    "就労意欲はあるが求人が少ない",
    "室内は整頓されている",
    "台所に食器がたまっていた",
    "家賃の滞納はないと確認した",
    "電気料金の督促状が届いていた",
    "長女は中学校に毎日登校している",
    "長男の高校進学について相談を受けた",
    "不登校が続いており学校と連絡した",
    "介護保険の更新申請を案内した",
    "デイサービスの利用を始めた",
    "ケアマネジャーと今後の支援を話し合った",
    "年金額改定の通知書を確認した",
    "給与明細を受け取り収入申告書を預かった",
    "預金通帳の写しを確認した",
    "扶養義務者の長兄から仕送りはない",
    "近隣住民とのトラブルがあったと民生委員から連絡があった",
    "金銭管理が難しく社会福祉協議会の日常生活自立支援事業を紹介した",
    "アルコールの問題で保健所に相談した",
    "地域包括支援センターと同行訪問した",
    "入院中の病院でソーシャルワーカーと面談した",
    "退院後の住まいについて相談した",
    "ごみが室内に多くたまっており衛生状態を確認した",
    "本人は訪問を拒否しドア越しに話した",
    "不在のため連絡票を置いた",
    "次回は来月に訪問する予定",
    "医療要否意見書の提出を依頼した",
    "通院移送費の申請を受けた",
    "眼鏡の購入について相談を受けた",
    "冬季の暖房費が心配だと話した",
    "生活状況に大きな変化はない",
    "転居を希望していると話した",
    "保護費の使い方について助言した",
]


def text_pool(rng: random.Random, size: int) -> list[tuple[str, str]]:
    """(body, search terms) pairs; each distinct text is tokenised once."""
    pool = []
    for _ in range(size):
        body = "。".join(rng.sample(PHRASES, rng.randint(2, 5))) + "。"
        pool.append((body, index_text(body)))
    return pool


def seed_case_records(office, today, seed: int, per_household: int = 3) -> int:
    if CaseRecord.objects.filter(household__office=office).exists():
        return 0
    rng = random.Random(f"records-{seed}-{office.municipality_code}")
    pool = text_pool(rng, 200)
    users = {u.staff.pk: u for u in get_user_model().objects.filter(staff__isnull=False).select_related("staff")}
    supervisor = RoleAssignment.objects.active_on(today).filter(office=office, role=Role.SUPERVISOR).first()
    signer = users.get(supervisor.staff_id) if supervisor else None
    now = timezone.now()
    records = []
    for assignment in active_assignments(today).filter(household__office=office, household__status="active"):
        author = users[assignment.caseworker_id]
        since = (today - assignment.valid_from).days
        for _ in range(per_household):
            body, terms = pool[rng.randrange(len(pool))]
            records.append(
                CaseRecord(
                    household_id=assignment.household_id,
                    kind=rng.choice(["visit", "visit", "phone"]),
                    # while the caseworker has the household, never before it (issue 17)
                    occurred_on=today - timedelta(days=rng.randrange(5, max(6, min(400, since)))),
                    body=f"【内容】{body}\n【今後の方針】{rng.choice(PHRASES[-8:])}。",
                    author=author,
                    confirmed_at=now,
                    signed_by=signer,
                    signed_at=now if signer else None,
                    search_terms=terms,
                )
            )
    CaseRecord.objects.bulk_create(records, batch_size=2000)
    return len(records)
