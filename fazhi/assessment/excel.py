"""The Excel a county issues, in and out.

Layout (one sheet; title lines above the header are skipped):

    序号 | 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 佐证材料 [| 计分方式 | 数据指标 | 计分参数]

Upper levels usually sit in merged cells spanning their children's rows;
the value of a merged cell is carried down to every row it covers. More
levels ("四级指标" …) may follow the third. A row names one indicator: the
last level filled in; the levels before it are its parents. The three rule
columns are optional (a leaf without them is scored by hand).

Import is all or nothing: every row is checked first, and any error is
reported with its row number and nothing is written (a dry run writes
nothing either).
"""

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from fazhi.assessment import scoring
from fazhi.assessment.models import Indicator, Method, System
from fazhi.assessment.services.systems import renumber, system_create
from fazhi.ledgers import limits
from fazhi.ledgers.writer import Layout, workbook_bytes

LEVEL_NAMES = ("一", "二", "三", "四", "五", "六", "七", "八")
MAX_ROWS = 2000

METHOD_WORDS = {
    "": None,
    "分组": Method.GROUP,
    "阈值": Method.THRESHOLD,
    "达标": Method.THRESHOLD,
    "比例": Method.PROPORTIONAL,
    "按比例": Method.PROPORTIONAL,
    "分档": Method.BANDED,
    "人工": Method.MANUAL,
    "人工评分": Method.MANUAL,
    "加分": Method.BONUS,
    "减分": Method.PENALTY,
    "一票否决": Method.VETO,
    "否决": Method.VETO,
}
METHOD_WORDS.update({m.value: m for m in Method})
METHOD_LABEL = {
    Method.GROUP: "分组",
    Method.THRESHOLD: "阈值",
    Method.PROPORTIONAL: "比例",
    Method.BANDED: "分档",
    Method.MANUAL: "人工",
    Method.BONUS: "加分",
    Method.PENALTY: "减分",
    Method.VETO: "一票否决",
}


@dataclass
class Node:
    path: tuple[str, ...]
    row: int
    points: Decimal | None = None
    criteria: str = ""
    evidence: str = ""
    method: str | None = None
    metric: str = ""
    params: dict = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def level(self) -> int:
        return len(self.path)


@dataclass
class Parsed:
    nodes: list[Node]  # in tree order
    errors: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def _header_columns(row) -> dict | None:
    names = [_text(cell).replace(" ", "") for cell in row]
    levels = []
    for index, name in enumerate(names):
        match = re.fullmatch(r"([一二三四五六七八])级指标(名称)?", name)
        if match:
            levels.append((LEVEL_NAMES.index(match.group(1)), index))
    if not levels or "分值" not in names:
        return None
    columns = {"levels": [index for _, index in sorted(levels)]}
    for key, words in {
        "points": ("分值",),
        "criteria": ("评分标准", "考核标准", "评分细则"),
        "evidence": ("佐证材料", "佐证资料"),
        "method": ("计分方式",),
        "metric": ("数据指标", "数据指标代码"),
        "params": ("计分参数", "参数"),
    }.items():
        columns[key] = next((names.index(w) for w in words if w in names), None)
    return columns


def _read_rows(file) -> list[tuple]:
    limits.check_xlsx(file)
    try:
        book = load_workbook(file, data_only=True)
    except Exception as error:  # noqa: BLE001 - a broken file may fail anywhere in the parser
        raise ValidationError(limits.NOT_XLSX) from error
    sheet = book.worksheets[0]
    if sheet.max_row > MAX_ROWS or sheet.max_column > 50:
        raise ValidationError(f"工作表超过 {MAX_ROWS} 行或 50 列，不像是一份指标体系。")
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    # Carry a merged cell's value down (and across) every cell it covers.
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(row=merged.min_row, column=merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                    rows[r - 1][c - 1] = value
    book.close()
    return [tuple(row) for row in rows]


def _points(raw, row: int, errors: list[str]) -> Decimal | None:
    text = _text(raw).removesuffix("分")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        errors.append(f"第{row}行：分值“{_text(raw)[:20]}”不是数字。")
        return None
    if not value.is_finite() or value < 0 or value > 1000:
        errors.append(f"第{row}行：分值须在 0 至 1000 之间。")
        return None
    return value


def _params(method: str, text: str, row: int, errors: list[str]) -> dict:
    text = text.strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except ValueError:
            errors.append(f"第{row}行：计分参数不是有效的 JSON。")
            return {}
        if not isinstance(value, dict):
            errors.append(f"第{row}行：计分参数须为键值对象。")
            return {}
        return value
    plain = text.replace("≥", ">=").replace("≤", "<=").replace("%", "").replace("％", "")
    if method == Method.THRESHOLD:
        match = re.fullmatch(r"(>=|<=)?\s*(-?\d+(\.\d+)?)", plain)
        if match:
            return {"threshold": float(match.group(2)), "direction": match.group(1) or ">="}
    elif method == Method.BANDED:
        bands = []
        for part in re.split(r"[;；,，]", plain):
            pieces = re.split(r"[:：→]", part.strip())
            if len(pieces) != 2:
                bands = []
                break
            try:
                bands.append([float(pieces[0]), float(pieces[1])])
            except ValueError:
                bands = []
                break
        if bands:
            return {"bands": bands}
    else:
        try:
            number = float(plain)
        except ValueError:
            number = None
        if number is not None:
            key = {
                Method.PROPORTIONAL: "full_at",
                Method.BONUS: "per",
                Method.PENALTY: "per",
                Method.VETO: "above",
            }.get(method)
            if key:
                return {key: number}
    errors.append(f"第{row}行：计分参数“{text[:30]}”看不懂。")
    return {}


def parse(file) -> Parsed:
    rows = _read_rows(file)
    header_at, columns = None, None
    for index, row in enumerate(rows[:20]):
        columns = _header_columns(row)
        if columns:
            header_at = index
            break
    if columns is None:
        raise ValidationError("找不到表头：须有“一级指标”“分值”等列。")
    errors: list[str] = []
    nodes: dict[tuple, Node] = {}
    order: list[Node] = []

    def cell(row, key):
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else None

    for index in range(header_at + 1, len(rows)):
        row, number = rows[index], index + 1
        names = [_text(row[i]) if i < len(row) else "" for i in columns["levels"]]
        if not any(names):
            if any(_text(value) for value in row):
                errors.append(f"第{number}行：没有指标名称。")
            continue
        depth = max(i for i, name in enumerate(names) if name) + 1
        missing = [i for i in range(depth) if not names[i]]
        if missing:
            errors.append(
                f"第{number}行：{LEVEL_NAMES[depth - 1]}级指标“{names[depth - 1]}”没有所属的"
                f"{LEVEL_NAMES[missing[-1]]}级指标。"
            )
            continue
        path = tuple(names[:depth])
        for level in range(1, depth):
            parent_path = path[:level]
            if parent_path not in nodes:
                nodes[parent_path] = Node(path=parent_path, row=number, method=Method.GROUP)
                order.append(nodes[parent_path])
                if level > 1:
                    nodes[parent_path[:-1]].children.append(nodes[parent_path])
        node = nodes.get(path)
        if node is None:
            node = Node(path=path, row=number)
            nodes[path] = node
            order.append(node)
            if depth > 1:
                nodes[path[:-1]].children.append(node)
        elif node.method != Method.GROUP or node.points is not None:
            if node.row != number:
                errors.append(f"第{number}行：指标“{node.name}”重复（第{node.row}行已有）。")
            continue
        node.row = number
        node.points = _points(cell(row, "points"), number, errors)
        node.criteria = _text(cell(row, "criteria"))[:5000]
        node.evidence = _text(cell(row, "evidence"))[:5000]
        method_text = _text(cell(row, "method"))
        if method_text not in METHOD_WORDS:
            errors.append(f"第{number}行：计分方式“{method_text[:20]}”不认识。")
            continue
        node.method = METHOD_WORDS[method_text] or (node.method or None)
        node.metric = _text(cell(row, "metric"))
        if node.metric and not scoring._metric_exists(node.metric):
            errors.append(f"第{number}行：数据指标“{node.metric[:40]}”不存在。")
        node.params = _params(node.method or "", _text(cell(row, "params")), number, errors)
    for node in order:
        if node.children:
            if node.method not in (None, Method.GROUP):
                errors.append(f"第{node.row}行：“{node.name}”有下级指标，不能设计分方式。")
            node.method = Method.GROUP
            continue
        node.method = node.method if node.method not in (None, Method.GROUP) else Method.MANUAL
        if node.points is None and node.method != Method.VETO:
            errors.append(f"第{node.row}行：指标“{node.name}”没有分值。")
        rule = scoring.rule_errors(
            method=node.method,
            metric=node.metric,
            params=node.params,
            points=node.points or 0,
            min_score=0,
        )
        for messages in rule.values():
            for message in messages:
                if "不存在" not in message:  # already named with its row above
                    errors.append(f"第{node.row}行：{message}")
    if not order and not errors:
        errors.append("表中没有指标。")
    return Parsed(nodes=[n for n in order if n.level == 1], errors=errors)


def preview(parsed: Parsed) -> list[dict]:
    """The tree as rows for the dry-run page."""
    rows = []

    def walk(nodes, prefix):
        for position, node in enumerate(nodes, start=1):
            number = f"{prefix}{position}"
            rows.append(
                {
                    "number": number,
                    "level": node.level,
                    "name": node.name,
                    "points": node.points,
                    "method": METHOD_LABEL.get(node.method, ""),
                    "metric": node.metric,
                    "row": node.row,
                }
            )
            walk(node.children, number + ".")

    walk(parsed.nodes, "")
    return rows


@transaction.atomic
def system_import(*, user, file, name: str, year: int, level: str, dry_run: bool):
    """Check the workbook; unless `dry_run`, write it as a new draft system.
    Returns (parsed, system or None); nothing is written when there are errors."""
    parsed = parse(file)
    if not parsed.ok or dry_run:
        return parsed, None
    system = system_create(user=user, name=name, year=year, level=level)

    def write(nodes, parent):
        for position, node in enumerate(nodes, start=1):
            indicator = Indicator(
                system=system,
                parent=parent,
                order=position,
                name=node.name[:300],
                points=node.points or 0,
                criteria=node.criteria,
                evidence_required=node.evidence,
                method=node.method,
                metric=node.metric,
                params=node.params,
            )
            indicator.full_clean()
            indicator.save()
            write(node.children, indicator)

    write(parsed.nodes, None)
    renumber(system)
    return parsed, system


def _depth(system: System) -> int:
    indicators = {i.pk: i for i in system.indicators.all()}
    depth = 1
    for indicator in indicators.values():
        level, current = 1, indicator
        while current.parent_id:
            level, current = level + 1, indicators[current.parent_id]
        depth = max(depth, level)
    return max(depth, 3)


def export(system: System) -> bytes:
    """The system as the county's workbook; importing it back gives the same tree."""
    depth = _depth(system)
    headers = ["序号", *[f"{LEVEL_NAMES[i]}级指标" for i in range(depth)]]
    headers += ["分值", "评分标准", "佐证材料", "计分方式", "数据指标", "计分参数"]
    indicators = list(system.indicators.order_by("order", "id"))
    children: dict = {}
    for indicator in indicators:
        children.setdefault(indicator.parent_id, []).append(indicator)
    rows = []

    def walk(parent_id, names):
        for indicator in children.get(parent_id, []):
            path = [*names, indicator.name]
            rows.append(
                [
                    indicator.number,
                    *path,
                    *[""] * (depth - len(path)),
                    indicator.points,
                    indicator.criteria,
                    indicator.evidence_required,
                    METHOD_LABEL.get(indicator.method, ""),
                    indicator.metric,
                    json.dumps(indicator.params, ensure_ascii=False) if indicator.params else "",
                ]
            )
            walk(indicator.pk, path)

    walk(None, [])
    title = f"{system.name}（{system.year}年度，第{system.edition}版）"
    return workbook_bytes(Layout(sheet="指标体系", headers=headers, title=title), rows)
