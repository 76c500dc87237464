"""Bounds and content checks for uploaded Office files (.docx, .xlsx), before
anything parses them.

An Office file is a zip of XML parts. A few kilobytes can expand to gigabytes
(an 80 KB .docx held five million paragraphs and pinned a worker at 1.5 GB),
a truncated or malformed archive makes python-docx and openpyxl raise, and a
part can carry macros or an embedded program under any name. So every upload
whose content Fazhi reads goes through `ooxml_check` first: it reads only
the zip directory and the small package parts ([Content_Types].xml and the
relationship parts), refuses what is too big, too many or too compressed, and
refuses active content judged by content types, relationship types and the
bytes of each part — never by part names alone. `docx_paragraphs_check` then
counts a Word file's paragraphs by streaming, before a full parse.

Every refusal is a `ValidationError` with a Chinese message naming the field
and the limit: a bad file is the uploader's error, never a server error.
"""

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from lxml import etree

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

MAX_MEMBERS = 1000
MAX_PART_BYTES = 64 * 1024 * 1024  # the sheet of a 60,000-row ledger fits
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024  # smaller parts may compress as well as they like
MAX_PACKAGE_PART_BYTES = 1024 * 1024  # [Content_Types].xml and each .rels part
MAX_PARAGRAPHS = 50_000

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
_MAIN_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX}
_OFFICE_DOCUMENT = "/officeDocument"

# Content types (lower case fragments) of parts that carry code or other programs.
_MACRO_TYPES: tuple[str, ...] = (
    "vbaproject",
    "vbadata",
    "macroenabled",
    "ms-excel.intl.macrosheet",
)
_MACRO_TYPES += ("ms-excel.macrosheet", "ms-word.keymapcustomizations", "ms-office.vbaproject")
_EMBEDDED_TYPES = ("oleobject", "activex")
# Relationship types (their last path segment, lower case).
_MACRO_RELATIONSHIPS = {"vbaproject", "wordvbadata", "keymapcustomizations", "xlmacrosheet"}
_MACRO_RELATIONSHIPS |= {"xlintlmacrosheet"}
_EMBEDDED_RELATIONSHIPS = {"oleobject", "package", "activexcontrol", "activexcontrolbinary"}
_EMBEDDED_RELATIONSHIPS |= {"control", "afchunk", "subdocument", "externallinkpath"}
_EXTERNAL_RELATIONSHIPS = {"attachedtemplate", "externallink", "frame", "oleobject"}
_EXTERNAL_RELATIONSHIPS |= {"subdocument", "externallinkpath", "package", "afchunk"}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Relationship:
    source: str
    type: str
    target: str
    external: bool

    @property
    def kind(self) -> str:
        return self.type.rstrip("/").rsplit("/", 1)[-1].lower()


@dataclass
class OfficePackage:
    """What `ooxml_check` learnt: the part names, their content types, the relationships."""

    content_type: str | None
    names: list[str]
    part_types: dict[str, str] = field(default_factory=dict)
    relationships: list[Relationship] = field(default_factory=list)


def _refuse(field_label: str, reason: str, code: str) -> ValidationError:
    return ValidationError(f"{field_label}：{reason}", code=code)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError("part larger than declared")
    return data


def _xml(data: bytes):
    return etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))


def _check_sizes(infos: list[zipfile.ZipInfo], field_label: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _refuse(
            field_label,
            f"文件内部包含 {len(infos)} 个部件，超过上限 {MAX_MEMBERS} 个，不予接收。",
            "too_many_parts",
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(field_label, "文件已加密，请去除密码后重新上传。", "encrypted")
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(
                field_label,
                f"文件内部部件 {info.filename[:60]} 解压后 {filesizeformat(info.file_size)}，"
                f"超过单个部件上限 {filesizeformat(MAX_PART_BYTES)}，不予接收。",
                "part_too_large",
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _refuse(
                field_label,
                f"文件内部部件 {info.filename[:60]} 的压缩比超过 {MAX_RATIO} 倍"
                "（疑似压缩炸弹），不予接收。",
                "compression_ratio",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(
            field_label,
            f"文件解压后共 {filesizeformat(total)}，超过上限 {filesizeformat(MAX_TOTAL_BYTES)}，"
            "不予接收。",
            "too_large_uncompressed",
        )


def _part_types(archive, infos) -> dict[str, str]:
    by_name = {info.filename: info for info in infos}
    info = by_name.get("[Content_Types].xml")
    if info is None:
        return {}
    root = _xml(_read_bounded(archive, info, MAX_PACKAGE_PART_BYTES))
    defaults = {
        element.get("Extension", "").lower(): element.get("ContentType", "")
        for element in root.iter(f"{_CT}Default")
    }
    overrides = {
        element.get("PartName", "").lstrip("/"): element.get("ContentType", "")
        for element in root.iter(f"{_CT}Override")
    }
    types = {}
    for name in by_name:
        extension = PurePosixPath(name).suffix.lstrip(".").lower()
        content_type = overrides.get(name) or defaults.get(extension)
        if content_type:
            types[name] = content_type.lower()
    # An override may name a part that is not there; keep it, it says what was meant.
    for name, content_type in overrides.items():
        types.setdefault(name, content_type.lower())
    return types


def _source_of(rels_name: str) -> str:
    path = PurePosixPath(rels_name)
    folder = path.parent.parent
    source = path.name.removesuffix(".rels")
    return str(folder / source).lstrip("./") if source else str(folder)


def _relationships(archive, infos) -> list[Relationship]:
    found = []
    for info in infos:
        if not info.filename.lower().endswith(".rels"):
            continue
        root = _xml(_read_bounded(archive, info, MAX_PACKAGE_PART_BYTES))
        for element in root.iter(f"{_REL}Relationship"):
            found.append(
                Relationship(
                    source=_source_of(info.filename),
                    type=element.get("Type", ""),
                    target=element.get("Target", ""),
                    external=element.get("TargetMode", "").lower() == "external",
                )
            )
    return found


def _main_type(package: OfficePackage) -> str | None:
    for relationship in package.relationships:
        if relationship.source in ("", ".") and relationship.type.endswith(_OFFICE_DOCUMENT):
            target = relationship.target.lstrip("/")
            declared = package.part_types.get(target, "")
            if declared in _MAIN_TYPES and target in package.names:
                return _MAIN_TYPES[declared]
    for name, mime in _MAIN_PARTS.items():
        if name in package.names:
            return mime
    return None


def _active_content(archive, infos, package: OfficePackage) -> tuple[str, str] | None:
    """(reason, code) of the first part that carries code, an object or an outside link."""
    macro = ("文件含有宏代码，出于安全考虑不予接收。", "macro")
    embedded = (
        "文件内嵌了其他对象（OLE 对象、ActiveX 控件或嵌入的文件），出于安全考虑不予接收；"
        "请删除嵌入对象，或另存为普通 .docx / .xlsx 后重新上传。",
        "embedded",
    )
    external = (
        "文件引用了外部模板或外部链接（打开时可能自动加载外部内容），出于安全考虑不予接收；"
        "请在 Word 或 WPS 中取消附加的模板、断开外部链接，另存为 .docx / .xlsx 后重新上传。",
        "external",
    )
    for content_type in package.part_types.values():
        if any(fragment in content_type for fragment in _MACRO_TYPES):
            return macro
        if any(fragment in content_type for fragment in _EMBEDDED_TYPES):
            return embedded
    for relationship in package.relationships:
        if relationship.kind in _MACRO_RELATIONSHIPS:
            return macro
        if relationship.external and relationship.kind in _EXTERNAL_RELATIONSHIPS:
            return external
        if relationship.kind in _EMBEDDED_RELATIONSHIPS:
            return embedded
    for info in infos:
        lowered = info.filename.lower()
        if lowered.endswith("vbaproject.bin") or lowered.endswith("vbadata.xml"):
            return macro
        if "/embeddings/" in f"/{lowered}" or "/activex/" in f"/{lowered}":
            return embedded
        if info.file_size >= len(_OLE_SIGNATURE):
            with archive.open(info) as handle:
                if handle.read(len(_OLE_SIGNATURE)) == _OLE_SIGNATURE:
                    return embedded
    return None


_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    NotImplementedError,
    RuntimeError,
    UnicodeDecodeError,
    etree.XMLSyntaxError,
)


def ooxml_check(upload, *, field_label: str = "文件", expected: str | None = None) -> OfficePackage:
    """Check an uploaded .docx/.xlsx (a file object or bytes) before any parser reads it.

    Refuses, with a Chinese message naming the limit: a broken or encrypted
    archive, more than MAX_MEMBERS parts, a part above MAX_PART_BYTES
    uncompressed, more than MAX_TOTAL_BYTES in all, a part compressed more
    than MAX_RATIO times, macros, embedded objects and external templates or
    links; and, when `expected` (DOCX or XLSX) is given, any other kind of file.
    """
    from io import BytesIO

    source = BytesIO(upload) if isinstance(upload, bytes | bytearray) else upload
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            _check_sizes(infos, field_label)
            package = OfficePackage(
                content_type=None,
                names=[info.filename for info in infos],
                part_types=_part_types(archive, infos),
                relationships=_relationships(archive, infos),
            )
            package.content_type = _main_type(package)
            refused = _active_content(archive, infos, package)
    except ValidationError:
        raise
    except _BROKEN as error:
        raise _refuse(
            field_label,
            "文件已损坏或不是有效的 Office 文件（.docx / .xlsx），无法读取。"
            "请用 Word、WPS 或 Excel 重新另存后上传。",
            "broken",
        ) from error
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    if refused:
        raise _refuse(field_label, *refused)
    if expected is not None and package.content_type != expected:
        what = "Word（.docx）" if expected == DOCX else "Excel（.xlsx）"
        raise _refuse(field_label, f"文件不是{what}文件。", "type")
    return package


def _paragraphs_in(data_stream, limit: int, counted: int) -> int:
    for _event, element in etree.iterparse(
        data_stream, events=("end",), tag=f"{_W}p", **_PARSER_OPTIONS
    ):
        counted += 1
        if counted > limit:
            return counted
        element.clear(keep_tail=False)
    return counted


def docx_paragraphs_check(upload, *, field_label: str = "文件", limit: int = MAX_PARAGRAPHS) -> int:
    """The number of paragraphs in a .docx (body, headers, footers, notes), streamed.

    Call after `ooxml_check`; refuses more than `limit` paragraphs.
    """
    from io import BytesIO

    source = BytesIO(upload) if isinstance(upload, bytes | bytearray) else upload
    if hasattr(source, "seek"):
        source.seek(0)
    counted = 0
    try:
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                if not info.filename.startswith("word/") or not info.filename.endswith(".xml"):
                    continue
                with archive.open(info) as handle:
                    counted = _paragraphs_in(handle, limit, counted)
                if counted > limit:
                    raise _refuse(
                        field_label,
                        f"文件段落数超过上限 {limit} 段，不予接收。",
                        "too_many_paragraphs",
                    )
    except ValidationError:
        raise
    except _BROKEN as error:
        raise _refuse(
            field_label,
            "文件内容已损坏（XML 无法解析），无法读取。请用 Word 或 WPS 重新另存后上传。",
            "broken",
        ) from error
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    return counted
