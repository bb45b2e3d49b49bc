"""An exception or a 住民異動 the caseworker handles otherwise is dismissed (対応不要) with the reason; it
leaves the work list and the run's figures, and changes nothing else."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.households.models import Income
from hogo.linkage import services
from hogo.linkage.models import Outcome

from ..decisions.change_helpers import head_of
from ..factories import make_household
from .helpers import import_pension, pension_line, pensioner


@pytest.fixture
def exception(cast):
    head = pensioner(cast.households["own"], cast.users["cw"])
    make_household(cast.office_a, cast.staff["cw"], head_name="山田 太郎", head_kana="ヤマダ タロウ")
    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000, number=False))
    return imported.run.items.get()


def test_a_dismissed_row_leaves_the_work_list_with_its_reason(cast, exception):
    cw = cast.users["cw"]
    incomes = Income.objects.count()

    services.dismiss(cw, exception, "  年金事務所に照会済み  ")

    exception.refresh_from_db()
    assert exception.outcome == Outcome.DISMISSED and exception.reason == "年金事務所に照会済み"
    assert exception.handled_by == cw
    assert services.rows_waiting_for(cw) == []
    exception.run.refresh_from_db()
    assert exception.run.exceptions == 0
    assert Income.objects.count() == incomes


def test_a_row_is_not_dismissed_without_a_reason_nor_by_another_caseload(cast, exception):
    with pytest.raises(ValidationError):
        services.dismiss(cast.users["cw"], exception, "  ")
    with pytest.raises(PermissionDenied):
        services.dismiss(cast.users["cw_other"], exception, "照会済み")
    exception.refresh_from_db()
    assert exception.outcome == Outcome.EXCEPTION


def test_a_dismissed_row_cannot_be_resolved_afterwards(cast, exception):
    services.dismiss(cast.users["cw"], exception, "照会済み")

    with pytest.raises(ValidationError):
        services.resolve(cast.users["cw"], exception, head_of(cast.households["own"]))
