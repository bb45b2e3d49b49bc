"""Model building blocks shared by the apps."""

from django.core.exceptions import ValidationError
from django.db import models


class InsertOnlyViolation(ValidationError):
    """Changing or deleting an insert-only record: a refusal like any other (decision 0014)."""


class InsertOnly(models.Model):
    """Rows that are written once and never changed or deleted: a correction is a new row."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise InsertOnlyViolation("この記録は変更できません。新しい記録を作ってください。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise InsertOnlyViolation("この記録は削除できません。")


class HouseholdRecord:
    """For models with a `public_id` and a `household`: how the audit log names them."""

    @property
    def audit_id(self):
        return self.public_id

    @property
    def office_id(self):
        return self.household.office_id
