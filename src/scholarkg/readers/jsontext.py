"""JSON as real files write it: each top-level item with its line, and local faults read around.

A strict parser fails a whole file on one bad token; real CSL-JSON has some (a date part written
``01``, a key given twice). Here a number with a leading zero is read as the number it means and
a repeated key keeps its last value (what ``json.loads`` does), each reported as a
:class:`~scholarkg.records.Problem` with its line. Any other syntax error is an
:class:`~scholarkg.errors.InputError` naming line and column (nothing sensible can be read).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..records import Problem, SourceRef

_LEADING_ZERO = re.compile(r"(?<![\w.\"])0([0-9]+)(?=\s*[,\]}])")
_MAX_REPAIRS = 1000


@dataclass(frozen=True, slots=True)
class Item:
    value: Any
    line: int  # 1-based line where the item starts


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


class _Pairs:
    """object_pairs_hook that keeps the last of a repeated key and notes the repeat."""

    def __init__(self) -> None:
        self.repeated: list[tuple[str, Any, Any]] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in pairs:
            if k in out and out[k] != v:
                self.repeated.append((k, out[k], v))
            out[k] = v
        return out


def parse_json_items(text: str, path: str, problems: list[Problem]) -> tuple[list[Item], bool]:
    """The items of a JSON array (or the one object of a file that holds an object), each with
    its line; and whether the top level was an array."""
    repaired = _repair_leading_zeros(text, path, problems)
    pairs = _Pairs()
    decoder = json.JSONDecoder(object_pairs_hook=pairs)
    i = _skip_ws(repaired, 0)
    if i >= len(repaired):
        raise InputError(path, None, "the file is empty", "pass a JSON file")
    items: list[Item] = []
    if repaired[i] != "[":
        value, end = _decode(decoder, repaired, i, path)
        _note_repeats(pairs, path, _line_of(repaired, i), problems)
        if _skip_ws(repaired, end) < len(repaired):
            _fail(repaired, _skip_ws(repaired, end), path, "extra data after the JSON value")
        return [Item(value, _line_of(repaired, i))], False
    i = _skip_ws(repaired, i + 1)
    if i < len(repaired) and repaired[i] == "]":
        return [], True
    while True:
        line = _line_of(repaired, i)
        value, i = _decode(decoder, repaired, i, path)
        _note_repeats(pairs, path, line, problems)
        items.append(Item(value, line))
        i = _skip_ws(repaired, i)
        if i < len(repaired) and repaired[i] == ",":
            i = _skip_ws(repaired, i + 1)
            continue
        if i < len(repaired) and repaired[i] == "]":
            break
        _fail(repaired, i, path, "expected ',' or ']' after an item")
    end = _skip_ws(repaired, i + 1)
    if end < len(repaired):
        _fail(repaired, end, path, "extra data after the JSON array")
    return items, True


def parse_json_lines(text: str, path: str, problems: list[Problem]) -> list[Item]:
    """JSON Lines: one value a line; a line that is not JSON is a problem, the rest is read."""
    items: list[Item] = []
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        pairs = _Pairs()
        try:
            value = json.loads(raw, object_pairs_hook=pairs)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(SourceRef(path, n), f"not JSON ({exc.msg}, column {exc.colno}); skipped")
            )
            continue
        _note_repeats(pairs, path, n, problems)
        items.append(Item(value, n))
    return items


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _decode(decoder: json.JSONDecoder, text: str, i: int, path: str) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, i)
    except json.JSONDecodeError as exc:
        raise InputError(
            path,
            exc.lineno,
            f"not valid JSON: {exc.msg} (column {exc.colno})",
            "fix the JSON syntax at that place",
        ) from exc


def _fail(text: str, pos: int, path: str, message: str) -> None:
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    raise InputError(
        path, _line_of(text, pos), f"not valid JSON: {message} (column {col})", "fix the syntax"
    )


def _note_repeats(pairs: _Pairs, path: str, line: int, problems: list[Problem]) -> None:
    for key, first, last in pairs.repeated:
        problems.append(
            Problem(
                SourceRef(path, line),
                f"key {key!r} is given twice ({json.dumps(first)}, then {json.dumps(last)}); "
                "the last is used",
            )
        )
    pairs.repeated.clear()


def _repair_leading_zeros(text: str, path: str, problems: list[Problem]) -> str:
    """``[2022, 6, 01]`` → ``[2022, 6,  1]`` (same length: lines and columns stay), where the
    strict parser fails on it; each repair is a problem with its line."""
    out = text
    for _ in range(_MAX_REPAIRS):
        try:
            json.loads(out)
            return out
        except json.JSONDecodeError as exc:
            m = _LEADING_ZERO.match(out, exc.pos - 1) or _LEADING_ZERO.match(out, exc.pos)
            if m is None:
                return out  # another fault: the item-by-item parse names it
            problems.append(
                Problem(
                    SourceRef(path, exc.lineno),
                    f"the number {m.group(0)} has a leading zero (not JSON); read as "
                    f"{int(m.group(1))}",
                )
            )
            out = out[: m.start()] + " " + out[m.start() + 1 :]
    return out
