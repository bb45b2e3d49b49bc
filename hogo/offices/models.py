"""Welfare offices, teams, staff and their roles.

Role and team memberships carry start and end dates and are never deleted, so the history of
who held which role is kept (a role ends by setting `valid_to`).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

GRADE_AREAS = [
    ("1-1", "1級地-1"),
    ("1-2", "1級地-2"),
    ("2-1", "2級地-1"),
    ("2-2", "2級地-2"),
    ("3-1", "3級地-1"),
    ("3-2", "3級地-2"),
]
WINTER_REGIONS = [("I", "Ⅰ区"), ("II", "Ⅱ区"), ("III", "Ⅲ区"), ("IV", "Ⅳ区"), ("V", "Ⅴ区"), ("VI", "Ⅵ区")]


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

    class Meta:
        verbose_name = verbose_name_plural = "福祉事務所"
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality_code__regex=r"^[0-9]{6}$"), name="office_municipality_code_6_digits"
            ),
        ]

    def __str__(self):
        return self.name


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

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff")
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
    ADMIN = "admin", "システム管理者"


class ActiveOnQuerySet(models.QuerySet):
    def active_on(self, day: date):
        return self.filter(Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day)))


class RoleAssignment(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="role_assignments")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="role_assignments")
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
        return f"{self.staff} {self.get_role_display()} {self.valid_from}〜{self.valid_to or ''}"


class TeamMembership(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="team_memberships")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships")
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
        return f"{self.staff} {self.team} {self.valid_from}〜{self.valid_to or ''}"
