"""The scoring engine: from a figure or a person's score to points, and the total.

Pure functions, no database: the sheet pages, freezing, snapshots, the API
and the report all score through here.

Methods (`Indicator.method`) and their parameters (`Indicator.params`):

- threshold — `{"threshold": 90, "direction": ">="}`: full points when the
  metric's value meets the threshold ("<=" for a figure that should stay
  low), else 0; `"when_empty": "zero"` scores 0 when there is no figure
  (the default is full points: no lawsuit, nobody failed to appear);
- proportional — `{"full_at": 100}`: points × value ÷ full_at, at most
  the points (a 达标率 of 80 % earns 80 % of the points);
- banded — `{"bands": [[95, 10], [85, 8], [0, 5]]}`: the score of the
  first band whose lower bound the value reaches (bands checked from the
  highest bound down);
- manual — a person scores between `min_score` and the points;
- bonus / penalty — with a metric, `{"per": 0.5}` points per unit of the
  figure, at most the item's points; without one, a person scores between
  0 and the points. Their sums are capped again by the system's caps;
- veto — with a metric, `{"above": 0}`: triggered when the figure exceeds
  it; without one, the reviewer marks it. A triggered veto zeroes the total.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from fazhi import metrics

CENT = Decimal("0.01")
AUTOMATIC = ("threshold", "proportional", "banded")
EXTRA = ("bonus", "penalty", "veto")
METRIC_OPTIONAL = ("bonus", "penalty", "veto")
DIRECTIONS = (">=", "<=")


def _dec(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def rule_errors(*, method, metric, params, points, min_score) -> dict[str, list[str]]:
    """What is wrong with an indicator's rule, by field (empty when nothing is)."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    params = params if isinstance(params, dict) else None
    if params is None:
        add("params", "计分参数须为键值对象。")
        return errors
    points = _dec(points) or Decimal(0)
    if method in AUTOMATIC and not metric:
        add("metric", "自动计分的指标须填写数据指标代码。")
    if metric and not _metric_exists(metric):
        add("metric", f"数据指标代码“{metric}”不存在。")
    if metric and method in ("group", "manual"):
        add("metric", "人工评分或分组指标不使用数据指标代码。")
    if method == "threshold":
        if _dec(params.get("threshold")) is None:
            add("params", "阈值计分须给出阈值（threshold）。")
        if params.get("direction", ">=") not in DIRECTIONS:
            add("params", "阈值方向（direction）只能是 >= 或 <=。")
        if params.get("when_empty", "full") not in ("full", "zero"):
            add("params", "无数据时（when_empty）只能是 full 或 zero。")
    elif method == "proportional":
        full_at = _dec(params.get("full_at", 100))
        if full_at is None or full_at <= 0:
            add("params", "按比例计分的满分值（full_at）须为正数。")
    elif method == "banded":
        bands = params.get("bands")
        parsed = _bands(bands)
        if not parsed:
            add("params", "分档计分须给出分档（bands），如 [[95, 10], [85, 8]]。")
        elif any(score > points for _, score in parsed):
            add("params", "分档得分不能超过该指标分值。")
    elif method in ("bonus", "penalty") and metric:
        per = _dec(params.get("per"))
        if per is None or per <= 0:
            add("params", "按数据加减分须给出每单位分值（per），且为正数。")
    elif method == "veto" and metric and _dec(params.get("above", 0)) is None:
        add("params", "否决阈值（above）须为数字。")
    if method == "manual" and (_dec(min_score) or Decimal(0)) > points:
        add("min_score", "最低分不能高于分值。")
    return errors


def _metric_exists(code: str) -> bool:
    try:
        metrics.get(code)
    except KeyError:
        return False
    return True


def _bands(bands) -> list[tuple[Decimal, Decimal]]:
    if not isinstance(bands, list) or not bands or len(bands) > 50:
        return []
    parsed = []
    for band in bands:
        if not isinstance(band, list | tuple) or len(band) != 2:
            return []
        bound, score = _dec(band[0]), _dec(band[1])
        if bound is None or score is None or score < 0:
            return []
        parsed.append((bound, score))
    return sorted(parsed, reverse=True)


def auto_score(*, method: str, params: dict, points, value) -> Decimal | None:
    """The points an automatic rule gives for `value` (None: not automatic)."""
    points = _dec(points) or Decimal(0)
    value = _dec(value)
    if method == "threshold":
        if value is None:
            return Decimal(0) if params.get("when_empty") == "zero" else quantize(points)
        threshold = _dec(params.get("threshold")) or Decimal(0)
        met = value <= threshold if params.get("direction") == "<=" else value >= threshold
        return quantize(points if met else Decimal(0))
    if method == "proportional":
        if value is None:
            return Decimal(0)
        full_at = _dec(params.get("full_at", 100)) or Decimal(100)
        share = max(min(value / full_at, Decimal(1)), Decimal(0))
        return quantize(points * share)
    if method == "banded":
        if value is None:
            return Decimal(0)
        for bound, score in _bands(params.get("bands")):
            if value >= bound:
                return quantize(min(score, points))
        return Decimal(0)
    if method in ("bonus", "penalty"):
        if value is None:
            return Decimal(0)
        per = _dec(params.get("per")) or Decimal(0)
        return quantize(min(max(value, Decimal(0)) * per, points))
    return None


def veto_triggered(*, params: dict, value) -> bool:
    value = _dec(value)
    above = _dec(params.get("above", 0)) or Decimal(0)
    return value is not None and value > above


@dataclass
class Line:
    """One scored indicator as the engine sees it."""

    method: str
    points: Decimal
    auto: Decimal | None = None  # from the metric, if the rule has one
    self_score: Decimal | None = None
    review_score: Decimal | None = None
    triggered: bool = False  # a veto marked by hand, or from its metric

    @property
    def final(self) -> Decimal:
        """The score that counts: the reviewer's, else the automatic one, else the 自评."""
        for score in (self.review_score, self.auto, self.self_score):
            if score is not None:
                return min(quantize(_dec(score)), quantize(self.points))
        return Decimal(0)


@dataclass
class Total:
    base: Decimal
    bonus: Decimal
    penalty: Decimal
    vetoed: bool

    @property
    def value(self) -> Decimal:
        if self.vetoed:
            return Decimal("0.00")
        return quantize(max(self.base + self.bonus - self.penalty, Decimal(0)))


def total(lines: list[Line], *, bonus_cap=None, penalty_cap=None) -> Total:
    base = sum((line.final for line in lines if line.method not in EXTRA), Decimal(0))
    bonus = sum((line.final for line in lines if line.method == "bonus"), Decimal(0))
    penalty = sum((line.final for line in lines if line.method == "penalty"), Decimal(0))
    if bonus_cap is not None:
        bonus = min(bonus, _dec(bonus_cap))
    if penalty_cap is not None:
        penalty = min(penalty, _dec(penalty_cap))
    vetoed = any(line.triggered for line in lines if line.method == "veto")
    return Total(quantize(base), quantize(bonus), quantize(penalty), vetoed)
