"""The activation letter (利用開始のお知らせ) the CW prints when issuing a portal account: the login, the one-time
code, the portal's address and a QR code of the activation page, with plain-language steps. Drawn through
hogo.common.pdf (embedded IPAex fonts; typed names escaped); dates in 和暦."""

import io

from django.conf import settings
from django.utils import timezone
from reportlab.lib.units import mm
from reportlab.platypus import Image, Spacer

from hogo.common.pdf import HEAD, RIGHT, SMALL, TITLE, build, grid, line
from hogo.common.wareki import wareki

from .models import PortalAccount


def activation_letter(account: PortalAccount, code: str) -> bytes:
    from .services import activation_url, qr_png  # noqa: PLC0415

    household = account.household
    office = household.office
    url = activation_url(account.login)
    today = timezone.localdate()
    expires = timezone.localdate(account.code_expires_at) if account.code_expires_at else None
    story = [
        line(wareki(today), RIGHT),
        line(f"{account.holder_name} 様", HEAD),
        line(office.name, RIGHT),
        Spacer(1, 4 * mm),
        line("受給者ポータル 利用開始のお知らせ", TITLE),
        line(
            "スマートフォンやパソコンから、収入の申告や書類の写真を福祉事務所へ送れるようになりました。"
            "下のログインIDと利用開始コードで、利用を始めてください。"
        ),
        Spacer(1, 4 * mm),
        grid(
            [
                ["項目", "内容"],
                ["ログインID", account.login],
                ["利用開始コード", code],
                ["コードの有効期限", wareki(expires) if expires else "—"],
                ["ポータルのアドレス", settings.HOGO_PORTAL_URL],
            ],
            [45, 115],
        ),
        Spacer(1, 4 * mm),
        Image(io.BytesIO(qr_png(url)), width=40 * mm, height=40 * mm),
        line("スマートフォンのカメラでこのQRコードを読み取ると、利用開始のページが開きます。", SMALL),
        line("始め方", HEAD),
        line("1. QRコードを読み取るか、上のアドレスを開き、「利用開始」を選びます。"),
        line("2. ログインIDと利用開始コードを入力します（ハイフン「-」は省いてもかまいません）。"),
        line("3. 自分で決めたパスワードを2回入力します。10文字以上で、ほかの人に推測されにくいものにしてください。"),
        line("4. 次からは、ログインIDとパスワードでログインします。"),
        line("ご注意", HEAD),
        line("・利用開始コードは一度だけ使えます。この通知書はほかの人に見せないでください。"),
        line("・コードの期限が過ぎたときや、この通知書をなくしたときは、担当のケースワーカーに連絡してください。"),
        line("・ポータルを使わなくても、これまでどおり紙で申告できます。", SMALL),
    ]
    return build(story, "受給者ポータル 利用開始のお知らせ")
