"""Build: the extraction modules compiled to C with mypyc, else pure Python.

Everything else about the package is in ``pyproject.toml``. mypyc turns the type-hinted
modules of the per-page path into C extensions (the same source, no separate code base):
about a fifth less time per page. The ``.py`` files stay in the package and are used
wherever the compiled modules are not.

- ``pip install .`` (a wheel) compiles, unless ``BYLINE_COMPILE=0``.
- ``pip install -e .`` (editable, for development) does not, unless ``BYLINE_COMPILE=1``:
  a compiled module would shadow the ``.py`` beside it, and edits would not take effect.

mypyc type-checks the modules against the standard library and byline alone, never
against what happens to be installed (``--no-site-packages``): lxml stubs or a typed
charset-normalizer in the target environment would otherwise fail the build or change the
C it generates (runtime checks on lxml values). Nor does it read pyproject.toml's
``[tool.mypy]`` (``--config-file=``): the strict checks there are run by ``mypy`` itself,
with lxml's stubs, and would fail here, where lxml is untyped. The compiled code is the
same wherever it is built.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

# The modules every page goes through, bytes to record. Not compiled: the record types
# (pickled between processes, read by every format), the pipeline, store, web and CLI.
COMPILED_MODULES = [
    "src/byline/document.py",
    "src/byline/markup.py",
    "src/byline/extract.py",
    "src/byline/maintext.py",
    "src/byline/detach.py",
    "src/byline/render.py",
    "src/byline/blocks.py",
    "src/byline/pageblocks.py",
    "src/byline/boilerplate.py",
    "src/byline/memo.py",
    "src/byline/blockmodel.py",
    "src/byline/_blockweights.py",
    "src/byline/fields.py",
    "src/byline/reconcile/__init__.py",
    "src/byline/reconcile/choice.py",
    "src/byline/reconcile/dates.py",
    "src/byline/reconcile/media.py",
    "src/byline/reconcile/people.py",
    "src/byline/reconcile/terms.py",
    "src/byline/reconcile/title.py",
    "src/byline/reconcile/trust.py",
    "src/byline/reconcile/ranking.py",
    "src/byline/reconcile/_authorweights.py",
    "src/byline/reconcile/_dateweights.py",
    "src/byline/authors.py",
    "src/byline/dates.py",
    "src/byline/lexicon.py",
    "src/byline/language.py",
    "src/byline/textlanguage.py",
    "src/byline/dateline.py",
    "src/byline/quotes.py",
    "src/byline/sources/__init__.py",
    "src/byline/sources/_common.py",
    "src/byline/sources/_page.py",
    "src/byline/sources/_places.py",
    "src/byline/sources/_schemaorg.py",
    "src/byline/sources/candidate.py",
    "src/byline/sources/dom.py",
    "src/byline/sources/dom_authors.py",
    "src/byline/sources/dom_dates.py",
    "src/byline/sources/dublincore.py",
    "src/byline/sources/jsonld.py",
    "src/byline/sources/meta.py",
    "src/byline/sources/microdata.py",
    "src/byline/sources/opengraph.py",
    "src/byline/sources/twitter.py",
    "src/byline/sources/url.py",
]


# The setuptools commands that build extension modules: a wheel (what ``pip install .``
# runs), an editable wheel, or a direct build. The other hooks pip calls before them
# (``egg_info``, ``dist_info``: requirements and metadata) build nothing, and no argument
# of theirs tells a wheel from an editable install, so they never compile.
_WHEEL_COMMANDS = frozenset({"bdist_wheel", "build", "build_ext", "install"})
_EDITABLE_COMMAND = "editable_wheel"


def _compiling() -> bool:
    commands = set(sys.argv[1:])
    if commands.isdisjoint(_WHEEL_COMMANDS | {_EDITABLE_COMMAND}):
        return False
    choice = os.environ.get("BYLINE_COMPILE")
    if choice is not None:
        return choice not in ("0", "", "false", "no")
    return _EDITABLE_COMMAND not in commands


def _extensions() -> list:
    if not _compiling():
        return []
    from mypyc.build import mypycify

    return mypycify(
        ["--config-file=", "--ignore-missing-imports", "--no-site-packages", *COMPILED_MODULES],
        opt_level="3",
        group_name="byline",
    )


setup(ext_modules=_extensions())
