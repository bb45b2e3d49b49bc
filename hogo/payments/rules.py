"""What a payment run pays a household: pure functions, no Django import (decision 0032).

- Cash items only: 生活扶助・住宅扶助・教育扶助・生業扶助 (法第31条〜第33条・第36条 金銭給付), December's
  期末一時扶助 and routine 移送費. 医療扶助 and 介護扶助 are given in kind (法第34条・第34条の2 現物給付:
  医療券・介護券), so no run pays them.
- For each month a run looks at, a household is paid what the ledger owes for the month less what runs
  have already paid for it, item by item; a positive difference for an earlier month is a retroactive
  payment (追給). A negative one is not taken back here: it is listed for the caseworker as a 法第63条
  candidate (over-payment is decided, not deducted).
- 代理納付 (法第37条の2): a payee takes its monthly amount, at most the item it is paid from, out of the
  household's current-month line (rent from 住宅扶助; 介護保険料 from 生活扶助, where its 加算 sits).
- 法第78条の2: a debt the recipient asked in writing to have taken from the benefit is deducted from the
  household's own payment, at most the office's monthly limit less what was taken this month already,
  and always less than the payment: the article lets 「保護金品の一部」 (a part) go to the debt, so at least
  1 yen of the payment is still paid.
- A payee is paid at most its monthly amount in a month, across the month's runs: an extra run pays it
  only what earlier runs of the month have not.
"""

from dataclasses import dataclass, field
from datetime import date

from hogo.decisions import ledger

CASH = ("living", "housing", "education", "occupational")
ONE_TIME = ledger.ONE_TIME
TRANSPORT = "transport"
OFFSET = "offset"
REPAY = "repay"
PROXY_SOURCE = {"housing": "housing", "care_premium": "living"}  # 代理納付 item → the item it is paid from
NOT_OWED = (OFFSET, REPAY)  # lines that are not part of what the ledger owes


@dataclass(frozen=True)
class Line:
    month: date
    item: str
    amount: int
    source: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Proxy:
    key: object  # the caller's id of the payee
    item: str  # a key of PROXY_SOURCE
    monthly_amount: int


@dataclass(frozen=True)
class Debt:
    key: object  # the caller's id of the receivable
    balance: int


@dataclass
class Due:
    own: list[Line] = field(default_factory=list)
    proxies: dict = field(default_factory=dict)  # proxy key → [Line]
    overpaid: list[Line] = field(default_factory=list)

    @property
    def own_total(self) -> int:
        return sum(line.amount for line in self.own)


def owed_cash(decisions: list[ledger.Approved], month: date, transport: int = 0) -> tuple[dict[str, int], list[int]]:
    """The cash items the ledger owes for `month`, and the decisions that govern it."""
    owed = ledger.owed_for(decisions, month)
    items = {item: owed.owed[item] for item in CASH if owed.owed[item]}
    items.update({item: amount for item, amount in owed.one_time.items() if amount})
    if transport:
        items[TRANSPORT] = transport
    return items, owed.governing


def differences(owed: dict[str, int], paid: dict[str, int], month: date, governing: list[int]) -> tuple[list, list]:
    """(lines to pay, lines over-paid) of one month: owed less paid, item by item."""
    to_pay, overpaid = [], []
    for item in sorted(set(owed) | set(paid), key=_item_order):
        diff = owed.get(item, 0) - paid.get(item, 0)
        if diff > 0:
            to_pay.append(Line(month, item, diff, {"decisions": governing}))
        elif diff < 0:
            overpaid.append(Line(month, item, -diff, {"decisions": governing}))
    return to_pay, overpaid


def split_proxies(
    lines: list[Line], proxies: list[Proxy], month: date, already: dict | None = None
) -> tuple[list[Line], dict]:
    """Take each payee's monthly amount (less what `already` says earlier runs of the month paid it, by
    proxy item) out of the current month's line of the item it is paid from."""
    own = list(lines)
    taken = {}
    already = already or {}
    for proxy in proxies:
        source = PROXY_SOURCE[proxy.item]
        for i, line in enumerate(own):
            if line.month == month and line.item == source and line.amount > 0:
                amount = min(proxy.monthly_amount - already.get(proxy.item, 0), line.amount)
                if amount <= 0:
                    break
                taken.setdefault(proxy.key, []).append(
                    Line(month, source, amount, {**line.source, "proxy": proxy.item})
                )
                own[i] = Line(line.month, line.item, line.amount - amount, line.source)
                break
    return [line for line in own if line.amount > 0], taken


def offsets(net: int, debts: list[Debt], limit_left: int) -> list[tuple[object, int]]:
    """法第78条の2: (debt key, amount) deducted from a payment of `net` yen, oldest debt first."""
    out, room = [], min(net - 1, max(limit_left, 0))
    for debt in debts:
        if room <= 0:
            break
        amount = min(debt.balance, room)
        if amount > 0:
            out.append((debt.key, amount))
            room -= amount
    return out


def due(
    decisions: list[ledger.Approved],
    months: list[date],
    month: date,
    paid: dict[tuple[date, str], int],
    transport: dict[date, int] | None = None,
    proxies: list[Proxy] = (),
    proxies_paid: dict | None = None,
) -> Due:
    """What a household is due in a run for `month` that looks at `months` (the run month last)."""
    transport = transport or {}
    result = Due()
    lines = []
    for m in months:
        owed, governing = owed_cash(decisions, m, transport.get(m, 0))
        already = {item: amount for (pm, item), amount in paid.items() if pm == m}
        to_pay, overpaid = differences(owed, already, m, governing)
        lines += to_pay
        result.overpaid += overpaid
    result.own, result.proxies = split_proxies(lines, list(proxies), month, proxies_paid)
    return result


_ORDER = {item: i for i, item in enumerate((*CASH, *ONE_TIME, TRANSPORT, OFFSET, REPAY))}


def _item_order(item: str) -> int:
    return _ORDER.get(item, len(_ORDER))
