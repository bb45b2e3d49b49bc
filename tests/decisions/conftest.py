from datetime import date, timedelta

import pytest
from django.utils import timezone

from hogo.decisions import services
from hogo.decisions.models import ItemStatus


@pytest.fixture
def applying(cast):
    """The CW's own household after a consultation and an application received 3 days ago."""
    household = cast.households["unassigned"]
    # give it to the CW so the CW may work on it
    from hogo.households.models import CaseworkerAssignment

    CaseworkerAssignment.objects.create(household=household, caseworker=cast.staff["cw"], valid_from=date(2020, 4, 1))
    household.rent = 45000
    household.prefecture = "東京都"
    household.municipality = "みなと市"
    household.save()
    cw = cast.users["cw"]
    received = timezone.localdate() - timedelta(days=3)
    services.record_consultation(
        cw,
        household,
        held_on=received,
        visitor_name="木村 陽子",
        visitor_relation="本人",
        said="失業して家賃が払えない",
        explained="保護の要件と申請の手続",
        right_explained=True,
        outcome="application",
    )
    application = services.receive_application(
        cw,
        household,
        received_on=received,
        applicant_name="木村 陽子",
        applicant_relation="本人",
        reason="失業により生活が困難",
        documents=["application_form", "asset_declaration"],
    )
    return household, application


@pytest.fixture
def drafted(cast, applying):
    household, application = applying
    cw = cast.users["cw"]
    for item in application.checklist.all():
        if item.code == "support_inquiry":
            services.update_checklist_item(
                cw,
                item,
                status=ItemStatus.NOT_NEEDED,
                done_on=None,
                note="兄とは20年以上音信不通",
                exemption="no_contact",
            )
        else:
            services.update_checklist_item(cw, item, status=ItemStatus.DONE, done_on=application.received_on, note="")
    test = services.run_need_test(cw, household, as_of=timezone.localdate().replace(day=1), application=application)
    decision = services.draft_decision(
        cw,
        household,
        kind="start",
        effective_from=application.received_on,
        reasons="最低生活費に対し収入が不足するため。",
        application=application,
        need_test=test,
    )
    return household, application, test, decision
