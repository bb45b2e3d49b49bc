"""What every approvable record shares: its status and drafter, the insert-only actions taken on it,
and the office's approval route. Decisions, 法第63条・第78条 determinations and (through their
decisions) 一斉更正 runs are approvable; payment runs and the rest will be too."""

from django.conf import settings
from django.db import models

from hogo.common.models import InsertOnly, InsertOnlyViolation
from hogo.households.scoping import households_visible_to
from hogo.offices.models import Office, Role


class Status(models.TextChoices):
    DRAFT = "draft", "起案中"
    RETURNED = "returned", "差戻し"
    APPROVED = "approved", "決裁済"


class ActionKind(models.TextChoices):
    # the draft itself is the approvable row (drafted_by, drafted_at); actions are what follows it
    APPROVE = "approve", "承認"
    RETURN = "return", "差戻し"
    COMMENT = "comment", "意見"


DEFAULT_ROUTE = [Role.SUPERVISOR, Role.CHIEF]


class ApprovalRoute(models.Model):
    """The approval steps of an office, in order (default: supervisor then chief)."""

    office = models.OneToOneField(
        Office, on_delete=models.PROTECT, related_name="approval_route", verbose_name="事務所"
    )
    steps = models.JSONField("決裁の順序", default=list, help_text='役割の並び。例: ["supervisor", "chief"]')

    class Meta:
        db_table = "decisions_approvalroute"  # the table predates this app (decision 0014)
        verbose_name = verbose_name_plural = "決裁の順序"

    def __str__(self):
        return " → ".join(Role(step).label for step in self.steps if step in Role.values) or "（既定）"


class Approvable(models.Model):
    """A record drafted by one person and approved step by step along its office's route; once
    approved it never changes (a correction is a new record).

    A concrete model gives its actions model a foreign key with related_name="actions" and names
    itself for messages (`approval_noun`); what happens when the last step approves is registered
    by its app (`services.register_effect`)."""

    approval_noun = "決定"
    approval_steps = None  # a model whose records skip the office's route names its own steps (roles)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding and type(self).objects.filter(pk=self.pk, status=Status.APPROVED).exists():
            raise InsertOnlyViolation(f"決裁済みの{self.approval_noun}は変更できません。訂正は新しい決定で行います。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise InsertOnlyViolation(f"{self.approval_noun}は削除できません。")

    @property
    def approval_office_id(self) -> int:
        return self.household.office_id

    def approval_in_scope(self, actor) -> bool:
        """Whether the actor's caseload scope covers this record (offices and roles are checked apart)."""
        return households_visible_to(actor).filter(pk=self.household_id).exists()


class ApprovalActionBase(InsertOnly):
    """One approval, return or comment on an approvable record; never changed or deleted. The
    concrete model adds the foreign key to its record (related_name="actions") and a unique
    constraint so that a step is approved once even when two people press at the same moment."""

    action = models.CharField(max_length=20, choices=ActionKind.choices)
    step = models.PositiveSmallIntegerField(null=True)
    role = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_action_display()} {self.step}"
