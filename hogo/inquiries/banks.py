"""Banks and branches from `zengin-code` (the 全銀協 code list as published in the package; no hand-kept
list). Codes are 4 digits (金融機関コード) and 3 digits (店舗コード)."""

from functools import lru_cache

from zengin_code import Bank


@lru_cache(maxsize=1)
def _banks() -> dict:
    return Bank.all


def bank_name(code: str) -> str | None:
    bank = _banks().get(code)
    return bank.name if bank else None


def branch_name(bank_code: str, branch_code: str) -> str | None:
    bank = _banks().get(bank_code)
    branch = bank.branches.get(branch_code) if bank else None
    return branch.name if branch else None


def kana_of(bank_code: str, branch_code: str = "") -> str:
    """The bank's (or, with a branch code, the branch's) name in kana as the list spells it; '' if unknown."""
    bank = _banks().get(bank_code)
    if bank is None or not branch_code:
        return bank.kana if bank else ""
    branch = bank.branches.get(branch_code)
    return branch.kana if branch else ""


def check(bank_code: str, branch_code: str = "") -> str:
    """'' when the codes name a bank (and branch) of the list, else what is wrong."""
    if not (len(bank_code) == 4 and bank_code.isdigit()):
        return "金融機関コードは4桁の数字です。"
    if bank_name(bank_code) is None:
        return f"金融機関コード {bank_code} は全銀協の一覧にありません。"
    if branch_code:
        if not (len(branch_code) == 3 and branch_code.isdigit()):
            return "店舗コードは3桁の数字です（全店への照会は空欄）。"
        if branch_name(bank_code, branch_code) is None:
            return f"店舗コード {branch_code} は{bank_name(bank_code)}の店舗の一覧にありません。"
    return ""


def search(text: str, limit: int = 20) -> list[tuple[str, str]]:
    """(code, name) of banks whose name, kana or code starts with or contains `text`."""
    text = text.strip()
    if not text:
        return []
    found = [
        (code, bank.name)
        for code, bank in _banks().items()
        if text in bank.name or text in bank.kana or code.startswith(text)
    ]
    return sorted(found, key=lambda pair: (not pair[1].startswith(text), pair[0]))[:limit]


def label(bank_code: str, branch_code: str = "") -> str:
    name = bank_name(bank_code) or bank_code
    if not branch_code:
        return f"{name}（本店一括・全店照会）"
    return f"{name} {branch_name(bank_code, branch_code) or branch_code}"


def branches_of(bank_code: str) -> dict[str, str]:
    """The bank's branches, code → name (empty for an unknown bank)."""
    bank = _banks().get(bank_code)
    return {code: branch.name for code, branch in sorted(bank.branches.items())} if bank else {}
