"""The package's public API (``scholarkg/__init__.py``): every documented name is what it says."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import scholarkg


def _submodules() -> set[str]:
    return {m.name for m in pkgutil.iter_modules(scholarkg.__path__)}


def test_no_public_name_is_a_submodule_name() -> None:
    """Importing ``scholarkg.X`` sets the attribute ``X`` to the module, hiding an API name X."""
    clashes = set(scholarkg.__all__) & _submodules()
    assert clashes == set()


def test_every_public_name_is_a_function_or_class_after_every_module_is_imported() -> None:
    for name in sorted(_submodules()):
        importlib.import_module(f"scholarkg.{name}")
    for name in scholarkg.__all__:
        value = getattr(scholarkg, name)
        assert inspect.isfunction(value) or inspect.isclass(value), name


def test_export_graph_is_the_function_even_after_the_export_module_is_imported() -> None:
    """Regression: ``from scholarkg import export`` gave the module, not the function."""
    import scholarkg.export
    from scholarkg import export_graph

    assert export_graph is scholarkg.export.export
    assert callable(export_graph)


def test_importing_the_package_imports_no_heavy_dependency() -> None:
    code = (
        "import sys, scholarkg; from scholarkg import ScholarKGError, Config; "
        "print([m for m in ('pyoxigraph', 'pyshacl', 'rdflib', 'typer', 'rich') "
        "if m in sys.modules])"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"
