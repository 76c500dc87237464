"""The scoring engine: every method, the caps, 一票否决."""

from decimal import Decimal as D

import pytest

from fazhi.assessment.scoring import Line, auto_score, rule_errors, total, veto_triggered


def score(method, params, value, points=10):
    return auto_score(method=method, params=params, points=D(points), value=value)


def test_a_threshold_met_gives_full_points_and_missed_gives_none():
    assert score("threshold", {"threshold": 90}, D("92.5")) == D("10.00")
    assert score("threshold", {"threshold": 90}, 90) == D("10.00")
    assert score("threshold", {"threshold": 90}, D("89.9")) == D("0.00")


def test_a_threshold_that_should_stay_low_reads_its_direction():
    assert score("threshold", {"threshold": 15, "direction": "<="}, 10) == D("10.00")
    assert score("threshold", {"threshold": 15, "direction": "<="}, 20) == D("0.00")


def test_a_threshold_without_a_figure_gives_full_points_unless_told_otherwise():
    assert score("threshold", {"threshold": 90}, None) == D("10.00")
    assert score("threshold", {"threshold": 90, "when_empty": "zero"}, None) == D("0")


def test_proportional_scores_the_share_of_the_full_value_and_never_more_than_the_points():
    assert score("proportional", {"full_at": 100}, 80) == D("8.00")
    assert score("proportional", {}, D("96.9"), points=4) == D("3.88")
    assert score("proportional", {"full_at": 100}, 130) == D("10.00")
    assert score("proportional", {"full_at": 100}, -5) == D("0.00")
    assert score("proportional", {"full_at": 100}, None) == D("0")


def test_banded_takes_the_highest_band_reached():
    bands = {"bands": [[80, 6], [95, 10], [0, 2]]}
    assert score("banded", bands, 99) == D("10.00")
    assert score("banded", bands, 85) == D("6.00")
    assert score("banded", bands, 10) == D("2.00")
    assert score("banded", {"bands": [[50, 5]]}, 10) == D("0")


def test_a_bonus_or_penalty_from_a_figure_is_capped_at_its_points():
    assert score("bonus", {"per": 0.5}, 3, points=3) == D("1.50")
    assert score("penalty", {"per": 0.5}, 20, points=3) == D("3.00")


def test_the_final_score_is_the_reviewers_then_the_automatic_then_the_self_assessed():
    assert Line("manual", D(5), self_score=D(4)).final == D("4.00")
    assert Line("threshold", D(5), auto=D(5), self_score=D(3)).final == D("5.00")
    assert Line("threshold", D(5), auto=D(5), review_score=D(2)).final == D("2.00")
    assert Line("manual", D(5)).final == D(0)


def test_the_total_adds_bonuses_and_subtracts_penalties_within_the_system_caps():
    lines = [
        Line("manual", D(50), self_score=D(40)),
        Line("threshold", D(50), auto=D(50)),
        Line("bonus", D(3), self_score=D(3)),
        Line("bonus", D(3), self_score=D(2)),
        Line("penalty", D(5), review_score=D(4)),
        Line("penalty", D(5), review_score=D(5)),
    ]
    result = total(lines, bonus_cap=D(4), penalty_cap=D(6))
    assert (result.base, result.bonus, result.penalty) == (D(90), D(4), D(6))
    assert result.value == D("88.00")
    assert total(lines).value == D("86.00")  # uncapped: 90 + 5 − 9


def test_the_total_never_goes_below_zero():
    lines = [Line("manual", D(5), self_score=D(1)), Line("penalty", D(10), self_score=D(10))]
    assert total(lines).value == D("0.00")


def test_a_triggered_veto_zeroes_the_total():
    lines = [Line("manual", D(100), self_score=D(95)), Line("veto", D(0), triggered=True)]
    result = total(lines)
    assert result.vetoed and result.value == D("0.00")
    lines[1].triggered = False
    assert total(lines).value == D("95.00")


def test_a_veto_from_a_figure_triggers_above_its_limit():
    assert veto_triggered(params={"above": 0}, value=1)
    assert not veto_triggered(params={"above": 0}, value=0)
    assert not veto_triggered(params={}, value=None)


@pytest.mark.parametrize(
    ("method", "metric", "params", "field"),
    [
        ("threshold", "", {"threshold": 90}, "metric"),
        ("threshold", "no.such.metric", {"threshold": 90}, "metric"),
        ("threshold", "disputes.cases", {}, "params"),
        ("threshold", "disputes.cases", {"threshold": 9, "direction": "=="}, "params"),
        ("proportional", "disputes.cases", {"full_at": 0}, "params"),
        ("banded", "disputes.cases", {"bands": "95:10"}, "params"),
        ("banded", "disputes.cases", {"bands": [[95, 50]]}, "params"),
        ("bonus", "disputes.cases", {}, "params"),
        ("manual", "disputes.cases", {}, "metric"),
    ],
)
def test_a_bad_rule_is_named_by_its_field(method, metric, params, field):
    errors = rule_errors(method=method, metric=metric, params=params, points=D(10), min_score=0)
    assert field in errors


def test_a_good_rule_has_no_errors():
    assert not rule_errors(
        method="banded",
        metric="disputes.cases",
        params={"bands": [[95, 10], [0, 1]]},
        points=D(10),
        min_score=0,
    )
