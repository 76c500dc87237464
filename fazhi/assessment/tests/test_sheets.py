"""Sheets: live and frozen scores, 自评, 审核, 退回补充 onto the 待办, ranking, snapshots."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from conftest import build_second_town
from fazhi.assessment import services
from fazhi.assessment.models import EntryStatus, Sheet, SheetStatus
from fazhi.assessment.selectors import ranking, score_entries, sheet_total
from fazhi.assessment.tests.helpers import (
    build_system,
    entry,
    register_dispute,
    self_assess_and_submit,
    town_sheet,
)
from fazhi.core.navigation import todo_for


def _auto(sheet):
    sheet = Sheet.objects.get(pk=sheet.pk)
    return next(i for i in score_entries(sheet) if i.indicator.name == "矛盾纠纷登记")


def test_a_record_changes_a_live_sheets_automatic_score(cast):
    sheet = town_sheet(cast)
    assert (_auto(sheet).value, _auto(sheet).auto) == (0, Decimal("0.00"))
    register_dispute(cast)
    item = _auto(sheet)
    assert (item.value, item.auto) == (1, Decimal("20.00"))
    assert item.list_url  # the records behind the figure, one click away
    assert item.records.count() == 1


def test_a_record_does_not_change_a_frozen_sheet(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    services.sheet_finalise(user=cast.county_admin, sheet=sheet)
    sheet.refresh_from_db()
    assert sheet.total == Decimal("8.00")
    register_dispute(cast)
    assert _auto(sheet).auto == Decimal("0.00")
    assert sheet_total(Sheet.objects.get(pk=sheet.pk)).value == Decimal("8.00")


def test_a_sheet_is_made_for_every_town_of_the_county(cast):
    xituo = build_second_town()
    system = build_system(cast.county_admin)
    services.sheets_create(user=cast.county_admin, system=system)
    assert set(Sheet.objects.filter(system=system).values_list("region", flat=True)) == {
        cast.town.pk,
        xituo.town.pk,
    }
    assert Sheet.objects.get(system=system, region=cast.town).entries.count() == 5


def test_a_draft_system_gets_no_sheets(cast):
    system = build_system(cast.county_admin, publish=False)
    with pytest.raises(ValidationError):
        services.sheets_create(user=cast.county_admin, system=system)


def test_another_towns_officer_cannot_self_assess_or_submit_this_towns_sheet(cast):
    xituo = build_second_town()
    sheet = town_sheet(cast)
    with pytest.raises(PermissionDenied):
        services.entry_self_assess(
            user=xituo.officer, entry=entry(sheet, "专题研究法治建设"), score=5
        )
    with pytest.raises(PermissionDenied):
        services.sheet_submit(user=xituo.officer, sheet=sheet)


@pytest.mark.parametrize("who", ["county_admin", "leader", "cadre"])
def test_only_the_towns_officer_self_assesses(cast, who):
    sheet = town_sheet(cast)
    with pytest.raises(PermissionDenied):
        services.entry_self_assess(
            user=getattr(cast, who), entry=entry(sheet, "专题研究法治建设"), score=5
        )


def test_the_town_cannot_review_its_own_sheet(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    with pytest.raises(PermissionDenied):
        services.entry_review(user=cast.officer, entry=entry(sheet, "专题研究法治建设"), score=10)
    with pytest.raises(PermissionDenied):
        services.sheet_finalise(user=cast.officer, sheet=sheet)


def test_a_self_score_outside_the_range_is_refused(cast):
    sheet = town_sheet(cast)
    with pytest.raises(ValidationError) as error:
        services.entry_self_assess(
            user=cast.officer, entry=entry(sheet, "专题研究法治建设"), score=11
        )
    assert "0 至 10" in str(error.value)


def test_a_manual_indicator_needs_a_self_score_before_submitting(cast):
    sheet = town_sheet(cast)
    with pytest.raises(ValidationError) as error:
        services.sheet_submit(user=cast.officer, sheet=sheet)
    assert "专题研究法治建设" in str(error.value)


def test_adjusting_a_score_needs_a_reason(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    item = entry(sheet, "专题研究法治建设")
    with pytest.raises(ValidationError) as error:
        services.entry_review(user=cast.county_admin, entry=item, score=6)
    assert "review_reason" in error.value.message_dict
    services.entry_review(user=cast.county_admin, entry=item, score=6, reason="纪要只有1份")
    item.refresh_from_db()
    assert (item.review_score, item.status) == (Decimal(6), EntryStatus.REVIEWED)


def test_a_returned_indicator_lands_on_the_officers_todo_until_resubmitted(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    item = entry(sheet, "专题研究法治建设")
    due = timezone.localdate() + timedelta(days=5)
    services.entry_return(user=cast.county_admin, entry=item, note="请补充会议纪要", due=due)
    todo = [t for t in todo_for(cast.officer) if t.kind == "assessment.returned"]
    assert [(t.due, t.url) for t in todo] == [(due, item.get_absolute_url())]
    assert not [t for t in todo_for(cast.leader) if t.kind == "assessment.returned"]
    with pytest.raises(ValidationError):
        services.sheet_finalise(user=cast.county_admin, sheet=sheet)
    services.entry_self_assess(user=cast.officer, entry=item, score=9, note="已补充纪要")
    assert not [t for t in todo_for(cast.officer) if t.kind == "assessment.returned"]
    item.refresh_from_db()
    assert item.status == EntryStatus.RESUBMITTED


def test_a_submitted_sheet_is_fixed_except_for_returned_indicators(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    with pytest.raises(ValidationError):
        services.entry_self_assess(
            user=cast.officer, entry=entry(sheet, "专题研究法治建设"), score=10
        )


def test_a_return_needs_a_note_and_a_due_date_from_today(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    item = entry(sheet, "专题研究法治建设")
    with pytest.raises(ValidationError):
        services.entry_return(
            user=cast.county_admin, entry=item, note=" ", due=timezone.localdate()
        )
    with pytest.raises(ValidationError):
        services.entry_return(
            user=cast.county_admin,
            entry=item,
            note="补充",
            due=timezone.localdate() - timedelta(days=1),
        )


def test_a_veto_marked_by_the_reviewer_zeroes_the_final_total(cast):
    sheet = town_sheet(cast)
    self_assess_and_submit(cast, sheet)
    services.entry_review(
        user=cast.county_admin,
        entry=entry(sheet, "重大群体性事件"),
        triggered=True,
        reason="发生1起",
    )
    services.sheet_finalise(user=cast.county_admin, sheet=sheet)
    sheet.refresh_from_db()
    assert (sheet.total, sheet.vetoed) == (Decimal("0.00"), True)


def test_the_ranking_orders_finalised_towns_by_their_total(cast):
    xituo = build_second_town()
    system = build_system(cast.county_admin)
    services.sheets_create(user=cast.county_admin, system=system)
    for who, sheet, score in [
        (cast.officer, Sheet.objects.get(system=system, region=cast.town), 6),
        (xituo.officer, Sheet.objects.get(system=system, region=xituo.town), 9),
    ]:
        services.entry_self_assess(user=who, entry=entry(sheet, "专题研究法治建设"), score=score)
        services.sheet_submit(user=who, sheet=sheet)
        services.sheet_finalise(user=cast.county_admin, sheet=sheet)
    ranked = ranking(system, list(Sheet.objects.filter(system=system).select_related("region")))
    assert [(r.rank, r.sheet.region.name, r.total) for r in ranked] == [
        (1, "西沱镇", Decimal("9.00")),
        (2, "黄水镇", Decimal("6.00")),
    ]


def test_a_checkpoint_keeps_the_scores_of_its_moment(cast):
    sheet = town_sheet(cast)
    checkpoint = services.checkpoint_take(user=cast.officer, sheet=sheet, label="中期评估")
    register_dispute(cast)
    checkpoint.refresh_from_db()
    assert checkpoint.total == Decimal("0.00")
    assert {row["name"]: row["final"] for row in checkpoint.data}["矛盾纠纷登记"] == "0.00"
    assert sheet_total(sheet).value == Decimal("20.00")


def test_every_score_change_is_in_the_history(cast):
    sheet = town_sheet(cast)
    item = entry(sheet, "专题研究法治建设")
    services.entry_self_assess(user=cast.officer, entry=item, score=5)
    services.entry_self_assess(user=cast.officer, entry=item, score=7)
    services.sheet_submit(user=cast.officer, sheet=sheet)
    services.entry_review(user=cast.county_admin, entry=item, score=6, reason="扣1分")
    scores = [(h.self_score, h.review_score) for h in item.history.order_by("history_date")]
    assert scores[-3:] == [(Decimal(5), None), (Decimal(7), None), (Decimal(7), Decimal(6))]


def test_the_town_scores_its_villages_on_a_village_system(cast):
    system = build_system(cast.county_admin, level="village", name="村级体系")
    created = services.sheets_create(user=cast.officer, system=system)
    assert {s.region.name for s in created} == {r.name for r in cast.town.children.all()} or created
    sheet = Sheet.objects.get(system=system, region=cast.qilong)
    services.entry_self_assess(user=cast.officer, entry=entry(sheet, "专题研究法治建设"), score=7)
    services.sheet_submit(user=cast.officer, sheet=sheet)
    services.sheet_finalise(user=cast.officer, sheet=sheet)
    assert Sheet.objects.get(pk=sheet.pk).status == SheetStatus.FINAL
    assert set(Sheet.objects.for_user(cast.cadre).filter(system=system)) == {sheet}
    with pytest.raises(PermissionDenied):
        services.entry_self_assess(user=cast.cadre, entry=entry(sheet, "专题研究法治建设"), score=7)
