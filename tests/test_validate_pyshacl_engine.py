"""pySHACL as the engine (scholarkg.validate.pyshacl_engine): its one patch, and its failures as
typed errors."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from validate_support import VALIDATE_CASES

from scholarkg.errors import ScholarKGError
from scholarkg.validate import shapes, validate_file


def test_oxigraph_truthiness_workaround_is_applied_once() -> None:
    from pyshacl.graph_abstraction import OxigraphDataGraph

    validate_file(VALIDATE_CASES / "clean.ttl")
    patched = vars(OxigraphDataGraph)["__bool__"]
    validate_file(VALIDATE_CASES / "clean.ttl")
    assert vars(OxigraphDataGraph)["__bool__"] is patched
    graph = OxigraphDataGraph(ox.Store())
    assert bool(graph) is True  # even when empty: never a COUNT over the store


BROKEN_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/shapes#> .
ex:Broken a sh:NodeShape ;
    sh:targetNode ex:Graph ;
    sh:message "broken" ;
    sh:sparql [ sh:select "SELECT $this WHERE { ?s ?p ?o MINUS { ?s ?p ?o } }" ] .
"""


def test_broken_shapes_raise_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """pySHACL returns (does not raise) a ValidationFailure; it must not pass as a report."""
    monkeypatch.setattr(shapes, "shapes_text", lambda: BROKEN_SHAPES)
    with pytest.raises(ScholarKGError, match="validation could not run"):
        validate_file(VALIDATE_CASES / "clean.ttl")
