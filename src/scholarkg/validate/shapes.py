"""The SHACL shapes: where ``scholarkg.ttl`` is, its text, and its parsed graph."""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ScholarKGError

if TYPE_CHECKING:
    import rdflib

SHAPES_FILE = "scholarkg.ttl"


def shapes_file() -> Traversable:
    """Where the shapes are: inside the installed package (the wheel ships them as
    ``scholarkg/shapes/``), else the repository's top-level ``shapes/``."""
    try:
        packaged = resources.files("scholarkg").joinpath("shapes", SHAPES_FILE)
        if packaged.is_file():
            return packaged
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - odd loaders
        pass
    return Path(__file__).resolve().parents[3] / "shapes" / SHAPES_FILE


@functools.cache
def shapes_text() -> str:
    """The text of the shapes file (read once per process)."""
    resource = shapes_file()
    try:
        return resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScholarKGError(
            f"cannot read the SHACL shapes at {resource}: {exc.strerror}",
            "reinstall scholarkg; the wheel ships scholarkg/shapes/scholarkg.ttl",
        ) from exc


def load_shapes() -> rdflib.Graph:
    """The SHACL shapes graph (a fresh rdflib Graph on each call)."""
    return parse_shapes(shapes_text())


def parse_shapes(text: str) -> rdflib.Graph:
    """A shapes graph from Turtle; Turtle that does not parse is a :class:`ScholarKGError`."""
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(data=text, format="turtle")
    except SyntaxError as exc:  # rdflib's Turtle errors derive from SyntaxError
        raise ScholarKGError(
            f"{shapes_file()}: the SHACL shapes do not parse: {exc}",
            "this is a bug in scholarkg; fix the Turtle in shapes/scholarkg.ttl",
        ) from exc
    return graph


def local_name(term: Any) -> str:
    """The last part of an IRI (after ``#`` or ``/``): how a shape or a severity is named."""
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text
