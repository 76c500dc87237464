"""The assessment's paragraphs in the yearly report: 一(一) and 三(二), and
the lowest-scoring indicators as problem candidates."""

from fazhi.reports.contrib import candidate, paragraph

SCORE = "assessment.score"
VILLAGES = "assessment.village_results"


def _points(value) -> str:
    return f"{value:g}分" if isinstance(value, int | float) else f"{value}分"


@paragraph("demonstration", metrics=[SCORE], order=10)
def town_assessment(f, ctx):
    if ctx.is_county or f.value(SCORE) is None:
        return None
    parts = f.parts(SCORE)
    text = f"对照县里下发的《{parts['system']}》逐项推进，"
    state = "考核得分" if parts.get("final") else "按平台记录测算，当前得分"
    text += f"{state}{f.exact(SCORE)}（满分{_points(parts['points'])}）"
    if parts.get("final") and parts.get("rank") and parts.get("ranked", 0) > 1:
        text += f"，在全县参评的{parts['ranked']}个乡镇（街道）中排第{parts['rank']}名"
    text += "。"
    weak = parts.get("weakest") or []
    if weak:
        names = "、".join(f"“{w['name']}”" for w in weak)
        text += f"失分主要在{names}等指标，已列入整改。"
    return text


@paragraph("assessment", metrics=[VILLAGES], order=10)
def village_assessment(f, ctx):
    if not f.has_data(VILLAGES):
        return None
    scores = f.parts(VILLAGES)
    best = max(scores, key=scores.get)
    worst = min(scores, key=scores.get)
    text = f"开展镇对村法治建设考核，{f.exact(VILLAGES)}村（社区）完成考核定稿，"
    if best != worst:
        text += f"{best}得分最高（{_points(scores[best])}），{worst}得分最低（{_points(scores[worst])}），"
    return text + "考核结果纳入村级年度综合考评。"


@candidate("problem", metrics=[SCORE], order=5)
def weakest_problem(f, ctx):
    if ctx.is_county or f.value(SCORE) is None:
        return None
    weak = (f.parts(SCORE).get("weakest") or [])[:2]
    if not weak:
        return None
    names = "、".join(f"“{w['name']}”" for w in weak)
    return f"法治建设考核中{names}等指标失分较多，相关工作基础仍然薄弱"


DUTY = "assessment.duty_records"


@paragraph("first_responsible", metrics=[DUTY], order=5)
def principal_duty(f, ctx):
    if ctx.is_county or not f.has_data(DUTY):
        return None
    sentences = []
    for role, part in f.parts(DUTY).items():
        text = f"镇{role}"
        if part["duties"]:
            text += "；".join(part["duties"][:3])
        if part.get("panel") is not None:
            text += f"，年终述法评议得分{part['panel']:g}分"
        sentences.append(text)
    return "党政主要负责人切实履行推进法治建设第一责任人职责：" + "。".join(sentences) + "。"
