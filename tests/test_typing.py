"""The type check's configuration: every compiled module is held to mypy's strict options.

mypyc compiles the modules setup.py lists and trusts their annotations at run time, so a
module added to that list must be added to the strict override in pyproject.toml too
(and one taken off it, taken off there).
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STRICT_OPTIONS = (
    "disallow_any_generics",
    "disallow_subclassing_any",
    "disallow_untyped_calls",
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "check_untyped_defs",
    "disallow_untyped_decorators",
    "warn_return_any",
    "no_implicit_reexport",
    "extra_checks",
)
"""mypy's ``--strict`` less its global-only options (set globally in pyproject.toml)."""


def compiled_modules() -> set[str]:
    """The dotted names of the modules in setup.py's COMPILED_MODULES."""
    paths = re.findall(r'"src/(byline/[^"]+)\.py"', (ROOT / "setup.py").read_text())
    return {path.removesuffix("/__init__").replace("/", ".") for path in paths}


def mypy_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def test_every_compiled_module_is_checked_strictly():
    strict = [
        override
        for override in mypy_config()["overrides"]
        if all(override.get(option) is True for option in STRICT_OPTIONS)
    ]
    assert len(strict) == 1
    assert set(strict[0]["module"]) == compiled_modules()


def test_generic_classes_of_compiled_modules_are_python_classes():
    """mypyc 1.19 builds a generic native dataclass that fails at import ("attribute
    '__dict__' of 'type' objects is not writable"), which only the compiled build shows: a
    generic class in a compiled module must be marked ``@mypyc_attr(native_class=False)``.
    """
    generic = []
    for path in re.findall(r'"(src/byline/[^"]+\.py)"', (ROOT / "setup.py").read_text()):
        for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Subscript) and ast.unparse(base.value) == "Generic"
                for base in node.bases
            ):
                marked = any(
                    "mypyc_attr" in ast.unparse(d) and "native_class=False" in ast.unparse(d)
                    for d in node.decorator_list
                )
                generic.append((path, node.name, marked))
    assert generic, "no generic class found: the check reads the wrong files"
    assert [(path, name) for path, name, marked in generic if not marked] == []
