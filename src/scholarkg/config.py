"""Build configuration: the IRI base and the institute that publishes the profile pages.

The pages never name their institute, so its name and IRI come from here. A ``scholarkg.toml``
looks like::

    base = "https://kg.example.org/"
    [institute]
    name = "Example Institute"
    iri = "https://institute.example.org/"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .vocab import DEFAULT_BASE


@dataclass(frozen=True, slots=True)
class Config:
    base: str = DEFAULT_BASE
    institute_name: str = "Example Institute"
    institute_iri: str = "https://institute.example.org/"


def load_config(path: str | Path | None) -> Config:
    """Read a ``scholarkg.toml``; ``None`` gives the defaults."""
    if path is None:
        return Config()
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(
            str(p), None, f"cannot read config: {exc.strerror}", "check the path given to --config"
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(p), None, f"not valid TOML: {exc}", "fix the syntax") from exc
    inst = data.get("institute", {})
    if not isinstance(inst, dict):
        raise InputError(
            str(p),
            None,
            "[institute] must be a table",
            'write [institute] with name = "…" and iri = "…"',
        )
    defaults = Config()
    unknown = set(data) - {"base", "institute"}
    if unknown:
        raise InputError(
            str(p),
            None,
            f"unknown setting(s): {', '.join(sorted(unknown))}",
            "allowed: base, [institute] name and iri",
        )
    return Config(
        base=str(data.get("base", defaults.base)),
        institute_name=str(inst.get("name", defaults.institute_name)),
        institute_iri=str(inst.get("iri", defaults.institute_iri)),
    )
