"""The declared shape of a final report's frozen copy (`Report.snapshot`).

Finalising stores `Snapshot(content, document).to_dict()`: what the records
said (`Content`) and what the report said (`Document`) at that moment, with
the schema version. `Snapshot.from_dict` reads a stored copy back and checks
every field, so a copy that does not have the declared shape fails loudly
(`SchemaError`, naming the field) instead of printing a broken report.

Version history:
- 1: the first declared schema. Copies stored before it was declared carry no
  "schema" key; they have exactly this shape and are read as version 1.
"""

from dataclasses import dataclass
from typing import Any

from fazhi.reports.types import Content, Document, SchemaError

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Snapshot:
    content: Content
    document: Document
    schema: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "content": self.content.to_dict(),
            "document": self.document.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: object) -> "Snapshot":
        if not isinstance(data, dict):
            raise SchemaError(f"snapshot: expected an object, got {type(data).__name__}")
        schema = data.get("schema", 1)  # copies from before the schema was declared
        if schema != SCHEMA_VERSION:
            raise SchemaError(f"snapshot.schema: unknown version {schema!r}")
        return cls(
            content=Content.from_dict(data.get("content"), "snapshot.content"),
            document=Document.from_dict(data.get("document"), "snapshot.document"),
        )
