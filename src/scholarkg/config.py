"""Build configuration: the IRI base and the institute that publishes the profile pages.

The pages never name their institute, so its name and IRI come from here. A ``scholarkg.toml``
looks like::

    base = "https://kg.example.org/"
    [institute]
    name = "Example Institute"
    iri = "https://institute.example.org/"
    [[curation.same_person]]        # curation entries, as in a curation file (scholarkg.curate)
    names = ["Ada Lovelace", "A. K. Lovelace"]

A ``scholarkg.toml`` in the folder given as input (or in the folder of a file given) is found
by :func:`find_config` when no ``--config`` is named. Its ``[curation]`` part is applied before
a ``--curation FILE``'s entries (both apply, in that order: the file named has the last word).

Every setting is optional (the defaults are those of :class:`Config`); an unknown setting or a
value of the wrong type is an error naming the file and the key. The same settings, in the same
shape, are recorded in a build's ``report.json`` (:func:`config_to_mapping`) and read back from
it (:func:`config_from_mapping`): this module alone knows their names and defaults.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .curate import Curation, curation_from_mapping
from .errors import ConfigError, InputError, UsageError
from .vocab import DEFAULT_BASE, Minter


@dataclass(frozen=True, slots=True)
class Config:
    base: str = DEFAULT_BASE
    institute_name: str = "Example Institute"
    institute_iri: str = "https://institute.example.org/"
    curation: Curation | None = None  # the [curation] part of a scholarkg.toml

    def __post_init__(self) -> None:
        Minter(self.base)  # a bad base IRI is a UsageError as soon as a Config holds it


# (table, key) → the Config field it sets; table "" is the top level
_SETTINGS: dict[tuple[str, str], str] = {
    ("", "base"): "base",
    ("institute", "name"): "institute_name",
    ("institute", "iri"): "institute_iri",
}
_TABLES = frozenset(t for t, _ in _SETTINGS if t)
_CURATION = "curation"  # a table of curation entries: [[curation.same_person]] …
_ALLOWED = "allowed: base, [institute] with name and iri, and [[curation.…]] entries"
CONFIG_NAME = "scholarkg.toml"


def find_config(inputs: Iterable[str | Path]) -> Path | None:
    """The ``scholarkg.toml`` beside the inputs: in a folder given, or in the folder of a file
    given. None when there is none; two different ones are a :class:`UsageError`."""
    found = sorted(
        {
            c
            for item in inputs
            if (
                c := (Path(item) if Path(item).is_dir() else Path(item).parent) / CONFIG_NAME
            ).is_file()
        },
        key=str,
    )
    if len(found) > 1:
        raise UsageError(
            f"the inputs have {len(found)} {CONFIG_NAME} beside them: "
            + ", ".join(map(str, found)),
            "say which one with --config FILE",
        )
    return found[0] if found else None


def load_config(path: str | Path | None) -> Config:
    """Read a ``scholarkg.toml``; ``None`` gives the defaults."""
    if path is None:
        return Config()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise InputError(
            str(p), None, f"cannot read config: {exc.strerror}", "check the path given to --config"
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(p), None, f"not valid TOML: {exc}", "fix the syntax") from exc
    return config_from_mapping(data, str(p), text)


def config_from_mapping(data: Mapping[str, Any], source: str, text: str = "") -> Config:
    """A :class:`Config` from settings shaped like ``scholarkg.toml``; missing ones default.

    ``source`` names where the settings came from (for errors); ``text``, when given, is the
    file's text, used to name the line of a bad setting.
    """
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == _CURATION:
            values["curation"] = _curation(source, text, value)
        elif key in _TABLES:
            if not isinstance(value, Mapping):
                raise ConfigError(
                    source,
                    key,
                    f"[{key}] must be a table",
                    'write [institute] with name = "…" and iri = "…"',
                    _line_of(text, "", key),
                )
            for sub, subvalue in value.items():
                field_name = _field(source, text, key, sub)  # an unknown key before its type
                values[field_name] = _string(source, text, key, sub, subvalue)
        else:
            field_name = _field(source, text, "", key)
            values[field_name] = _string(source, text, "", key, value)
    try:
        return Config(**values)
    except UsageError as exc:
        raise ConfigError(
            source, "base", exc.message, exc.hint, _line_of(text, "", "base")
        ) from exc


def _curation(source: str, text: str, value: object) -> Curation:
    if not isinstance(value, Mapping):
        raise ConfigError(
            source,
            _CURATION,
            f"{_CURATION!r} must hold tables of curation entries",
            "write [[curation.same_person]] with names = […] (see the README)",
            _line_of(text, "", _CURATION),
        )
    return curation_from_mapping(value, source, text, prefix=f"{_CURATION}.")


def config_to_mapping(config: Config) -> dict[str, Any]:
    """The settings of ``config`` shaped like ``scholarkg.toml`` (what ``report.json`` records)."""
    out: dict[str, Any] = {}
    for (table, key), field_name in _SETTINGS.items():
        value = getattr(config, field_name)
        if table:
            out.setdefault(table, {})[key] = value
        else:
            out[key] = value
    return out


def _field(source: str, text: str, table: str, key: str) -> str:
    field_name = _SETTINGS.get((table, key))
    if field_name is not None:
        return field_name
    dotted = f"{table}.{key}" if table else key
    tables = sorted({*_TABLES, _CURATION})
    known = [f"{t}.{k}" if t else k for t, k in _SETTINGS] + tables
    here = [k for t, k in _SETTINGS if t == table] + ([] if table else tables)
    close = difflib.get_close_matches(key, here, n=1) or difflib.get_close_matches(dotted, known)
    hint = f"did you mean {close[0]!r}?" if close else _ALLOWED
    raise ConfigError(
        source, dotted, f"unknown setting {dotted!r}", hint, _line_of(text, table, key)
    )


def _string(source: str, text: str, table: str, key: str, value: object) -> str:
    if isinstance(value, str):
        return value
    dotted = f"{table}.{key}" if table else key
    kind = "a table" if isinstance(value, Mapping) else f"{type(value).__name__} {value!r}"
    raise ConfigError(
        source,
        dotted,
        f"{dotted!r} must be a string, not {kind}",
        f'quote it: {key} = "…"',
        _line_of(text, table, key),
    )


def _line_of(text: str, table: str, key: str) -> int | None:
    """The line of ``key`` in ``[table]`` of a TOML text (a plain scan; None if not found)."""
    current = ""
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if m := re.match(r"^\[\s*([^\]\s]+)\s*\]", stripped):
            current = m.group(1)
            if not table and current == key:
                return n
        elif current == table and re.match(rf"^{re.escape(key)}\s*=", stripped):
            return n
    return None
