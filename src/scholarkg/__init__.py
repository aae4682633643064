"""scholarkg: messy researcher records in, one validated linked-data knowledge graph out.

The library API (the CLI is a thin layer over it)::

    from scholarkg import build, open_build, validate_store, coauthors, export_graph
    result = build(["pages/"], out_dir="out")
    store = open_build("out")
    report = validate_store(store)          # ValidationReport(conforms, findings)
    answer = coauthors(store, "Ada Lovelace", topic="Analytical Engines")
    with open("graph.jsonld", "wb") as fh:
        export_graph(store, "jsonld", fh)

Heavy dependencies are imported on first use, so importing scholarkg is cheap.

No public name is also the name of a submodule: importing ``scholarkg.export`` sets the package
attribute ``export`` to the module, which would hide a function of that name
(``tests/test_api.py`` keeps it so).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name -> (module, name in that module)
_API: dict[str, tuple[str, str]] = {
    "build": ("pipeline", "build"),
    "BuildResult": ("pipeline", "BuildResult"),
    "Config": ("config", "Config"),
    "load_config": ("config", "load_config"),
    "open_build": ("store", "open_build"),
    "load_file": ("store", "load_file"),
    "validate_store": ("validate", "validate_store"),
    "validate_file": ("validate", "validate_file"),
    "ValidationReport": ("validate", "ValidationReport"),
    "coauthors": ("query", "coauthors"),
    "run_query": ("query", "run_query"),
    "export_graph": ("export", "export"),
    "read_pages": ("readers.page", "read_pages"),
    "clean_profiles": ("clean", "clean_profiles"),
    "resolve_profiles": ("resolve", "resolve"),
    "tag_works": ("tag", "tag_works"),
    "to_ntriples": ("map", "to_ntriples"),
    "ScholarKGError": ("errors", "ScholarKGError"),
    "InputError": ("errors", "InputError"),
    "UsageError": ("errors", "UsageError"),
    "StoreError": ("errors", "StoreError"),
    "QueryError": ("errors", "QueryError"),
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    where = _API.get(name)
    if where is None:
        raise AttributeError(f"module 'scholarkg' has no attribute {name!r}")
    module, attr = where
    value = getattr(import_module(f".{module}", __name__), attr)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
