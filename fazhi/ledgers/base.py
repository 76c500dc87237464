"""Ledger definitions: columns, how cells are read and written, the registry
(see the package docstring for how a capability declares its ledger)."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from fazhi.personal import mask_id_number
from fazhi.regions.models import Region


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
        return {normalise_header(name) for name in (self.header, *self.aliases)}

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
        try:
            number = Decimal(str(raw).strip().replace(",", ""))
        except InvalidOperation:
            raise CellError(f"「{raw}」不是数字") from None
        if number != int(number) or number < 0:
            raise CellError(f"「{raw}」应为非负整数")
        return int(number)

    def _read_decimal(self, raw):
        try:
            return Decimal(str(raw).strip().replace(",", ""))
        except InvalidOperation:
            raise CellError(f"「{raw}」不是数字") from None

    def _read_date(self, raw):
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = str(raw).strip()
        match = DATE_PATTERN.match(text)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
        raise CellError(f"日期「{text}」无法识别，应写成 2020-03-05 或 2020年3月5日")

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
        labels = "、".join(label for _, label in self.choices)
        raise CellError(f"「{text}」不是可选值（可选：{labels}）")

    def _read_village(self, raw, villages: "VillageLookup"):
        return villages.find(str(raw).strip())

    def _read_villages(self, raw, villages: "VillageLookup"):
        names = [name for name in re.split(r"[、,，;；\s]+", str(raw).strip()) if name]
        return [villages.find(name) for name in names]


_EMPTY = {
    "int": None,
    "decimal": None,
    "date": None,
    "bool": False,
    "village": None,
    "villages": [],
}
DATE_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s.*)?$")
TRUE_WORDS = {"是", "有", "y", "yes", "true", "1", "√"}
FALSE_WORDS = {"否", "无", "n", "no", "false", "0", "×"}


def normalise_header(text) -> str:
    text = str(text or "")
    for wide, narrow in (("（", "("), ("）", ")"), ("：", ""), (":", "")):
        text = text.replace(wide, narrow)
    return re.sub(r"\s+", "", text).lower()


class VillageLookup:
    """Regions under the import's region, found by name or 12-digit code."""

    def __init__(self, region):
        self.region = region
        self._by_key = {}
        for found in Region.objects.under(region.prefix):
            self._by_key[found.code] = found
            self._by_key.setdefault(found.name, found)

    def find(self, text: str):
        found = self._by_key.get(text)
        if found is None:
            raise CellError(f"「{text}」不是{self.region.name}辖区内的村（社区）")
        return found


class Ledger:
    """One ledger; subclass, set the attributes, register with @register_ledger."""

    key: str = ""
    title: str = ""
    capability: str = ""
    model = None
    columns: list[Column] = []
    natural_key: tuple[str, ...] = ()
    region_field = "region"  # the field that places a row in the import's region
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
