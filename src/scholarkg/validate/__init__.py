"""Validate a graph against the SHACL shapes in ``shapes/scholarkg.ttl``.

Two engines give the same typed :class:`ValidationReport` of :class:`Finding` values, sorted so that
the same data always gives the same report:

- the **fast engine** (the default of :func:`validate_store`) compiles the shapes into a few
  set-based SPARQL queries, one per constraint, that run inside Oxigraph over all focus nodes at
  once (see :func:`compile_shapes`). It implements exactly the SHACL features the shapes use and
  refuses any other (:class:`UnsupportedShapeError`), in which case validation falls back to
  pySHACL, so a new kind of rule can never go unchecked;
- **pySHACL** (the only module that imports it), run straight on the Oxigraph store or on an
  rdflib Graph (:func:`validate_graph`): the reference the fast engine is tested against.

One file per job:

- ``report.py``: the results (:class:`Finding`, :class:`ValidationReport`) and their order;
- ``shapes.py``: finding, reading and parsing the shapes;
- ``compile.py``: the SHACL→SPARQL compiler of the fast engine;
- ``fast_engine.py``: running the compiled shapes in Oxigraph;
- ``pyshacl_engine.py``: running pySHACL (and the one patch it needs);
- ``labels.py``: the label and source line of each node a finding is about;
- ``run.py``: :func:`validate_store`, :func:`validate_graph`, :func:`validate_file`.

pyshacl and rdflib are imported inside the functions, so importing this package is cheap (it
brings in :mod:`scholarkg.store` and with it pyoxigraph, about 20 ms).
"""

from __future__ import annotations

from .compile import CompiledShapes, UnsupportedShapeError, compile_shapes
from .report import GRAPH_NODE, SHAPES_NS, Finding, ValidationReport
from .run import ENGINES, Engine, validate_file, validate_graph, validate_store
from .shapes import SHAPES_FILE, load_shapes, shapes_file

__all__ = [
    "ENGINES",
    "GRAPH_NODE",
    "SHAPES_FILE",
    "SHAPES_NS",
    "CompiledShapes",
    "Engine",
    "Finding",
    "UnsupportedShapeError",
    "ValidationReport",
    "compile_shapes",
    "load_shapes",
    "shapes_file",
    "validate_file",
    "validate_graph",
    "validate_store",
]
