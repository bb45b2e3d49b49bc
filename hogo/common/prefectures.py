"""The 47 prefectures (都道府県), in the order of the national local government codes (JIS X 0401,
01 北海道 … 47 沖縄県). A prefecture is chosen, never typed: it selects the 住宅扶助 limit and the
冬季加算 region from the 告示's tables, which are keyed by these exact names."""

PREFECTURE_NAMES = (
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
)

# Choices for a form or model field: the name is both the stored value and the label.
PREFECTURES = [(name, name) for name in PREFECTURE_NAMES]


def prefecture_named(text: str) -> str | None:
    """The prefecture a name means, with or without its 都・道・府・県 (「東京」→「東京都」); None if none."""
    text = (text or "").strip().replace(" ", "").replace("\u3000", "")
    if text in PREFECTURE_NAMES:
        return text
    matches = [name for name in PREFECTURE_NAMES if name[:-1] == text]
    return matches[0] if len(matches) == 1 else None
