"""Welfare offices, teams, staff and their roles.

Role and team memberships carry start and end dates and are never deleted, so the history of
who held which role is kept (a role ends by setting `valid_to`).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from hogo.common.wareki import wareki

GRADE_AREAS = [
    ("1-1", "1級地-1"),
    ("1-2", "1級地-2"),
    ("2-1", "2級地-1"),
    ("2-2", "2級地-2"),
    ("3-1", "3級地-1"),
    ("3-2", "3級地-2"),
]
WINTER_REGIONS = [("I", "Ⅰ区"), ("II", "Ⅱ区"), ("III", "Ⅲ区"), ("IV", "Ⅳ区"), ("V", "Ⅴ区"), ("VI", "Ⅵ区")]


# 都道府県コード (JIS X 0401): the first two digits of a 全国地方公共団体コード
_PREFECTURE_NAMES = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 "
    "栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 "
    "石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 "
    "滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 "
    "岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 "
    "佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県"
).split()
PREFECTURES = {f"{code:02d}": name for code, name in enumerate(_PREFECTURE_NAMES, start=1)}


class Office(models.Model):
    name = models.CharField("名称", max_length=100)
    municipality_code = models.CharField(
        "団体コード", max_length=6, unique=True, help_text="全国地方公共団体コード（6桁、検査数字を含む）"
    )
    default_grade_area = models.CharField("既定の級地", max_length=3, choices=GRADE_AREAS)
    default_winter_region = models.CharField("既定の冬季加算地区", max_length=3, choices=WINTER_REGIONS)
    latitude = models.DecimalField(
        "緯度", max_digits=9, decimal_places=6, null=True, blank=True, help_text="訪問ルートの出発点（事務所）"
    )
    longitude = models.DecimalField("経度", max_digits=9, decimal_places=6, null=True, blank=True)
    caseload_standard = models.PositiveSmallIntegerField(
        "CW1人当たりの標準世帯数",
        default=80,
        help_text="社会福祉法第16条: 市町村の福祉事務所は被保護世帯80につき1人、都道府県は65につき1人",
    )
    head_title = models.CharField(
        "実施機関の長（通知書の名義）",
        max_length=100,
        blank=True,
        help_text="例: みなと市福祉事務所長。空欄なら「名称＋長」（例: みなと市福祉事務所長）を使います。",
    )
    body_name = models.CharField(
        "設置する地方公共団体",
        max_length=50,
        blank=True,
        help_text=(
            "通知書の教示で取消訴訟の被告として示します（例: みなと市）。空欄なら名称から「福祉事務所」を除いたもの。"
        ),
    )
    prefecture = models.CharField(
        "審査請求先の都道府県",
        max_length=10,
        blank=True,
        help_text="通知書の教示で審査請求先（知事）として示します（例: 東京都）。空欄なら団体コードの上2桁から。",
    )
    notice_number_prefix = models.CharField(
        "文書番号の記号",
        max_length=20,
        default="福保",
        help_text=(
            "通知書の文書番号は「年度＋記号＋第n号」（例: 8福保第12号）。番号は年度ごとに1から振り、再使用しません。"
        ),
    )

    class Meta:
        verbose_name = verbose_name_plural = "福祉事務所"
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality_code__regex=r"^[0-9]{6}$"), name="office_municipality_code_6_digits"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def notice_head(self) -> str:
        """The head of the implementing body as a notice names it (実施機関の長)."""
        return self.head_title.strip() or f"{self.name}長"

    @property
    def notice_body(self) -> str:
        """The local government that set up the office (the defendant of a suit, 行政事件訴訟法第11条)."""
        return self.body_name.strip() or self.name.removesuffix("福祉事務所").strip()

    @property
    def notice_prefecture(self) -> str:
        """The prefecture whose governor hears a 審査請求 (生活保護法第64条); "" when unknown."""
        return self.prefecture.strip() or PREFECTURES.get(self.municipality_code[:2], "")


class Team(models.Model):
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="teams", verbose_name="福祉事務所")
    name = models.CharField("係・班", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "係・班"
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="team_name_unique_per_office")]

    def __str__(self):
        return f"{self.office.name} {self.name}"


class Staff(models.Model):
    """A person working at a welfare office; the login is Django's user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff", verbose_name="ログインID"
    )
    name = models.CharField("氏名", max_length=100)
    name_kana = models.CharField("ふりがな", max_length=100, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "職員"

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "ケースワーカー"
    SUPERVISOR = "supervisor", "査察指導員"
    CHIEF = "chief", "課長"
    CLERK = "clerk", "事務"
    COLLECTOR = "collector", "債権管理"
    MEDICAL_ADVISOR = "medical_advisor", "嘱託医"
    ADMIN = "admin", "システム管理者"


class ActiveOnQuerySet(models.QuerySet):
    def active_on(self, day: date):
        return self.filter(Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day)))


class RoleAssignment(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="role_assignments", verbose_name="職員")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="role_assignments", verbose_name="事務所")
    role = models.CharField("役割", max_length=20, choices=Role.choices)
    valid_from = models.DateField("開始日")
    valid_to = models.DateField("終了日", null=True, blank=True)

    objects = ActiveOnQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "役割の割当"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="role_assignment_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="role_assignment_known_role"),
        ]
        indexes = [models.Index(fields=["staff", "role", "valid_from"])]

    def __str__(self):
        until = wareki(self.valid_to) if self.valid_to else ""
        return f"{self.staff} {self.get_role_display()} {wareki(self.valid_from)}〜{until}"


class TeamMembership(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="team_memberships", verbose_name="職員")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships", verbose_name="係")
    valid_from = models.DateField("開始日")
    valid_to = models.DateField("終了日", null=True, blank=True)

    objects = ActiveOnQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "係・班への所属"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="team_membership_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["team", "valid_from"])]

    def __str__(self):
        until = wareki(self.valid_to) if self.valid_to else ""
        return f"{self.staff} {self.team} {wareki(self.valid_from)}〜{until}"
