"""Structural rules of the code base, checked by reading the source with `ast`.

Issue 11 (the kernel) wants a few rules that reviews kept missing: region codes
are read through `fazhi.regions.codes`, not sliced by hand in every app, and
apps do not import each other in circles (capability apps stand side by side).
A rule that is only written down is broken by the next capability, so it is a
test.
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


# --- import cycles between apps ---------------------------------------------


def _imported_modules(tree: ast.AST) -> list[str]:
    """Absolute module names a module imports, at module level and inside functions."""
    modules = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "fazhi":  # from fazhi import cases
                modules += [f"fazhi.{alias.name}" for alias in node.names]
            else:
                modules.append(node.module)
    return modules


def app_import_graph() -> dict[str, set[str]]:
    """Edge A → B when a module of app A (fazhi/A/…) imports fazhi.B…

    Relative imports stay inside their app and so add no edge.
    """
    apps = {path.name for path in FAZHI.iterdir() if (path / "__init__.py").exists()}
    graph: dict[str, set[str]] = {app: set() for app in apps}
    for path in _source_files():
        parts = path.relative_to(FAZHI).parts
        if len(parts) < 2:  # fazhi/settings.py, fazhi/urls.py: the project, not an app
            continue
        app = parts[0]
        for module in _imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            names = module.split(".")
            if names[0] == "fazhi" and len(names) > 1 and names[1] in apps and names[1] != app:
                graph[app].add(names[1])
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> dict[str, list[str]]:
    """Dict of node → path from `start`, for every node reachable from `start`."""
    paths = {start: [start]}
    todo = [start]
    while todo:
        node = todo.pop()
        for target in sorted(graph.get(node, ())):
            if target not in paths:
                paths[target] = [*paths[node], target]
                todo.append(target)
    return paths


def cyclic_edges(graph: dict[str, set[str]]) -> dict[tuple[str, str], list[str]]:
    """Every edge that lies on a cycle, with one cycle through it (A → B → … → A)."""
    found = {}
    for source, targets in graph.items():
        for target in targets:
            back = _reachable(graph, target).get(source)
            if back is not None:
                found[(source, target)] = [source, *back]
    return found


def test_the_cycle_finder_finds_a_cycle_and_only_its_edges():
    graph = {
        "cases": {"accounts", "legal"},
        "legal": {"reports"},
        "reports": {"cases"},
        "accounts": set(),
    }
    found = cyclic_edges(graph)
    assert set(found) == {("cases", "legal"), ("legal", "reports"), ("reports", "cases")}
    assert found[("cases", "legal")] == ["cases", "legal", "reports", "cases"]
    assert cyclic_edges({"cases": {"accounts"}, "accounts": set()}) == {}


def test_the_import_graph_sees_imports_inside_functions():
    tree = ast.parse(
        "def f():\n    from fazhi.legal.models import Advisor\n    import fazhi.cases\n"
    )
    assert _imported_modules(tree) == ["fazhi.legal.models", "fazhi.cases"]


def test_apps_import_each_other_in_no_cycle():
    cycles = sorted(" → ".join(cycle) for cycle in cyclic_edges(app_import_graph()).values())
    assert cycles == [], f"import cycles between apps: {cycles}"


def test_the_kernel_imports_no_app():
    """`fazhi/core` sits under everything: it discovers the apps, never names one."""
    assert app_import_graph()["core"] == set()


CAPABILITY_APPS = (
    "legal",
    "cases",
    "disputes",
    "publicity",
    "tasks",
    "assessment",
    "disclosure",
    "villagelaw",
)


def test_capability_apps_import_no_other_capability_app():
    graph = app_import_graph()
    crossing = {app: graph[app] & set(CAPABILITY_APPS) - {app} for app in CAPABILITY_APPS}
    assert {app: found for app, found in crossing.items() if found} == {}


def test_the_shared_apps_name_no_capability_app():
    """The dashboard, reports, ledgers, metrics, deadlines, demo and notices read the
    capability registry (fazhi/core/capabilities.py) instead of naming an app."""
    graph = app_import_graph()
    shared = ("dashboard", "reports", "ledgers", "metrics", "deadlines", "demo", "core", "notices")
    naming = {app: graph[app] & set(CAPABILITY_APPS) for app in shared}
    assert {app: found for app, found in naming.items() if found} == {}
