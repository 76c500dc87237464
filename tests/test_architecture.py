"""Structural rules of the code base, checked by reading the source with `ast`.

Issue 11 (the kernel) wants a few rules that reviews kept missing: region codes
are read through `fazhi.regions.codes`, not sliced by hand in every app. A rule
that is only written down is broken by the next capability, so it is a test.
"""

import ast
from pathlib import Path

FAZHI = Path(__file__).resolve().parent.parent / "fazhi"

# Apps allowed to know the layout of a region code.
CODE_LAYOUT_OWNERS = {"core", "regions"}
# Digit counts of a county prefix, a town prefix and a whole code.
CODE_LENGTHS = {6, 9, 12}
CODE_WORDS = ("code", "prefix")


def _source_files(*, skip_apps=frozenset()):
    for path in sorted(FAZHI.rglob("*.py")):
        parts = path.relative_to(FAZHI).parts
        if "tests" in parts or "migrations" in parts:
            continue
        if len(parts) > 1 and parts[0] in skip_apps:
            continue
        yield path


def _names_code(node) -> bool:
    """Whether an expression is a name or attribute about a region code or prefix."""
    if isinstance(node, ast.Name):
        return any(word in node.id.lower() for word in CODE_WORDS)
    if isinstance(node, ast.Attribute):
        return any(word in node.attr.lower() for word in CODE_WORDS)
    return False


def code_slices(tree: ast.AST) -> list[int]:
    """Line numbers where a code or prefix is cut by hand.

    That is `x.code[:9]`, `prefix[:6]`, `code[:12]` (a slice with a constant
    upper bound of 6, 9 or 12), and `….ljust(12, "0")`, which rebuilds a code
    from a prefix.
    """
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Slice)
            and isinstance(node.slice.upper, ast.Constant)
            and node.slice.upper.value in CODE_LENGTHS
            and _names_code(node.value)
        ) or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "ljust"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == 12
        ):
            lines.append(node.lineno)
    return lines


def test_the_slicing_check_finds_hand_cut_codes():
    found = code_slices(
        ast.parse(
            "a = region.code[:9]\n"
            "b = prefix[:6]\n"
            "c = row.code[:9].ljust(12, '0')\n"
            "d = words[:12]\n"
            "e = region.code[:n]\n"
        )
    )
    assert found == [1, 2, 3, 3]


def test_no_module_outside_core_and_regions_slices_region_codes():
    offenders = [
        f"{path.relative_to(FAZHI.parent)}:{line}"
        for path in _source_files(skip_apps=CODE_LAYOUT_OWNERS)
        for line in code_slices(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == [], "use fazhi.regions.codes instead of slicing: " + ", ".join(offenders)
