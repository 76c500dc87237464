import csv
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.regions.models import CODE_PATTERN, PREFIX_LENGTH, Level, Region, level_of_code

_LEVEL_WORDS = {
    "1": Level.PROVINCE,
    "省": Level.PROVINCE,
    "省级": Level.PROVINCE,
    "2": Level.CITY,
    "市": Level.CITY,
    "地级": Level.CITY,
    "3": Level.COUNTY,
    "县": Level.COUNTY,
    "县级": Level.COUNTY,
    "4": Level.TOWN,
    "乡": Level.TOWN,
    "镇": Level.TOWN,
    "乡级": Level.TOWN,
    "5": Level.VILLAGE,
    "村": Level.VILLAGE,
    "村级": Level.VILLAGE,
}


@dataclass
class RegionRow:
    line: int
    code: str
    name: str
    level: Level


class RegionImportError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _parse(lines) -> tuple[list[RegionRow], list[str]]:
    rows, problems, seen = [], [], set()
    reader = csv.reader(lines)
    for line_number, record in enumerate(reader, start=1):
        if not record or not "".join(record).strip():
            continue
        if line_number == 1 and not record[0].strip().isdigit():
            continue  # a header row
        if len(record) < 3:
            problems.append(f"第{line_number}行：应有 区划代码、名称、级别 三列。")
            continue
        code, name, level_word = (cell.strip() for cell in record[:3])
        if not CODE_PATTERN.match(code):
            problems.append(f"第{line_number}行：区划代码“{code}”应为12位数字。")
            continue
        if not name:
            problems.append(f"第{line_number}行：名称不能为空。")
            continue
        level = _LEVEL_WORDS.get(level_word)
        if level is None:
            problems.append(
                f"第{line_number}行：级别“{level_word}”无法识别（可填1-5或省、市、县、乡、村）。"
            )
            continue
        if level_of_code(code) != level:
            problems.append(
                f"第{line_number}行：区划代码 {code} 表示{Level(level_of_code(code)).label}，与级别“{level_word}”不符。"
            )
            continue
        if code in seen:
            problems.append(f"第{line_number}行：区划代码 {code} 重复。")
            continue
        seen.add(code)
        rows.append(RegionRow(line_number, code, name, level))
    return rows, problems


def regions_load(*, lines) -> int:
    """Load a division list (code, name, level). All rows or none."""
    rows, problems = _parse(lines)
    known = {region.code: region for region in Region.objects.all()}
    by_code = {row.code: row for row in rows}
    for row in rows:
        if row.level == Level.PROVINCE:
            continue
        candidates = [
            row.code[:n].ljust(12, "0") for n in (9, 6, 4, 2) if n < PREFIX_LENGTH[row.level]
        ]
        if not any(code in known or code in by_code for code in candidates):
            problems.append(f"第{row.line}行：找不到 {row.code} 的上级区划，请在文件中先列出上级。")
    if problems:
        raise RegionImportError(problems)
    with transaction.atomic():
        for row in sorted(rows, key=lambda r: r.level):
            parent = next(
                (
                    known[code]
                    for code in (row.code[:n].ljust(12, "0") for n in (9, 6, 4, 2))
                    if code in known and code != row.code and known[code].level < row.level
                ),
                None,
            )
            region = known.get(row.code) or Region(code=row.code)
            region.name, region.level, region.parent = row.name, row.level, parent
            try:
                region.full_clean()
            except ValidationError as error:
                raise RegionImportError(
                    [f"第{row.line}行：{message}" for message in error.messages]
                ) from None
            region.save()
            known[row.code] = region
    return len(rows)
