"""scholarkg: messy researcher records in, one validated linked-data knowledge graph out.

The library API (the CLI is a thin layer over it)::

    from scholarkg import build, open_build, validate_store, coauthors, export
    result = build(["pages/"], out_dir="out")
    store = open_build("out")
    report = validate_store(store)          # ValidationReport(conforms, findings)
    answer = coauthors(store, "Ada Lovelace", topic="Analytical Engines")
    with open("graph.jsonld", "wb") as fh:
        export(store, "jsonld", fh)

Heavy dependencies are imported on first use, so importing scholarkg is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "build": "pipeline",
    "BuildResult": "pipeline",
    "Config": "config",
    "load_config": "config",
    "open_build": "store",
    "load_file": "store",
    "validate_store": "validate",
    "validate_file": "validate",
    "ValidationReport": "validate",
    "coauthors": "query",
    "run_query": "query",
    "export": "export",
    "read_pages": "read",
    "clean_profiles": "clean",
    "resolve": "resolve",
    "tag_works": "tag",
    "to_ntriples": "map",
    "ScholarKGError": "errors",
    "InputError": "errors",
    "UsageError": "errors",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'scholarkg' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
