"""The knowledge corpus: sources (a law, a notice, an office's own text) and their passages, the
question log with feedback, case examples and know-how."""
from django.conf import settings
from django.db import models


class Source(models.Model):
    code = models.SlugField("コード", max_length=60, unique=True)
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
    feedback = models.CharField("評価", max_length=10, choices=[("useful", "役に立った"), ("wrong", "違う")], blank=True)
    feedback_note = models.TextField("コメント", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "質問の記録"
        ordering = ["-asked_at"]
