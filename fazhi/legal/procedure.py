"""What each step of a major decision's procedure requires, as Chinese messages by field.

`step_errors(step)` is the whole rule book: it is called by `DecisionStep.clean()`,
so the pages, the API and the services all refuse the same things the same way.
"""

from fazhi.legal.models.decisions import MIN_COMMENT_DAYS, STEP_ORDER, Stage, StepKind


def _label(kind: str) -> str:
    return StepKind(kind).label


def order_error(decision, kind: str) -> str | None:
    """Why `kind` cannot be recorded now, or None when it is the step the decision waits for."""
    if kind == StepKind.LAUNCH:
        if decision.pk is not None and decision.steps.filter(kind=kind).exists():
            return "「决策启动」已记录，不能重复记录。"
        return None
    if decision.stage == Stage.DONE:
        return "该决策的法定程序已全部完成，不能再增加环节。"
    if kind == decision.stage:
        return None
    if STEP_ORDER.index(kind) < STEP_ORDER.index(decision.stage):
        return f"「{_label(kind)}」已记录，不能重复记录。"
    message = (
        f"尚未完成「{_label(decision.stage)}」，不能进行「{_label(kind)}」：法定程序不得跳过。"
    )
    waiting, wanted = STEP_ORDER.index(decision.stage), STEP_ORDER.index(kind)
    if waiting <= STEP_ORDER.index(StepKind.LEGALITY) < wanted:
        message += "未经合法性审查或者经审查不合法的，不得提交集体讨论（条例第二十五条）。"
    return message


def _participation(step, errors):
    if not step.comment_start:
        errors["comment_start"] = "请填写征求意见开始日期。"
    if not step.comment_end:
        errors["comment_end"] = "请填写征求意见截止日期。"
    if errors:
        return
    days = step.comment_days
    if days < 0:
        errors["comment_end"] = "征求意见截止日期早于开始日期，请检查。"
    elif days < MIN_COMMENT_DAYS and not step.short_period_reason.strip():
        errors["short_period_reason"] = (
            f"征求意见期限只有 {days} 日，少于 {MIN_COMMENT_DAYS} 日，"
            "须写明缩短期限的理由（条例第十五条）。"
        )


def _expert(step, errors):
    if step.expert_required is None:
        errors["expert_required"] = "请选择是否需要专家论证（不需要也须记录）。"
    elif step.expert_required and not step.experts.strip():
        errors["experts"] = "需要专家论证的，请填写论证专家。"
    elif not step.expert_required and not step.no_expert_reason.strip():
        errors["no_expert_reason"] = "不需要专家论证的，请写明理由。"


def _risk(step, errors):
    if not step.risk_level:
        errors["risk_level"] = "请选择风险评估的风险等级。"


def _legality(step, errors):
    review = step.review_request
    if review is None:
        errors["review_request"] = (
            "合法性审查意见尚未选择：须先将决策草案送法律顾问审查并取得审查意见（条例第二十五条）。"
        )
    elif review.decision_id != step.decision_id:
        errors["review_request"] = "所选审查意见不是针对本决策的。"
    elif not review.is_answered:
        errors["review_request"] = (
            f"法律顾问尚未出具合法性审查意见（审查期限 {review.due:%Y-%m-%d}），不能完成本环节。"
        )
    elif not review.allows_proceeding:
        errors["review_request"] = (
            "合法性审查意见为“不合法”，不得提交集体讨论；请修改决策草案后重新送审。"
        )


def _discussion(step, errors):
    if not step.meeting_type:
        errors["meeting_type"] = "请选择会议类型。"
    if not step.attendance.strip():
        errors["attendance"] = "请填写出席会议人员。"
    if not step.chief_decision.strip():
        errors["chief_decision"] = "请填写行政首长的决定（条例第三十条）。"


def _publication(step, errors):
    if not step.channel.strip():
        errors["channel"] = "请填写公布渠道。"


def _evaluation(step, errors):
    if not step.note.strip():
        errors["note"] = "请填写执行情况和后评估结论。"


_REQUIREMENTS = {
    StepKind.PARTICIPATION: _participation,
    StepKind.EXPERT: _expert,
    StepKind.RISK: _risk,
    StepKind.LEGALITY: _legality,
    StepKind.DISCUSSION: _discussion,
    StepKind.PUBLICATION: _publication,
    StepKind.EVALUATION: _evaluation,
}


def step_errors(step) -> dict[str, str]:
    errors: dict[str, str] = {}
    if step.pk is None and step.decision_id:
        problem = order_error(step.decision, step.kind)
        if problem:
            return {"kind": problem}
    if not step.responsible or not step.responsible.strip():
        errors["responsible"] = "请填写本环节负责人。"
    check = _REQUIREMENTS.get(step.kind)
    if check:
        check(step, errors)
    previous = _previous_date(step)
    if step.date and previous and step.date < previous[1]:
        errors["date"] = f"日期早于上一环节「{_label(previous[0])}」（{previous[1]:%Y-%m-%d}）。"
    return errors


def _previous_date(step):
    if step.decision_id is None or step.decision.pk is None:
        return None
    earlier = STEP_ORDER[: STEP_ORDER.index(step.kind)]
    last = (
        step.decision.steps.filter(kind__in=earlier).order_by("-date").values_list("kind", "date")
    ).first()
    return last
