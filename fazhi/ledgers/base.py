"""Ledger definitions: columns, how cells are read and written, the registry
(see the package docstring for how a capability declares its ledger).

The cells are read as offices type them, not only as our own export writes
them: dates dotted, slashed, dashed, in 年月日, as 20200501 or as Excel dates;
counts with a unit (200人); a village as 七龙社区 or 七龙社区居委会; a choice by
its label or a part of it (专题讲座 for 专题讲座/培训). What cannot be read
exactly (200余, 约200, 二百, 2020-02-30) is refused, never guessed.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from fazhi.ledgers.bulk import (
    Plan,
    changed_fields,
    clean_in_memory,
    existing_by_key,
    row_key,
)
from fazhi.personal import mask_id_number


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in Chinese."""


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"  # text, int, decimal, date, bool, choice, village, villages
    aliases: tuple[str, ...] = ()
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) as in Django choices
    width: int = 16
    id_numbers: bool = False  # ID numbers: the import preview shows them masked

    def names(self) -> set[str]:
        """Every header this column is known by: its own, its aliases, the shared ones."""
        shared = SHARED_ALIASES.get(self.field, ())
        return {normalise_header(name) for name in (self.header, *self.aliases, *shared)}

    @property
    def known_as(self) -> list[str]:
        """The other names of the column, its own and the shared ones, for the import page."""
        names = dict.fromkeys((*self.aliases, *SHARED_ALIASES.get(self.field, ())))
        names.pop(self.header, None)
        return list(names)

    def preview(self, raw):
        """The cell as the import preview shows it."""
        if self.id_numbers and raw:
            parts = re.split(r"([、,，;；\s]+)", str(raw))
            return "".join(part if i % 2 else mask_id_number(part) for i, part in enumerate(parts))
        return raw

    def to_cell(self, value):
        if value is None:
            return ""
        if self.kind == "village":
            return value.name
        if self.kind == "villages":
            return "、".join(region.name for region in value.all())
        if self.kind == "choice":
            return dict(self.choices).get(value, value)
        if self.kind == "bool":
            return "是" if value else "否"
        if self.kind == "decimal":
            return float(value)
        return value

    def parse(self, raw, *, villages: "VillageLookup"):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise CellError("不能为空")
            return _EMPTY.get(self.kind, "")
        reader = getattr(self, f"_read_{self.kind}")
        return reader(raw, villages) if self.kind.startswith("village") else reader(raw)

    def _read_text(self, raw):
        if isinstance(raw, float) and raw == int(raw):
            raw = int(raw)
        return str(raw).strip()

    def _read_int(self, raw):
        number = _number(raw)
        if number != int(number) or number < 0:
            raise CellError(f"「{raw}」应为非负整数")
        return int(number)

    def _read_decimal(self, raw):
        return _number(raw)

    def _read_date(self, raw):
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        if (
            isinstance(raw, (int, float))
            and not isinstance(raw, bool)
            and raw == int(raw)
            and EXCEL_SERIALS[0] <= raw <= EXCEL_SERIALS[1]
        ):
            return EXCEL_EPOCH + timedelta(days=int(raw))  # a date cell saved as a number
        text = str(raw).strip()
        if isinstance(raw, float) and raw == int(raw):
            text = str(int(raw))
        match = DATE_PATTERN.match(text) or COMPACT_DATE.match(text)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                raise CellError(f"日期「{text}」无法识别：没有这一天（月或日超出范围）") from None
        raise CellError(
            f"日期「{text}」无法识别，应写成 2020-03-05、2020.3.5、2020/3/5、2020年3月5日或 20200305"
        )

    def _read_bool(self, raw):
        text = str(raw).strip().lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        raise CellError(f"「{raw}」应填“是”或“否”")

    def _read_choice(self, raw):
        text = str(raw).strip()
        for value, label in self.choices:
            if text in (value, label):
                return value
        key = normalise_header(text)
        # 专题讲座 for 专题讲座/培训, 讲座培训 for it too: one label only, else ask
        found = {
            value
            for value, label in self.choices
            if key and (key in normalise_header(label).split("/") or key == _bare(label))
        }
        if len(found) == 1:
            return found.pop()
        labels = "、".join(label for _, label in self.choices)
        raise CellError(f"「{text}」不是可选值（可选：{labels}）")

    def _read_village(self, raw, villages: "VillageLookup"):
        return villages.find(str(raw).strip())

    def _read_villages(self, raw, villages: "VillageLookup"):
        names = [name for name in re.split(r"[、,，;；\s]+", str(raw).strip()) if name]
        return [villages.find(name) for name in names]


def _number(raw) -> Decimal:
    """A number as typed: 1,200 and 200人 are read; 200余, 约200 and 二百 are refused."""
    if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = str(raw).strip().replace(",", "").replace("，", "")
    text = NUMBER_UNITS.sub("", text)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"「{raw}」不是确切的数字，请只填阿拉伯数字（如 200）") from None
    if not number.is_finite():
        raise CellError(f"「{raw}」不是确切的数字，请只填阿拉伯数字（如 200）")
    return number


def _bare(label: str) -> str:
    return re.sub(r"[/、()]", "", normalise_header(label))


_EMPTY: dict[str, object] = {
    "int": None,
    "decimal": None,
    "date": None,
    "bool": False,
    "village": None,
    "villages": [],
}
DATE_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s.*)?$")
COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20200501
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = (20000, 80000)  # 1954 to 2119: a date column's number is an Excel date
NUMBER_UNITS = re.compile(r"\s*(人次|人|份|册|个|次|户|元|小时|天)$")
TRUE_WORDS = {"是", "有", "y", "yes", "true", "1", "√"}
FALSE_WORDS = {"否", "无", "n", "no", "false", "0", "×"}


# Headers every ledger knows a field by, whatever the capability, on top of the
# column's own aliases: the wording offices use in the ledgers they already keep.
SHARED_ALIASES: dict[str, tuple[str, ...]] = {
    "region": (
        "村（社区）", "村(社区)", "村（居）", "村居", "村社区", "村", "村名", "所在村",
        "所属村", "所在村（社区）", "所属村（社区）", "村（社区）名称",
    ),
    "date": ("日期", "时间", "开展时间", "开展日期", "活动时间", "活动日期"),
    "place": ("地点", "活动地点", "开展地点", "宣传地点", "场所"),
    "name": ("姓名",),
    "person_times": (
        "受教人次", "受教人数", "参与人数", "参与人次", "参加人数", "受众人数", "受众人次", "人数",
        "人次", "受教育人数",
    ),
    "materials": ("发放资料", "发放资料数", "资料份数", "宣传资料", "发放宣传资料"),
}  # fmt: skip


def normalise_header(text) -> str:
    text = str(text or "")
    for wide, narrow in (("（", "("), ("）", ")"), ("：", ""), (":", "")):
        text = text.replace(wide, narrow)
    return re.sub(r"\s+", "", text).lower()


VILLAGE_SUFFIXES = re.compile(r"(村民委员会|居民委员会|村委会|居委会|村委|居委)$")
VILLAGE_KINDS = re.compile(r"(社区|村)$")
TOWN_KINDS = re.compile(r"(镇|乡|街道|县|区)$")


class VillageLookup:
    """Regions under the import's region, found by name or 12-digit code, or
    named in a place (七龙社区村委会, 七龙村文化广场)."""

    def __init__(self, region):
        self.region = region
        self._by_key = {}
        self._villages = []
        # The region's own manager: the ledgers package stays below `regions`.
        for found in type(region).objects.under(region.prefix):
            self._by_key[found.code] = found
            self._by_key.setdefault(found.name, found)
            if found.pk != region.pk:
                self._villages.append(found)

    def find(self, text: str):
        found = self._by_key.get(text)
        if found is None:
            bare = VILLAGE_SUFFIXES.sub("", text)
            found = self._by_key.get(bare) or self._by_key.get(bare + "村")
        if found is None:
            raise CellError(f"「{text}」不是{self.region.name}辖区内的村（社区）")
        return found

    def named_in(self, text):
        """The one village the text names: by its full name (七龙社区文化广场), or
        by its name without 村/社区 followed by a village word (七龙村委会), the
        import region's own name taken out first (黄水镇集镇 names no 黄水社区)."""
        text = str(text or "")
        found = {r for r in self._villages if text and r.name in text}
        if not found:
            for own in {self.region.name, TOWN_KINDS.sub("", self.region.name)}:
                text = text.replace(own, "") if len(own) >= 2 else text
            found = {
                r
                for r in self._villages
                if len(bare := VILLAGE_KINDS.sub("", r.name)) >= 2
                and re.search(re.escape(bare) + r"(村|社区|居)", text)
            }
        if not found:
            return None
        longest = max(len(r.name) for r in found)
        found = {r for r in found if len(r.name) == longest}
        return found.pop() if len(found) == 1 else None


class Ledger:
    """One ledger; subclass, set the attributes, register with @register_ledger."""

    key: str = ""
    title: str = ""
    capability: str = ""
    model: Any  # the model of its records (every ledger names one)
    columns: list[Column] = []
    natural_key: tuple[str, ...] = ()
    region_field = "region"  # the field that places a row in the import's region
    # Columns whose text may name a village: with no region column in the sheet,
    # a row whose place names one of the import region's villages goes to it.
    place_fields: tuple[str, ...] = ()
    importable = True  # False: export only (the capability's own workbook, see `workbook`)

    def queryset(self, region, period):
        raise NotImplementedError

    def records(self, *, user, region, period):
        queryset = self.queryset(region, period)
        return queryset.for_user(user) if hasattr(queryset, "for_user") else queryset

    def workbook(self, records, *, title: str) -> bytes | None:
        """The capability's own workbook, if it has one; None for the standard layout."""
        return None

    def row(self, record) -> list:
        return [column.to_cell(getattr(record, column.field)) for column in self.columns]

    def error_messages(self, error: ValidationError) -> list[str]:
        """A model's ValidationError as row errors, each naming its column."""
        headers = {column.field: column.header for column in self.columns}
        if not hasattr(error, "error_dict"):
            return list(error.messages)
        messages = []
        for name, errors in error.message_dict.items():
            label = headers.get(name, "")
            for message in errors:
                messages.append(f"「{label}」列：{message}" if label else message)
        return messages

    def existing(self, region):
        """The records an imported row may match (by `natural_key`)."""
        queryset = self.model.objects.all()
        return queryset.in_region(region) if hasattr(queryset, "in_region") else queryset

    def plan(self, rows: list, *, user, region) -> Plan | None:
        """Check every row in memory and say what to write (see `fazhi.ledgers.bulk`):
        each row gets its `action` or its `errors`. None: this ledger saves row by
        row through `save` (a subclass that overrides `save` and not `plan`)."""
        if type(self).save is not Ledger.save:
            return None
        return self.plan_by_natural_key(rows, region=region)

    def plan_by_natural_key(self, rows: list, *, region, prepared=None) -> Plan:
        """The plan of `save`'s rule for every row at once: a row whose natural key
        matches a record updates its changed fields, any other row is a new record.
        `prepared` maps a row to the values to store (default: the row's values)."""
        plan = Plan(self.model)
        values_of = {id(row): (prepared(row) if prepared else row.values) for row in rows}
        good = [values for values in values_of.values() if values is not None]
        existing = existing_by_key(self.existing(region), self.natural_key, good)
        for row in rows:
            values = values_of[id(row)]
            if values is None:  # the row's error is already on it
                continue
            record = existing.get(row_key(values, self.natural_key))
            row.record = record
            try:
                if record is None:
                    record = row.record = self.model(**values)
                    clean_in_memory(record)
                    plan.create.append(record)
                    row.action = "created"
                    continue
                changed = changed_fields(record, values)
                if not changed:
                    row.action = "unchanged"
                    continue
                for name in changed:
                    setattr(record, name, values[name])
                clean_in_memory(record)
                plan.update.append((record, changed))
                row.action = "updated"
            except ValidationError as error:
                row.errors += self.error_messages(error)
        return plan

    def save(self, values: dict, *, user, region) -> str:
        """Create or update the record of one row: "created", "updated" or "unchanged"."""
        lookup = {name: values[name] for name in self.natural_key}
        queryset = self.model.objects.all()
        if hasattr(queryset, "in_region"):
            queryset = queryset.in_region(region)
        record = queryset.filter(**lookup).first()
        if record is None:
            record = self.model(**values)
            record.full_clean()
            record.save()
            return "created"
        changed = {k: v for k, v in values.items() if getattr(record, k) != v}
        if not changed:
            return "unchanged"
        for name, value in changed.items():
            setattr(record, name, value)
        record.full_clean()
        record.save()
        return "updated"


_LEDGERS: dict[str, Ledger] = {}


def register_ledger(cls: type[Ledger]) -> type[Ledger]:
    if not cls.key or not cls.title:
        raise ValueError("a ledger needs a key and a title")
    _LEDGERS[cls.key] = cls()
    return cls


def unregister_ledger(key: str) -> None:
    _LEDGERS.pop(key, None)


def ledgers() -> list[Ledger]:
    return sorted(_LEDGERS.values(), key=lambda ledger: ledger.key)


def get_ledger(key: str) -> Ledger | None:
    return _LEDGERS.get(key)
