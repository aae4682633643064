"""The house rules of the code itself (issue 6, shared/STYLE.md), so later changes cannot undo them.

Sizes: no source file over 600 lines and no function over 60 lines, data tables aside. The walls:
the library never imports the CLI; reading, cleaning and resolution know nothing of RDF or the
store; each heavy dependency lives behind one module. Everything is read with ``ast`` from the
files under ``src/scholarkg`` (nothing is imported), function-level imports included.

A PENDING set lists violations that were already there when this module was written, each owned by
someone rewriting that file. It may only shrink: a listed entry that is fixed fails the test until
it is removed from the set, and a violation not listed fails as new.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "scholarkg"

MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 60

# Functions over MAX_FUNCTION_LINES on main when this test was written ("file:qualified name"),
# each in a file another change is rewriting. This set must become empty: split each where a
# name can say what each part does, then remove it here.
PENDING_SPLIT: frozenset[str] = frozenset()

# Modules besides store.py that import pyoxigraph (at any level, type-only imports included) on
# main when this test was written. This set must become empty: they should reach Oxigraph
# through scholarkg.store, so that replacing the store touches one file.
PENDING_PYOXIGRAPH: frozenset[str] = frozenset(
    {
        "scholarkg.export",
        # the export package (issue 10) reads the store's dump and lookups directly
        "scholarkg.export.memory",
        "scholarkg.export.sort",
        "scholarkg.export.split",
        "scholarkg.publish.push",
        "scholarkg.query",
        "scholarkg.validate.compile",
        "scholarkg.validate.fast_engine",
        "scholarkg.validate.labels",
        "scholarkg.validate.run",
    }
)

# The CLI and the modules that exist only to serve it.
CLI_MODULES = frozenset({"scholarkg.cli", "scholarkg.cli_progress"})
# Modules allowed to import the CLI: ``python -m scholarkg`` needs it.
CLI_ENTRY_POINTS = frozenset({"scholarkg.__main__"})
# Stages that work on text and typed records and must know nothing of RDF or the store
# (``readers`` holds every reader, the page reader too).
RDF_FREE_STAGES = ("readers", "clean", "names", "text", "resolve")
RDF_AND_STORE = ("rdflib", "pyoxigraph", "pyshacl", "scholarkg.store", "scholarkg.map")


def module_name(path: Path, root: Path = SRC) -> str:
    """``src/scholarkg/resolve/cluster.py`` -> ``scholarkg.resolve.cluster``."""
    parts = path.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((root.name, *parts))


def imports_of(source: str, module: str, is_package: bool) -> set[str]:
    """Every dotted name a module imports, wherever in the file, relative imports made absolute.

    ``from .x import y`` gives both ``pkg.x`` and ``pkg.x.y`` (``y`` may be a submodule).
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            found.add(origin)
            found.update(f"{origin}.{alias.name}" for alias in node.names)
    return found


@dataclass(frozen=True, slots=True)
class Module:
    name: str
    path: Path
    imports: frozenset[str]


@cache
def modules() -> dict[str, Module]:
    found: dict[str, Module] = {}
    for path in sorted(SRC.rglob("*.py")):
        name = module_name(path)
        source = path.read_text(encoding="utf-8")
        found[name] = Module(
            name, path, frozenset(imports_of(source, name, path.name == "__init__.py"))
        )
    return found


def within(name: str, prefix: str) -> bool:
    """True when ``name`` is ``prefix`` or inside it (``rdflib.term`` is within ``rdflib``)."""
    return name == prefix or name.startswith(prefix + ".")


def local_targets(imported: str, known: dict[str, Module]) -> set[str]:
    """The scholarkg modules that importing ``imported`` runs: the module and its packages."""
    parts = imported.split(".")
    return {".".join(parts[:n]) for n in range(1, len(parts) + 1)} & known.keys()


def reach(start: str, known: dict[str, Module]) -> set[str]:
    """Every name imported by ``start`` or by any scholarkg module it imports, transitively."""
    seen_modules = {start}
    todo = [start]
    names: set[str] = set()
    while todo:
        for imported in known[todo.pop()].imports:
            names.add(imported)
            for target in local_targets(imported, known) - seen_modules:
                seen_modules.add(target)
                todo.append(target)
    return names | seen_modules


def function_lengths(source: str) -> dict[str, int]:
    """Qualified name -> lines from the first decorator to the last line, nested ones included."""
    lengths: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                qualified = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                    assert child.end_lineno is not None
                    lengths[qualified] = child.end_lineno - first + 1
                visit(child, qualified + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return lengths


_LITERAL = ast.Dict | ast.List | ast.Set | ast.Tuple


def is_data_table(node: ast.stmt) -> bool:
    """A module-level assignment of a literal dict, list, set or tuple (or frozenset(literal))."""
    if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
        return False
    value = node.value
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id in {"frozenset", "tuple", "set", "dict"}
        and len(value.args) == 1
        and not value.keywords
    ):
        value = value.args[0]
    return isinstance(value, _LITERAL)


def code_lines(source: str) -> int:
    """Lines in a file, less the lines of its module-level data tables."""
    tables = 0
    for node in ast.parse(source).body:
        if is_data_table(node):
            assert node.end_lineno is not None
            tables += node.end_lineno - node.lineno + 1
    return len(source.splitlines()) - tables


def long_functions() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC).as_posix()
        for name, length in function_lengths(path.read_text(encoding="utf-8")).items():
            if length > MAX_FUNCTION_LINES:
                found[f"{where}:{name}"] = length
    return found


# --- the measures themselves -------------------------------------------------------------------


def test_a_function_is_measured_from_its_first_decorator_to_its_last_line() -> None:
    source = "@a\n@b(1)\ndef f():\n    x = 1\n    return x\n"
    assert function_lengths(source) == {"f": 5}


def test_methods_and_nested_functions_are_measured_under_their_qualified_names() -> None:
    source = (
        "class C:\n    def m(self):\n        def inner():\n            pass\n        return 1\n"
    )
    assert function_lengths(source) == {"C.m": 4, "C.m.inner": 2}


def test_data_tables_do_not_count_toward_a_files_length() -> None:
    source = (
        "X = {\n  'a': 1,\n  'b': 2,\n}\nY: frozenset[str] = frozenset({\n 'c',\n})\nz = f(\n 1)\n"
    )
    assert code_lines(source) == 2  # only the call ``z = f(...)`` counts


def test_imports_are_found_at_any_level_and_made_absolute() -> None:
    source = "import a.b\ndef f():\n    from .store import open_build\n    from .. import text\n"
    found = imports_of(source, "scholarkg.resolve.cluster", is_package=False)
    assert {"a.b", "scholarkg.resolve.store", "scholarkg.text"} <= found
    in_package = imports_of("from .cluster import x\n", "scholarkg.resolve", is_package=True)
    assert "scholarkg.resolve.cluster" in in_package


def test_an_import_reaches_through_the_modules_it_imports() -> None:
    known = {
        "p.a": Module("p.a", Path("a"), frozenset({"p.b.f"})),
        "p.b": Module("p.b", Path("b"), frozenset({"rdflib"})),
        "p": Module("p", Path("p"), frozenset()),
    }
    assert "rdflib" in reach("p.a", known)
    assert "rdflib" not in reach("p", known)


# --- sizes ---------------------------------------------------------------------------------------


def test_no_source_file_is_over_600_lines() -> None:
    too_long = {
        path.relative_to(SRC).as_posix(): lines
        for path in sorted(SRC.rglob("*.py"))
        if (lines := code_lines(path.read_text(encoding="utf-8"))) > MAX_FILE_LINES
    }
    assert too_long == {}, "make the module a package whose file names say its jobs"


def test_no_new_function_is_over_60_lines() -> None:
    new = {k: n for k, n in long_functions().items() if k not in PENDING_SPLIT}
    assert new == {}, "split it where a name can say what each part does"


def test_pending_splits_only_shrink() -> None:
    done = PENDING_SPLIT - long_functions().keys()
    assert done == set(), "these are short now (or gone): remove them from PENDING_SPLIT"


# --- walls ---------------------------------------------------------------------------------------


def test_the_library_never_imports_the_cli() -> None:
    known = modules()
    offenders = {
        name: sorted(i for i in m.imports if any(within(i, cli) for cli in CLI_MODULES))
        for name, m in known.items()
        if name not in CLI_MODULES | CLI_ENTRY_POINTS
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_typer_and_rich_are_imported_only_by_the_cli() -> None:
    offenders = {
        name: sorted(i for i in m.imports if within(i, "typer") or within(i, "rich"))
        for name, m in modules().items()
        if name not in CLI_MODULES
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("stage", RDF_FREE_STAGES)
def test_reading_cleaning_and_resolution_know_no_rdf_and_no_store(stage: str) -> None:
    known = modules()
    members = [name for name in known if within(name, f"scholarkg.{stage}")]
    offenders = {
        name: sorted(i for i in reach(name, known) if any(within(i, bad) for bad in RDF_AND_STORE))
        for name in members
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def pyoxigraph_importers() -> set[str]:
    return {
        name
        for name, m in modules().items()
        if any(within(i, "pyoxigraph") for i in m.imports) and name != "scholarkg.store"
    }


def test_pyoxigraph_is_imported_only_by_the_store() -> None:
    new = pyoxigraph_importers() - PENDING_PYOXIGRAPH
    assert new == set(), "reach Oxigraph through scholarkg.store"


def test_pending_pyoxigraph_importers_only_shrink() -> None:
    done = PENDING_PYOXIGRAPH - pyoxigraph_importers()
    assert done == set(), "these no longer import pyoxigraph: remove them from PENDING_PYOXIGRAPH"


def test_the_stages_under_the_walls_exist() -> None:
    """The walls above test something: each listed stage and the store are still there."""
    known = modules()
    for stage in ("clean", "names", "text", "resolve", "store", "cli"):
        assert f"scholarkg.{stage}" in known, f"scholarkg.{stage} moved: update this test"
    assert "scholarkg.readers.page" in known, "no page reader: update this test"


def test_pyshacl_is_imported_only_by_its_validation_engine() -> None:
    offenders = {
        name
        for name, m in modules().items()
        if any(within(i, "pyshacl") for i in m.imports)
        and name != "scholarkg.validate.pyshacl_engine"
    }
    assert offenders == set(), "pySHACL lives behind scholarkg.validate.pyshacl_engine"
