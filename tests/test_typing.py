"""The type check's configuration: every compiled module is held to mypy's strict options.

mypyc compiles the modules setup.py lists and trusts their annotations at run time, so a
module added to that list must be added to the strict override in pyproject.toml too
(and one taken off it, taken off there).
"""

from __future__ import annotations

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
