"""The notices of a run print in one bundle per caseworker: `notice_groups` gives the run's approved
decisions by the caseworker who drafted them, each bundle in case-number order; drafts not yet
approved are not in it."""

from hogo.linkage import services

from ..factories import make_household
from .helpers import import_pension, pension_line, pensioner


def test_approved_decisions_are_grouped_by_drafter_in_case_number_order(cast):
    cw, cw_mate = cast.users["cw"], cast.users["cw_mate"]
    own, mate = cast.households["own"], cast.households["mate"]
    earlier = make_household(
        cast.office_a, cast.staff["cw"], head_name="青木 一", head_kana="アオキ ハジメ", case_number="000001"
    )
    lines = [
        pension_line(pensioner(own, cw, number="100000000001"), annual=726_000),
        pension_line(pensioner(mate, cw_mate, number="100000000002"), annual=726_000),
        pension_line(pensioner(earlier, cw, number="100000000003"), annual=726_000),
    ]
    run = import_pension(cast.users["sv"], cast.office_a, *lines).run
    assert services.notice_groups(run) == []  # nothing approved yet
    services.approve_run(cast.users["sv"], run)
    services.approve_run(cast.users["chief"], run)

    groups = services.notice_groups(run)

    by_drafter = {group["drafter"]: [d.household for d in group["decisions"]] for group in groups}
    assert by_drafter == {cw: [earlier, own], cw_mate: [mate]}
    assert [group["drafter"] for group in groups] == sorted([cw, cw_mate], key=lambda user: user.pk)


def test_a_decision_still_waiting_for_approval_is_left_out(cast):
    cw, cw_mate = cast.users["cw"], cast.users["cw_mate"]
    big = pensioner(cast.households["own"], cw, number="100000000001")
    small = pensioner(cast.households["mate"], cw_mate, number="100000000002")
    run = import_pension(
        cast.users["sv"], cast.office_a, pension_line(big, annual=780_000), pension_line(small, annual=726_000)
    ).run
    services.approve_run(cast.users["sv"], run)  # the large change is held for cw's look
    services.approve_run(cast.users["chief"], run)

    [group] = services.notice_groups(run)

    assert group["drafter"] == cw_mate
    assert [d.household for d in group["decisions"]] == [cast.households["mate"]]
