"""The import graph of byline: data flows one way, so no module imports one that imports it.

Read from the source with ``ast`` (nothing is imported): every ``import`` and ``from ...
import`` of a byline module, at module level or inside a function or a ``TYPE_CHECKING``
block; ``from package import module`` is an import of that module.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).parent.parent / "src"

KNOWN_FUNCTION_IMPORTS: frozenset[tuple[str, str]] = frozenset(
    # Deferred for start-up time, not to cut a cycle: ``byline extract`` should not load
    # pyarrow, rich or uvicorn.
    {
        ("byline.cli", "byline.pipeline"),
        ("byline.cli", "byline.pipeline.crawl"),
        ("byline.cli", "byline.pipeline.journal"),
        ("byline.pipeline", "byline.pipeline.runner"),
        ("byline.pipeline.engines", "byline.pipeline.readers"),
        ("byline.web.command", "byline.web.app"),
    }
)
"""Function-level imports of byline modules, each known and explained (the list is exact,
so that it shrinks when one goes)."""


def _modules() -> dict[str, Path]:
    modules = {}
    for path in (SRC / "byline").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def import_graph() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """Each byline module -> the byline modules it imports; and the (importer, imported)
    pairs of imports made inside a function."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    in_functions: set[tuple[str, str]] = set()
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node, in_function in _imports(ast.parse(path.read_text()), False):
            for target in _targets(node, package):
                if target in modules and target != name:
                    graph[name].add(target)
                    if in_function:
                        in_functions.add((name, target))
    return graph, in_functions


def _imports(tree: ast.AST, in_function: bool):  # type: ignore[no-untyped-def]
    for child in ast.iter_child_nodes(tree):
        inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, inside
        yield from _imports(child, inside)


def _targets(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*parts, base] if base else parts)
    modules = _modules()
    submodules = [f"{base}.{alias.name}" for alias in node.names]
    found = [m for m in submodules if m in modules]
    # names that are not modules come from the module ``base`` itself
    return found + ([base] if len(found) < len(submodules) else [])


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                top = stack.pop()
                component.add(top)
                if top == module:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_import_graph_has_no_cycle() -> None:
    graph, _ = import_graph()
    assert cycles(graph) == []


def test_no_byline_module_is_imported_inside_a_function_but_the_known_ones() -> None:
    _, in_functions = import_graph()
    assert in_functions == KNOWN_FUNCTION_IMPORTS


def test_the_dom_parts_and_the_structured_sources_stand_on_the_page_index() -> None:
    """Below the sources: the page index and the places; the structured sources do not
    import the DOM source, and no part of the DOM source imports it."""
    graph, _ = import_graph()
    for module in ("_common", "_schemaorg", "jsonld", "microdata", "dom_authors", "dom_dates"):
        assert "byline.sources.dom" not in graph[f"byline.sources.{module}"], module
    assert graph["byline.sources._page"] <= {"byline.document", "byline.lexicon"}
    assert graph["byline.sources._places"] <= {"byline.document", "byline.sources._page"}
    assert graph["byline.lexicon"] == set()


def test_the_check_finds_a_cycle_and_a_function_level_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]
    tree = ast.parse("import os\ndef f():\n    from byline import dates\n")
    assert [inside for _, inside in _imports(tree, False)] == [False, True]


def test_the_readme_module_table_names_every_module() -> None:
    """The layout is the architecture: README's table under "How it works" names every
    module, each by its path under ``src/byline``."""
    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    named = {name for row in rows for name in re.findall(r"`([\w/]+\.py)`", row.split(" | ")[0])}
    modules = {str(path.relative_to(SRC / "byline")) for path in (SRC / "byline").rglob("*.py")}
    assert modules - named == set(), "modules missing from the README's table"
    assert named - modules == set(), "the README's table names modules that do not exist"
