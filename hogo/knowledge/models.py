"""The knowledge corpus: sources (a law, a notice, an office's own text) and their passages, the
question log with feedback, case examples and know-how."""

from django.conf import settings
from django.db import models


class Source(models.Model):
    code = models.SlugField("コード", max_length=60, unique=True)
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="事務所の事例・ノウハウ（空欄は全事務所共通の法令・通知）",
    )
    title = models.CharField("名称", max_length=200)
    kind = models.CharField("種類", max_length=20, choices=[("law", "法令"), ("notice", "通知"), ("text", "文書")])
    number = models.CharField("法令番号等", max_length=100, blank=True)
    version = models.CharField("版（時点）", max_length=100, blank=True)
    origin = models.CharField("出典", max_length=300, blank=True)
    sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "ナレッジの出典"

    def __str__(self):
        return self.title


class Passage(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="passages")
    order = models.PositiveIntegerField()
    article = models.CharField("条", max_length=20, blank=True)
    paragraph = models.PositiveSmallIntegerField("項", null=True, blank=True)
    caption = models.CharField("見出し", max_length=200, blank=True)
    citation = models.CharField("引用", max_length=200)
    text = models.TextField("本文")
    suppl = models.CharField("附則（改正法令）", max_length=200, blank=True)
    deleted = models.BooleanField("削除", default=False)
    terms = models.TextField("検索語", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "条文・節"
        ordering = ["source", "order"]
        constraints = [models.UniqueConstraint(fields=["source", "order"], name="passage_order_unique")]


class Question(models.Model):
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    question = models.TextField("質問")
    passages = models.JSONField("示した条文", default=list)
    generated = models.TextField("生成した回答", blank=True)
    asked_at = models.DateTimeField(auto_now_add=True)
    feedback = models.CharField(
        "評価", max_length=10, choices=[("useful", "役に立った"), ("wrong", "違う")], blank=True
    )
    feedback_note = models.TextField("コメント", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "質問の記録"
        ordering = ["-asked_at"]


WORK_AREAS = [
    ("start", "保護開始の要否判定"),
    ("repayment", "返還金・徴収金"),
    ("support", "扶養"),
    ("medical", "医療"),
    ("work", "就労"),
    ("care", "介護"),
    ("housing", "住まい"),
    ("money", "金銭管理"),
    ("other", "その他"),
]
CHARACTERISTICS = [
    ("mental", "精神疾患"),
    ("elderly", "高齢"),
    ("withdrawal", "ひきこもり"),
    ("addiction", "依存症"),
    ("alone", "身寄りなし"),
    ("disability", "障害"),
    ("single_parent", "ひとり親"),
    ("debt", "多重債務"),
    ("refusal", "支援拒否"),
    ("foreign", "外国籍"),
]


class CaseExample(models.Model):
    """処遇検討事例: structured so they can be filtered, and checked for identifying details before
    they are published to the office."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="case_examples")
    title = models.CharField("表題", max_length=120)
    work_area = models.CharField("業務の分野", max_length=20, choices=WORK_AREAS)
    characteristics = models.JSONField("本人の特性", default=list, blank=True)
    situation = models.TextField("事例の概要")
    handling = models.TextField("対応")
    outcome = models.TextField("結果", blank=True)
    lessons = models.TextField("ポイント", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    imported_from = models.CharField("取り込み元", max_length=120, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "処遇検討事例"
        ordering = ["-created_at"]

    def text(self) -> str:
        return "\n".join([self.title, self.situation, self.handling, self.outcome, self.lessons])


class KnowHow(models.Model):
    """A short Q&A by experienced staff (e.g. how to answer a typical phone call)."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="know_how")
    question = models.CharField("問い", max_length=200)
    answer = models.TextField("答え")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "ノウハウ"
        ordering = ["-created_at"]
