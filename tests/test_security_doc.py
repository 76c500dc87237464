"""docs/security.md names the test that proves each control: every name must exist,
so that a renamed or deleted test cannot leave a control documented but unproven."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"`((?:fazhi|tests)/[\w/]*test_\w+\.py)::(\w+)`")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_test_the_security_document_cites_exists():
    citations = CITATION.findall((ROOT / "docs" / "security.md").read_text())
    assert len(citations) > 50
    missing = [
        f"{path}::{name}"
        for path, name in citations
        if not (ROOT / path).is_file() or name not in _test_names(ROOT / path)
    ]
    assert missing == []


def test_the_deploy_guide_does_not_back_up_with_dumpdata():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for line in doc.read_text().splitlines():
            if "dumpdata" in line:
                assert "不要" in line or "明文" in line, f"{doc.name}: {line}"
