"""What each step of a 村规民约's procedure requires, as Chinese messages by field.

The same shape as the major-decision procedure of the legal app: `order_error`
says why a step cannot be recorded now (a skipped step is named), and
`step_errors(step)` is the whole rule book, so the pages, the API and the
services refuse the same things the same way. A correction order (村民委员会组织法
Art. 27) may come at any stage after the draft and sends the compact back to it.
"""

from fazhi.villagelaw.models import STAGE_BEFORE, STEP_ORDER, Stage, StepKind, VoteResult


def _label(kind: str) -> str:
    return StepKind(kind).label


def missing_step(compact, kind: str) -> str | None:
    """The label of the step that must come before `kind` and has not, or None."""
    if kind == StepKind.CORRECTION or kind not in STAGE_BEFORE:
        return None
    waiting = STEP_ORDER.index(kind)
    done = _done_count(compact)
    if done >= waiting:
        return None
    return _label(STEP_ORDER[done])


def _done_count(compact) -> int:
    """How many steps of STEP_ORDER the compact's current round has passed."""
    order = [Stage.DRAFT, Stage.REVIEWED, Stage.OPINION, Stage.VOTED, Stage.FILED, Stage.ADOPTED]
    return order.index(compact.stage)


def order_error(compact, kind: str) -> str | None:
    """Why `kind` cannot be recorded now, or None when the compact waits for it."""
    if kind == StepKind.CORRECTION:
        if compact.stage == Stage.DRAFT:
            return "村规民约尚在起草，无需责令改正；请直接修改条文。"
        return None
    if compact.stage == Stage.ADOPTED:
        return "该村规民约已公布施行；发现与法律相抵触的，请记录“责令改正”。"
    if STAGE_BEFORE[kind] == compact.stage:
        return None
    missing = missing_step(compact, kind)
    if missing is None:
        return f"「{_label(kind)}」已记录，不能重复记录。"
    return f"尚未完成「{missing}」，不能进行「{_label(kind)}」：办理环节不得跳过。"


def _review(step, errors):
    if not step.note.strip():
        errors["note"] = "请填写法律顾问的审核意见。"


def _opinion(step, errors):
    if step.lawful is None:
        errors["lawful"] = "请选择合法性审查结论。"
    elif not step.lawful and not step.note.strip():
        errors["note"] = "审查认为不合法的，请写明与哪些法律规定相抵触。"
    elif step.lawful is False:
        errors["lawful"] = "合法性审查认为不合法的，不能提交表决；请记录“责令改正”，退回起草修改。"


def _vote(step, errors):
    if step.eligible is None:
        errors["eligible"] = "请填写应到人数。"
    if step.attendance is None:
        errors["attendance"] = "请填写到会人数。"
    if step.votes_for is None:
        errors["votes_for"] = "请填写赞成票数。"
    if not step.result:
        errors["result"] = "请选择表决结果。"
    if errors:
        return
    if step.attendance > step.eligible:
        errors["attendance"] = "到会人数多于应到人数，请检查。"
    elif step.votes_for > step.attendance:
        errors["votes_for"] = "赞成票数多于到会人数，请检查。"
    elif step.result == VoteResult.PASSED and step.votes_for * 2 <= step.attendance:
        errors["result"] = "赞成票未过到会人数的半数，不能记为“通过”。"


def _correction(step, errors):
    if not step.note.strip():
        errors["note"] = "请写明责令改正的理由（与哪些法律、法规或政策相抵触）。"


_REQUIREMENTS = {
    StepKind.REVIEW: _review,
    StepKind.OPINION: _opinion,
    StepKind.VOTE: _vote,
    StepKind.CORRECTION: _correction,
}


def step_errors(step) -> dict[str, str]:
    problem = order_error(step.compact, step.kind)
    if problem:
        return {"kind": problem}
    errors: dict[str, str] = {}
    check = _REQUIREMENTS.get(step.kind)
    if check:
        check(step, errors)
    last = (
        step.compact.steps.order_by("-date", "-id").values_list("kind", "date").first()
        if step.compact.pk
        else None
    )
    if step.date and last and step.date < last[1]:
        errors["date"] = f"日期早于上一环节「{_label(last[0])}」（{last[1]:%Y-%m-%d}）。"
    return errors
